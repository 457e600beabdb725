package io.podometer.connectors.simulate;

import java.time.LocalDate;

/**
 * When the planted anti-patterns play out: in the last weeks of the range, after normal weeks that
 * give the detectors their baselines. Meeting creep keeps its own 10 weeks ({@link PeopleSignals}).
 */
final class Stories {

  /** Security shortcuts, untested AI work and gamed figures: the last 10 weeks. */
  static final int WEEKS = 10;

  /** Juniors stop reviewing and get agents' approvals only in the last 6 weeks. */
  static final int JUNIOR_WEEKS = 6;

  private Stories() {}

  static boolean on(SimulatedRange range, LocalDate day) {
    return range.weeksToEnd(day) < WEEKS;
  }

  static boolean juniorsOn(SimulatedRange range, LocalDate day) {
    return range.weeksToEnd(day) < JUNIOR_WEEKS;
  }
}
