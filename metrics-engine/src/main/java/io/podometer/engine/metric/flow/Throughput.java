package io.podometer.engine.metric.flow;

import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Throughput per engineer (merged PRs of the week over the week's active engineers, per pod: its
 * numerator counts in the pod chain and the author's member scope, where active engineers are
 * known), PR size (changed lines, additions + deletions, of each merged PR, week of the merge) and,
 * where the organization declares bets, the share of merged PRs linked to none.
 */
final class Throughput {

  private final EngineContext context;
  private final People people;
  private final WeekSlots slots;

  Throughput(EngineContext context, People people, WeekSlots slots) {
    this.context = context;
    this.people = people;
    this.slots = slots;
  }

  void emit(PullRequests prs, Consumer<Contribution> out) {
    for (PullRequests.Counted pr : prs.all()) {
      PullRequestFact fact = pr.fact();
      IsoWeek week = slots.weekOf(fact.mergedAt());
      if (week == null) {
        continue;
      }
      Supplier<String> merged = () -> "merged " + Times.format(fact.mergedAt());
      out.accept(
          Contribution.count(
              MetricId.THROUGHPUT_PER_ENGINEER,
              week,
              pr.podScopes(),
              1,
              pr.person(),
              Evidence.lazily(pr.ref(), merged)));
      if (!context.org().bets().isEmpty()) {
        List<String> bets = context.scopes().betsOf(fact);
        out.accept(
            Contribution.ratio(
                MetricId.UNLINKED_PR_SHARE,
                week,
                pr.podScopes(),
                bets.isEmpty() ? 1 : 0,
                1,
                pr.person(),
                Evidence.lazily(
                    pr.ref(),
                    () ->
                        merged.get()
                            + (bets.isEmpty()
                                ? "; linked to no bet"
                                : "; linked to " + String.join(", ", bets)))));
      }
      if (fact.additions() != null || fact.deletions() != null) {
        int added = fact.additions() == null ? 0 : fact.additions();
        int deleted = fact.deletions() == null ? 0 : fact.deletions();
        out.accept(
            Contribution.sample(
                MetricId.PR_SIZE_P50,
                week,
                pr.scopes(),
                added + deleted,
                pr.person(),
                Evidence.lazily(
                    pr.ref(),
                    () ->
                        merged.get()
                            + "; "
                            + added
                            + " added + "
                            + deleted
                            + " deleted = "
                            + (added + deleted)
                            + " changed lines")));
      }
    }
    ActiveEngineers active = new ActiveEngineers(context, people, slots);
    active.collect(prs);
    active.emit(out);
  }
}
