package io.podometer.connectors.github;

import io.podometer.connectors.source.Pauses;
import io.podometer.connectors.source.SourceProgress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * GitHub's rate limits, waited out and shown: the primary one ({@code x-ratelimit-remaining: 0})
 * until {@code x-ratelimit-reset}; the secondary one (403 or 429 with {@code retry-after}) for that
 * long, else a minute as GitHub advises. The client then sends the request again.
 */
final class RateLimitWaits {

  static final Duration SECONDARY_DEFAULT = Duration.ofMinutes(1);

  private final Clock clock;
  private final Pauses pauses;
  private final SourceProgress progress;

  RateLimitWaits(Clock clock, Pauses pauses, SourceProgress progress) {
    this.clock = clock;
    this.pauses = pauses;
    this.progress = progress;
  }

  GitHubRateLimitHandler primary() {
    return new GitHubRateLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        String reset = response.header("x-ratelimit-reset");
        Instant until =
            reset != null && reset.strip().matches("\\d{1,12}")
                ? Instant.ofEpochSecond(Long.parseLong(reset.strip()))
                : clock.instant().plus(SECONDARY_DEFAULT);
        waitUntil(until, "GitHub's rate limit (x-ratelimit-remaining: 0)");
      }
    };
  }

  GitHubAbuseLimitHandler secondary() {
    return new GitHubAbuseLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        String after = response.header("retry-after");
        Duration wait =
            after != null && after.strip().matches("\\d{1,9}")
                ? Duration.ofSeconds(Long.parseLong(after.strip()))
                : SECONDARY_DEFAULT;
        waitUntil(clock.instant().plus(wait), "GitHub's secondary rate limit (retry-after)");
      }
    };
  }

  private void waitUntil(Instant until, String why) throws IOException {
    Duration wait = Duration.between(clock.instant(), until);
    progress.waiting(until, why);
    try {
      // a second more: GitHub's reset is to the second
      pauses.pause(wait.isNegative() ? Duration.ZERO : wait.plusSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("stopped while waiting for " + why);
    } finally {
      progress.resumed();
    }
  }
}
