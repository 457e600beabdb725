package io.podometer.engine.bet;

import io.podometer.engine.time.IsoWeek;
import java.util.List;

/**
 * A bet's kill signal judged in a week: the weekly values of its window (oldest first, null where
 * the week has none), whether it fires, and — when it cannot be judged — what is missing.
 */
public record KillSignalVerdict(
    String betId, IsoWeek week, State state, List<WeekValue> window, String missing) {

  public enum State {
    /** Every week of the window breached the threshold: the bet is a kill candidate. */
    FIRES,
    /** Every week of the window has its value, and one at least did not breach. */
    HOLDS,
    /** A week of the window has no value, or the bet has no kill signal. */
    NOT_EVALUATED
  }

  /** One week's value of the signal (the mean of its readings), or null. */
  public record WeekValue(IsoWeek week, Double value, int readings) {}

  public KillSignalVerdict {
    window = List.copyOf(window);
  }

  public boolean fires() {
    return state == State.FIRES;
  }

  /** The newest week's value, or null. */
  public Double current() {
    return window.isEmpty() ? null : window.get(window.size() - 1).value();
  }
}
