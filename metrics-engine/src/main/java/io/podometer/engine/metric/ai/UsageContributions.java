package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.time.IsoWeek;
import java.util.function.Consumer;

/**
 * The agent-usage figures, one item per usage day in the week of the day, counting for the user's
 * pod that day (an unmapped user: the organization only): the numerators of {@code
 * agent_cost_per_pr_usd} (USD) and {@code agent_tokens_per_pr} (tokens), {@code
 * agent_acceptance_rate} (acceptances / suggestions) and {@code agent_edit_reject_rate}
 * (editRejects / (editAccepts + editRejects)). A day the agent was used is also an engineer's
 * activity and AI signal. Each item names its tool, so that the figures split by tool.
 */
final class UsageContributions {

  private final WeekSlots slots;
  private final UsageDays usage;
  private final EngineerWeeks engineers;

  UsageContributions(WeekSlots slots, UsageDays usage, EngineerWeeks engineers) {
    this.slots = slots;
    this.usage = usage;
    this.engineers = engineers;
  }

  void emit(Consumer<Contribution> out) {
    for (UsageDays.Day day : usage.days()) {
      emit(day, out);
    }
  }

  private void emit(UsageDays.Day day, Consumer<Contribution> out) {
    long epochDay = day.usage().day().toEpochDay();
    int slot = slots.slotOfEpochDay(epochDay);
    if (slot < 0) {
      return;
    }
    if (day.used()) {
      engineers.activity(day.member(), slot, day.pod(), slots.startOf(epochDay), day.usage(), true);
    }
    if (slots.computed(slot)) {
      emit(day, slots.week(slot), slots.dayLabel(epochDay), out);
    }
  }

  private static void emit(
      UsageDays.Day day, IsoWeek week, String dayLabel, Consumer<Contribution> out) {
    AgentUsage u = day.usage();
    String ref = Refs.usage(u.tool(), u.user(), dayLabel);
    String what = u.tool() + " on " + dayLabel + ": ";
    if (u.costUsd() != null && u.costUsd() != 0) {
      out.accept(
          Contribution.ofTool(
              MetricId.AGENT_COST_PER_PR_USD,
              week,
              day.scopes(),
              u.costUsd(),
              0,
              u.tool(),
              day.person(),
              new Evidence(ref, what + Refs.amount(u.costUsd()) + " USD")));
    }
    if (u.tokens() != null && u.tokens() != 0) {
      out.accept(
          Contribution.ofTool(
              MetricId.AGENT_TOKENS_PER_PR,
              week,
              day.scopes(),
              u.tokens(),
              0,
              u.tool(),
              day.person(),
              new Evidence(ref, what + u.tokens() + " tokens")));
    }
    if (u.suggestions() != null && u.suggestions() > 0) {
      int accepted = u.acceptances() == null ? 0 : u.acceptances();
      out.accept(
          Contribution.ofTool(
              MetricId.AGENT_ACCEPTANCE_RATE,
              week,
              day.scopes(),
              accepted,
              u.suggestions(),
              u.tool(),
              day.person(),
              new Evidence(
                  ref, what + accepted + " of " + u.suggestions() + " suggestions accepted")));
    }
    // lines the person kept: Copilot's accepted lines, else the lines an agent's accepted edits
    // added
    Integer kept = u.linesAccepted() != null ? u.linesAccepted() : u.linesAdded();
    if (u.tokens() != null && u.tokens() > 0 && kept != null && kept > 0) {
      out.accept(
          Contribution.ofTool(
              MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE,
              week,
              day.scopes(),
              u.tokens(),
              kept,
              u.tool(),
              day.person(),
              new Evidence(ref, what + u.tokens() + " tokens for " + kept + " lines kept")));
    }
    int accepts = u.editAccepts() == null ? 0 : u.editAccepts();
    int rejects = u.editRejects() == null ? 0 : u.editRejects();
    if (accepts + rejects > 0) {
      out.accept(
          Contribution.ofTool(
              MetricId.AGENT_EDIT_REJECT_RATE,
              week,
              day.scopes(),
              rejects,
              accepts + rejects,
              u.tool(),
              day.person(),
              new Evidence(
                  ref,
                  what + rejects + " of " + (accepts + rejects) + " proposed edits rejected")));
    }
  }
}
