package io.podometer.connectors.simulate;

import java.time.Clock;
import java.time.Instant;

/**
 * What to simulate: how many engineers, over how many ISO weeks, from which seed, and where "now"
 * is.
 *
 * <p>The simulated range is the {@code weeks} ISO weeks (Monday 00:00 UTC) ending with the week
 * that holds the clock's instant; nothing is dated after that instant, so the last week is partial.
 * The clock is read once per {@link DemoOrganization}; the same settings with a fixed clock give
 * byte-identical output.
 */
public record SimulationSettings(int engineers, int weeks, long seed, Clock clock) {

  public static final int DEFAULT_ENGINEERS = 40;
  public static final int DEFAULT_WEEKS = 26;
  public static final long DEFAULT_SEED = 42;
  public static final int MIN_ENGINEERS = 12;
  public static final int MAX_ENGINEERS = 100_000;
  public static final int MAX_WEEKS = 260;

  private static final Instant EARLIEST = Instant.parse("1980-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

  public SimulationSettings {
    if (engineers < MIN_ENGINEERS || engineers > MAX_ENGINEERS) {
      throw new IllegalArgumentException(
          "engineers must be between "
              + MIN_ENGINEERS
              + " and "
              + MAX_ENGINEERS
              + ", got "
              + engineers
              + " (a demo needs three pods of four at least)");
    }
    if (weeks < 1 || weeks > MAX_WEEKS) {
      throw new IllegalArgumentException(
          "weeks must be between 1 and " + MAX_WEEKS + ", got " + weeks);
    }
    if (clock == null) {
      throw new IllegalArgumentException(
          "clock is required (use Clock.fixed for a repeatable run)");
    }
    Instant now = clock.instant();
    if (now.isBefore(EARLIEST) || now.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          "clock must read between " + EARLIEST + " and " + LATEST + ", got " + now);
    }
  }

  /** 40 engineers, 26 weeks, seed 42, ending now by the system clock (UTC). */
  public static SimulationSettings defaults() {
    return defaults(Clock.systemUTC());
  }

  /** 40 engineers, 26 weeks, seed 42, ending at the given clock's instant. */
  public static SimulationSettings defaults(Clock clock) {
    return new SimulationSettings(DEFAULT_ENGINEERS, DEFAULT_WEEKS, DEFAULT_SEED, clock);
  }

  public SimulationSettings withEngineers(int engineers) {
    return new SimulationSettings(engineers, weeks, seed, clock);
  }

  public SimulationSettings withWeeks(int weeks) {
    return new SimulationSettings(engineers, weeks, seed, clock);
  }

  public SimulationSettings withSeed(long seed) {
    return new SimulationSettings(engineers, weeks, seed, clock);
  }

  public SimulationSettings withClock(Clock clock) {
    return new SimulationSettings(engineers, weeks, seed, clock);
  }
}
