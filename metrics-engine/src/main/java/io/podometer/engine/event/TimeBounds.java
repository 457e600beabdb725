package io.podometer.engine.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The moments an event may name: from 1970 to a horizon after now. A timestamp in the year 10000 is
 * well-formed, yet it would set "data as of" for good and stretch every range; a clock a little
 * ahead is not an error, hence the horizon.
 */
final class TimeBounds {

  static final Instant EARLIEST = Instant.EPOCH;

  /** No upper bound: for replays and tests of fixed histories. */
  static final TimeBounds UNBOUNDED = new TimeBounds(null, null);

  private final Clock clock;
  private final Duration horizon;

  private TimeBounds(Clock clock, Duration horizon) {
    this.clock = clock;
    this.horizon = horizon;
  }

  static TimeBounds upTo(Clock clock, Duration horizon) {
    if (horizon.isNegative()) {
      throw new IllegalArgumentException("the time horizon must not be negative: " + horizon);
    }
    return new TimeBounds(clock, horizon);
  }

  /** Why an instant is out of bounds, or null when it is not. */
  String breach(Instant at) {
    Instant latest = clock == null ? null : clock.instant().plus(horizon);
    if (at.isBefore(EARLIEST) || (latest != null && at.isAfter(latest))) {
      return "must be between "
          + EARLIEST
          + " and "
          + (latest == null ? "any time" : latest + " (now + " + horizon + ")")
          + ", got "
          + at;
    }
    return null;
  }
}
