package io.podometer.connectors.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Calls a source until it answers: a rate limit waits until the time the source gave (as long as it
 * takes, never counted as a failure); any other retriable error waits 1 s, 2 s, 4 s… (at most
 * {@link #MAX_DELAY}) and gives up after {@link #ATTEMPTS} tries by throwing it on. A fatal error
 * is thrown at once. Every wait is shown on the progress.
 */
public final class Retrying {

  public static final int ATTEMPTS = 6;
  public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  public static final Duration MAX_DELAY = Duration.ofMinutes(2);

  /** Without a time from the source, a rate limit is tried again after this. */
  public static final Duration RATE_LIMIT_DEFAULT_WAIT = Duration.ofMinutes(1);

  private final Clock clock;
  private final Pauses pauses;
  private final SourceProgress progress;

  public Retrying(Clock clock, Pauses pauses, SourceProgress progress) {
    this.clock = clock;
    this.pauses = pauses;
    this.progress = progress;
  }

  public <T> T call(String what, Supplier<T> call) throws InterruptedException {
    int failures = 0;
    while (true) {
      try {
        T answer = call.get();
        progress.resumed();
        return answer;
      } catch (SourceError.Retriable e) {
        progress.error(what + ": " + e.getMessage());
        Duration wait;
        if (e.rateLimited()) {
          Instant until = e.retryAt().orElse(clock.instant().plus(RATE_LIMIT_DEFAULT_WAIT));
          wait = Duration.between(clock.instant(), until);
          progress.waiting(until, "rate limit: " + e.getMessage());
        } else {
          failures++;
          if (failures >= ATTEMPTS) {
            throw e;
          }
          wait = backoff(failures);
          // a source that says when to come back (retry-after on a 503) is believed
          Duration asked =
              e.retryAt().map(at -> Duration.between(clock.instant(), at)).orElse(Duration.ZERO);
          if (asked.compareTo(wait) > 0) {
            wait = asked;
          }
          progress.waiting(clock.instant().plus(wait), "retry after: " + e.getMessage());
        }
        pauses.pause(wait.isNegative() ? Duration.ZERO : wait);
      }
    }
  }

  /** 1 s, 2 s, 4 s… after the first, second, third failure, at most {@link #MAX_DELAY}. */
  static Duration backoff(int failures) {
    long seconds = FIRST_DELAY.toSeconds() << Math.min(20, failures - 1);
    return seconds > MAX_DELAY.toSeconds() ? MAX_DELAY : Duration.ofSeconds(seconds);
  }
}
