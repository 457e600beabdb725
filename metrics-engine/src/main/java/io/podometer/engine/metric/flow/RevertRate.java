package io.podometer.engine.metric.flow;

import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.time.IsoWeek;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Revert rate (SPEC §5.3): the week's merged PRs reverted within {@link OutcomeWindows#REVERT} of
 * their merge / the week's merged PRs, week of the merge. Emitted while the window is still open;
 * see {@link OutcomeWindows#pending}.
 */
final class RevertRate {

  private final WeekSlots slots;

  RevertRate(WeekSlots slots) {
    this.slots = slots;
  }

  void emit(PullRequests prs, Reverts reverts, Consumer<Contribution> out) {
    for (PullRequests.Counted pr : prs.all()) {
      PullRequestFact fact = pr.fact();
      IsoWeek week = slots.weekOf(fact.mergedAt());
      if (week == null) {
        continue;
      }
      Reverts.Revert revert = reverts.of(pr);
      Duration after = revert == null ? null : Duration.between(fact.mergedAt(), revert.at());
      boolean counted = after != null && after.compareTo(OutcomeWindows.REVERT) <= 0;
      out.accept(
          Contribution.ratio(
              MetricId.REVERT_RATE,
              week,
              pr.scopes(),
              counted ? 1 : 0,
              1,
              pr.person(),
              Evidence.lazily(pr.ref(), () -> rule(fact, revert, after, counted))));
    }
  }

  private static String rule(
      PullRequestFact fact, Reverts.Revert revert, Duration after, boolean counted) {
    if (revert == null) {
      return "merged "
          + Times.format(fact.mergedAt())
          + "; not reverted (window until "
          + Times.format(fact.mergedAt().plus(OutcomeWindows.REVERT))
          + ")";
    } else {
      return "merged "
          + Times.format(fact.mergedAt())
          + "; reverted by "
          + revert.ref()
          + " ("
          + revert.how()
          + ") "
          + Times.format(revert.at())
          + ", "
          + after.toHours()
          + " h later"
          + (counted ? "" : ": outside the " + OutcomeWindows.REVERT.toDays() + "-day window");
    }
  }
}
