package io.podometer.engine.metric.ai;

import io.podometer.engine.event.FactKind;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.Meanwhile;
import io.podometer.engine.metric.MetricFamily;
import io.podometer.engine.metric.ai.MergedPullRequests.Merged;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * SPEC §5.1 AI adoption: AI-generated code share (with its exact part and its split by source),
 * agent-assisted diffs, weekly active AI users, AI-First engineers and their manual-edit share,
 * agent-authored PRs, agent cost and tokens per merged PR, agent acceptance and edit-reject rates.
 * Indexes built once per computation; stateless and thread-safe. Part of the reading runs on the
 * common fork-join pool; contributions are emitted from the calling thread only.
 */
public final class AiAdoptionFamily implements MetricFamily {

  private static final Set<FactKind> READS = FactKind.changesAnd(FactKind.AGENT_USAGE_DAY);

  private static final Set<MetricId> METRICS =
      Collections.unmodifiableSet(
          EnumSet.of(
              MetricId.AI_CODE_SHARE,
              MetricId.AGENT_ASSISTED_DIFFS,
              MetricId.WEEKLY_ACTIVE_AI_USERS,
              MetricId.AI_FIRST_ENGINEERS,
              MetricId.MANUAL_EDIT_SHARE,
              MetricId.AGENT_AUTHORED_PRS,
              MetricId.AGENT_COST_PER_PR_USD,
              MetricId.AGENT_TOKENS_PER_PR,
              MetricId.AGENT_ACCEPTANCE_RATE,
              MetricId.AGENT_EDIT_REJECT_RATE,
              MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE,
              MetricId.SECURITY_SHORTCUTS,
              MetricId.UNTESTED_AI_PR_SHARE,
              MetricId.UNCORROBORATED_AI_SHARE,
              MetricId.JUNIOR_REVIEWS_GIVEN,
              MetricId.JUNIOR_HUMAN_SHARE,
              MetricId.JUNIOR_AGENT_ONLY_APPROVALS));

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

  /**
   * Only the parts the wanted metrics need: agent acceptance and edit rejects read agent use alone,
   * and the figures of changes need the weeks looked back over only for AI-First engineers.
   */
  @Override
  public void contribute(EngineContext context, Set<MetricId> wanted, Consumer<Contribution> out) {
    boolean engineerFigures = !Collections.disjoint(wanted, ENGINEER_METRICS);
    boolean changeFigures = engineerFigures || !Collections.disjoint(wanted, CHANGE_METRICS);
    // AI-First engineers look back over the 3 weeks before each computed week
    WeekSlots slots = WeekSlots.of(context, EngineerContributions.WINDOW_WEEKS - 1);
    if (slots.size() <= slots.firstComputed()) {
      return;
    }
    EngineerWeeks engineers = new EngineerWeeks(context.org().members(), slots.size());
    // agent use and the engineers' other activity do not depend on landed changes: they are read
    // on another core meanwhile, with an identity cache of their own
    Meanwhile<UsageDays> usageDays =
        Meanwhile.start(
            () -> {
              People own = new People(context, slots);
              if (engineerFigures) {
                new EngineerActivity(context, own, slots, engineers).record();
              }
              return new UsageDays(context, own);
            });
    if (changeFigures) {
      People people = new People(context, slots);
      LandedChanges changes = new LandedChanges(context.facts());
      ChangeAttributions attributions = new ChangeAttributions(context, changes);
      List<Merged> merged =
          MergedPullRequests.read(context, people, slots, changes, attributions, !engineerFigures);
      UsageDays usage = usageDays.get();
      new ChangeContributions(context, people, slots, changes, attributions, usage, engineers)
          .emit(merged, out);
      new UsageContributions(slots, usage, engineers).emit(out);
      if (!Collections.disjoint(wanted, SAFEGUARD_METRICS)) {
        Safeguards safeguards =
            new Safeguards(context, people, slots, changes, attributions, usage);
        safeguards.emit(merged, out);
        new JuniorWork(context, people, slots).emit(merged, safeguards.reviews(), out);
      }
    } else {
      new UsageContributions(slots, usageDays.get(), engineers).emit(out);
    }
    if (engineerFigures) {
      new EngineerContributions(context, slots, engineers).emit(out);
    }
  }

  private static final Set<MetricId> ENGINEER_METRICS =
      EnumSet.of(
          MetricId.WEEKLY_ACTIVE_AI_USERS, MetricId.AI_FIRST_ENGINEERS, MetricId.MANUAL_EDIT_SHARE);

  /** Read by the anti-pattern detectors: shortcuts, untested AI work, juniors' work. */
  private static final Set<MetricId> SAFEGUARD_METRICS =
      EnumSet.of(
          MetricId.SECURITY_SHORTCUTS,
          MetricId.UNTESTED_AI_PR_SHARE,
          MetricId.UNCORROBORATED_AI_SHARE,
          MetricId.JUNIOR_REVIEWS_GIVEN,
          MetricId.JUNIOR_HUMAN_SHARE,
          MetricId.JUNIOR_AGENT_ONLY_APPROVALS);

  /** What needs the week's landed changes: their figures and the safeguards read from them. */
  private static final Set<MetricId> CHANGE_METRICS = changeMetrics();

  private static Set<MetricId> changeMetrics() {
    Set<MetricId> metrics =
        EnumSet.of(
            MetricId.AI_CODE_SHARE,
            MetricId.AGENT_ASSISTED_DIFFS,
            MetricId.AGENT_AUTHORED_PRS,
            MetricId.AGENT_COST_PER_PR_USD,
            MetricId.AGENT_TOKENS_PER_PR);
    metrics.addAll(SAFEGUARD_METRICS);
    return Collections.unmodifiableSet(metrics);
  }
}
