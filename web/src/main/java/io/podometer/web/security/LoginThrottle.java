package io.podometer.web.security;

import io.podometer.web.config.PodometerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses password checks for a user name from a client address after too many failures in a
 * window, and from the address altogether after four times as many (so one address cannot try many
 * names, yet people sharing an address are not locked out by one mistyped password). An attempt
 * counts as a failure from the moment it starts, so parallel guesses cannot slip past the count; a
 * success takes it back. Kept in memory, per server. Behind a reverse proxy, turn on Quarkus' proxy
 * address forwarding so the address is the client's, not the proxy's.
 */
@ApplicationScoped
public class LoginThrottle {

  /** Beyond this many names and addresses, forgotten failures are swept away. */
  static final int MAX_KEYS = 10_000;

  @Inject PodometerConfig config;
  @Inject Clock clock;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  /**
   * Starts an attempt: refused (with how long to wait) when too many failed already; otherwise
   * counted as a failure until {@link #succeeded} takes it back.
   */
  public synchronized Optional<Duration> attempt(String username, String client) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      sweep(now);
    }
    String[] keys = keys(username, client);
    Duration longest = null;
    for (int i = 0; i < keys.length; i++) {
      Deque<Instant> times = failures.computeIfAbsent(keys[i], k -> new ArrayDeque<>());
      prune(times, now);
      int allowed = config.auth().maxLoginFailures() * (i == 0 ? 1 : 4);
      if (times.size() >= allowed) {
        Duration wait = Duration.between(now, times.peekFirst().plus(window()));
        if (longest == null || wait.compareTo(longest) > 0) {
          longest = wait;
        }
      }
    }
    if (longest != null) {
      return Optional.of(longest);
    }
    for (String key : keys) {
      failures.get(key).addLast(now);
    }
    return Optional.empty();
  }

  /**
   * The attempt succeeded: the name's failures from that address are forgotten, and the address's
   * count gives back this attempt (not the others: the address may be shared).
   */
  public synchronized void succeeded(String username, String client) {
    String[] keys = keys(username, client);
    failures.remove(keys[0]);
    Deque<Instant> byClient = failures.get(keys[1]);
    if (byClient != null && !byClient.isEmpty()) {
      byClient.removeLast();
    }
  }

  /** Forgets every failure (tests, and an admin's reset). */
  public synchronized void clear() {
    failures.clear();
  }

  private void sweep(Instant now) {
    failures
        .values()
        .removeIf(
            times -> {
              prune(times, now);
              return times.isEmpty();
            });
  }

  private Duration window() {
    return config.auth().loginFailureWindow();
  }

  private void prune(Deque<Instant> times, Instant now) {
    Instant oldest = now.minus(window());
    while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
      times.removeFirst();
    }
  }

  /** The name from the address first, then the address. */
  private static String[] keys(String username, String client) {
    return new String[] {username.toLowerCase(Locale.ROOT) + "@" + client, client};
  }
}
