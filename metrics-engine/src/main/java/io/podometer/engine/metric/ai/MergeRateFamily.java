package io.podometer.engine.metric.ai;

import io.podometer.engine.event.FactKind;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.MetricFamily;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code agent_pr_merge_rate} beside {@code human_pr_merge_rate}: of the pull requests closed in
 * the week (merged, or closed without merging), the share merged — agent-authored ones (an agent's
 * login, or an agent's branch) apart from people's. An agent whose pull requests are mostly closed
 * unmerged costs reviews without landing work. Ignored bots' pull requests count in neither.
 */
public final class MergeRateFamily implements MetricFamily {

  private static final Set<FactKind> READS =
      Collections.unmodifiableSet(EnumSet.of(FactKind.PULL_REQUEST));

  private static final Set<MetricId> METRICS =
      Collections.unmodifiableSet(
          EnumSet.of(MetricId.AGENT_PR_MERGE_RATE, MetricId.HUMAN_PR_MERGE_RATE));

  @Override
  public Set<MetricId> metrics() {
    return METRICS;
  }

  @Override
  public Set<FactKind> reads() {
    return READS;
  }

  @Override
  public void contribute(EngineContext context, Consumer<Contribution> out) {
    WeekSlots slots = WeekSlots.of(context, 0);
    People people = new People(context, slots);
    for (PullRequestFact pr : context.facts().pullRequests()) {
      closed(context, people, slots, pr, out);
    }
  }

  private static void closed(
      EngineContext context,
      People people,
      WeekSlots slots,
      PullRequestFact pr,
      Consumer<Contribution> out) {
    PullRequestFact.State state = pr.state();
    if (state == PullRequestFact.State.OPEN || context.pods().isIgnored(pr)) {
      return;
    }
    boolean merged = state == PullRequestFact.State.MERGED;
    Instant at = merged ? pr.mergedAt() : pr.closedAt();
    int slot = slots.slotOf(at);
    if (slot < 0 || !slots.computed(slot)) {
      return;
    }
    String agent = people.agentOf(pr.author());
    if (agent == null) {
      agent = context.agents().agentForPullRequest(null, pr.headBranch()).orElse(null);
    }
    String member = agent == null ? people.memberOf(pr.author()) : null;
    String person = agent != null ? null : member != null ? member : pr.author();
    out.accept(
        Contribution.ratio(
            agent != null ? MetricId.AGENT_PR_MERGE_RATE : MetricId.HUMAN_PR_MERGE_RATE,
            slots.week(slot),
            context
                .scopes()
                .forChange(people.podOf(pr), pr.repo(), context.scopes().betsOf(pr), member),
            merged ? 1 : 0,
            1,
            person,
            new Evidence(
                Refs.of(pr),
                (merged ? "merged " : "closed without merging ")
                    + slots.dayLabel(at)
                    + (agent != null ? "; authored by the agent " + agent : ""))));
  }
}
