package io.podometer.engine.metric.ai;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.MetricFamily;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * SPEC §5.1 AI adoption: AI-generated code share (with its exact part and its split by source),
 * agent-assisted diffs, weekly active AI users, AI-First engineers and their manual-edit share,
 * agent-authored PRs, agent cost and tokens per merged PR, agent acceptance and edit-reject rates.
 * Indexes built once per computation; stateless and thread-safe.
 */
public final class AiAdoptionFamily implements MetricFamily {

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
              MetricId.AGENT_EDIT_REJECT_RATE));

  @Override
  public Set<MetricId> metrics() {
    return METRICS;
  }

  @Override
  public void contribute(EngineContext context, Consumer<Contribution> out) {
    // AI-First engineers look back over the 3 weeks before each computed week
    WeekSlots slots = WeekSlots.of(context, EngineerContributions.WINDOW_WEEKS - 1);
    if (slots.size() <= slots.firstComputed()) {
      return;
    }
    People people = new People(context);
    EngineerWeeks engineers = new EngineerWeeks(context.org().members(), slots.size());
    UsageDays usage = new UsageDays(context, people);
    LandedChanges changes = new LandedChanges(context.facts());
    new ChangeContributions(context, people, slots, changes, usage, engineers).emit(out);
    new UsageContributions(slots, usage, engineers).emit(out);
    new EngineerActivity(context, people, slots, engineers).record();
    new EngineerContributions(context, slots, engineers).emit(out);
  }
}
