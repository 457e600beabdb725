package io.podometer.engine.metric.flow;

import io.podometer.engine.event.FactKind;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.MetricFamily;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Throughput and outcomes (SPEC §5.2 "Throughput", §5.3): throughput per engineer, PR size, revert
 * rate, AI churn proxy, the developer-experience pulse and meeting hours per engineer. PR figures
 * count for the PR's pod in the week it merged; revert rate and AI churn are emitted before their
 * windows pass ({@link OutcomeWindows} tells when a week's figure is final). Stateless and
 * thread-safe.
 */
public final class FlowFamily implements MetricFamily {

  private static final Set<FactKind> READS =
      FactKind.changesAnd(FactKind.AGENT_USAGE_DAY, FactKind.MEETING_WEEK, FactKind.PULSE_ANSWER);

  private static final Set<MetricId> METRICS =
      Collections.unmodifiableSet(
          EnumSet.of(
              MetricId.THROUGHPUT_PER_ENGINEER,
              MetricId.PR_SIZE_P50,
              MetricId.REVERT_RATE,
              MetricId.AI_CHURN_PROXY,
              MetricId.PULSE_SATISFACTION,
              MetricId.PULSE_FLOW,
              MetricId.PULSE_COLLABORATION,
              MetricId.MEETING_HOURS_PER_ENGINEER));

  public FlowFamily() {}

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
    People people = People.of(context);
    PullRequests prs = PullRequests.of(context);
    WeekSlots slots = new WeekSlots(context);
    new Throughput(context, people, slots).emit(prs, out);
    new RevertRate(slots).emit(prs, new Reverts(prs, context.facts().commits()), out);
    new AiChurn(context, slots, new ChangeIndex(context.facts()), new FileChanges(prs))
        .emit(prs, out);
    new TeamHealth(context, people, slots).emit(out);
  }
}
