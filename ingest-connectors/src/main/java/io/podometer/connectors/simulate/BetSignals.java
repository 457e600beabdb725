package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Org.Bet;
import io.podometer.connectors.simulate.Org.Member;
import java.time.LocalDate;

/**
 * A daily {@code bet.signal} per active bet on working days (its kill signal's series, or the
 * adoption share of a bet judged on an engine metric), and now and then a {@code bet.learning} by
 * its STO. A drifting bet has been past its kill threshold for its kill signal's window and more.
 */
final class BetSignals {
  private static final long STREAM = 0x424554L;
  private static final String ADOPTION = "adoption_share";
  private static final String[] LEARNINGS = {
    "Cohort data so far supports the hypothesis; widening the rollout to %d%% of traffic",
    "The %d%% holdout shows no difference yet; need two more weeks of data",
    "Users in the test group hit an edge case we missed; fixing it before reading the numbers (%d tickets)",
    "Support tickets mention the change %d times, mostly positive",
    "The signal moved less than expected; we are checking the instrumentation on %d%% of sessions",
    "Interviews with %d users: the main friction is elsewhere than we assumed"
  };

  private final Workplace w;

  BetSignals(Workplace w) {
    this.w = w;
  }

  void planDay(LocalDate day) {
    if (SimulatedRange.weekend(day)) {
      return;
    }
    long noon = Times.start(day) + 12 * Times.HOUR;
    for (Bet bet : w.org.bets) {
      if (!bet.activeOn(day)) {
        continue;
      }
      Rng r = Rng.of(w.seed, STREAM, bet.index(), day.toEpochDay());
      long at = noon + bet.index() % 60 * Times.MINUTE;
      String name = bet.killSignal().onMetric() ? ADOPTION : bet.killSignal().name();
      double value = round(value(bet, day, r));
      w.timeline.at(at, () -> CanonicalEvents.betSignal(bet.id(), name, value, at));
      if (r.chance(0.06) && bet.sto() != null) { // learnings are their owner's to log
        long learnedAt = Times.start(day) + 15 * Times.HOUR + bet.index() % 60 * Times.MINUTE;
        Member sto =
            w.org.members.stream().filter(m -> m.id().equals(bet.sto())).findFirst().orElseThrow();
        String text = String.format(r.pick(LEARNINGS), r.between(5, 40));
        w.timeline.at(
            learnedAt, () -> CanonicalEvents.betLearning(bet.id(), sto.email(), text, learnedAt));
      }
    }
  }

  private double value(Bet bet, LocalDate day, Rng r) {
    if (bet.killSignal().onMetric()) {
      double weeks = (day.toEpochDay() - bet.started().toEpochDay()) / 7.0;
      return Math.min(0.95, 0.1 + 0.06 * weeks) * r.uniform(0.9, 1.1);
    }
    BetCatalog.Entry entry = BetCatalog.ENTRIES.get(bet.index() % BetCatalog.ENTRIES.size());
    double healthy = entry.healthy();
    long weeksToEnd = w.range.weeksToEnd(day);
    int drift = bet.killSignal().windowWeeks() + 2;
    if (bet.drifting() && weeksToEnd < drift) {
      // 30 % past the threshold, on the wrong side of it, through the kill signal's whole window
      // before the week in progress: the bet is a kill candidate in the last complete week
      healthy = entry.threshold() * (entry.comparator().equals("<") ? 0.7 : 1.3);
    }
    return healthy * (1 + 0.06 * r.gaussian());
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
