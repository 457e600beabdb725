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
 * names, yet people sharing an address are not locked out by one mistyped password). Kept in
 * memory, per server.
 */
@ApplicationScoped
public class LoginThrottle {

  @Inject PodometerConfig config;
  @Inject Clock clock;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  /** How long the caller must wait before trying again, if refused now. */
  public Optional<Duration> refusal(String username, String client) {
    Instant now = clock.instant();
    Duration longest = null;
    String[] keys = keys(username, client);
    for (int i = 0; i < keys.length; i++) {
      Deque<Instant> times = failures.get(keys[i]);
      if (times == null) {
        continue;
      }
      int allowed = config.auth().maxLoginFailures() * (i == 0 ? 1 : 4);
      synchronized (times) {
        prune(times, now);
        if (times.size() >= allowed) {
          Duration wait = Duration.between(now, times.peekFirst().plus(window()));
          if (longest == null || wait.compareTo(longest) > 0) {
            longest = wait;
          }
        }
      }
    }
    return Optional.ofNullable(longest);
  }

  public void failed(String username, String client) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      sweep(now);
    }
    for (String key : keys(username, client)) {
      Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (times) {
        prune(times, now);
        times.addLast(now);
      }
    }
  }

  /** A success clears the name's failures from that address (not the address's own count). */
  public void succeeded(String username, String client) {
    failures.remove(keys(username, client)[0]);
  }

  /** Forgets every failure (tests, and an admin's reset). */
  public void clear() {
    failures.clear();
  }

  /** Beyond this many names and addresses, forgotten failures are swept away. */
  static final int MAX_KEYS = 10_000;

  private void sweep(Instant now) {
    failures
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
              }
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
