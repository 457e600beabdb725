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
              MetricId.UNLINKED_PR_SHARE,
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
    contribute(context, METRICS, out);
  }

  /** Only the parts the wanted metrics need: the pulse and meetings read no pull request. */
  @Override
  public void contribute(EngineContext context, Set<MetricId> wanted, Consumer<Contribution> out) {
    boolean throughput =
        wanted.contains(MetricId.THROUGHPUT_PER_ENGINEER)
            || wanted.contains(MetricId.PR_SIZE_P50)
            || wanted.contains(MetricId.UNLINKED_PR_SHARE);
    boolean reverts = wanted.contains(MetricId.REVERT_RATE);
    boolean churn = wanted.contains(MetricId.AI_CHURN_PROXY);
    boolean teamHealth =
        wanted.contains(MetricId.PULSE_SATISFACTION)
            || wanted.contains(MetricId.PULSE_FLOW)
            || wanted.contains(MetricId.PULSE_COLLABORATION)
            || wanted.contains(MetricId.MEETING_HOURS_PER_ENGINEER);
    People people = People.of(context);
    WeekSlots slots = new WeekSlots(context);
    if (throughput || reverts || churn) {
      PullRequests prs = PullRequests.of(context);
      if (throughput) {
        new Throughput(context, people, slots).emit(prs, out);
      }
      if (reverts) {
        new RevertRate(slots).emit(prs, new Reverts(prs, context.facts().commits()), out);
      }
      if (churn) {
        new AiChurn(context, slots, new ChangeIndex(context.facts()), new FileChanges(prs))
            .emit(prs, out);
      }
    }
    if (teamHealth) {
      new TeamHealth(context, people, slots).emit(out);
    }
  }
}
