package io.podometer.connectors.source;

import java.time.Duration;

/** How a connector waits (a rate limit, a backoff): the real clock, or a test's. */
@FunctionalInterface
public interface Pauses {

  Pauses REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

  void pause(Duration duration) throws InterruptedException;
}
