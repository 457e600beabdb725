package io.podometer.engine.metric.ai;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.ai.EngineerWeeks.Week;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The engineer figures, one item per engineer and week, counting in every pod the engineer's
 * activity counted for in that week (or window), their pillars, the organization and the engineer's
 * own scope:
 *
 * <ul>
 *   <li>{@code weekly_active_ai_users}: active engineers with an AI signal that week / active
 *       engineers;
 *   <li>{@code ai_first_engineers}: engineers whose AI share of added lines over the 4 ISO weeks
 *       ending that week is at least 75 % with at least 50 added lines / engineers active in those
 *       weeks;
 *   <li>{@code manual_edit_share}: their non-AI added lines / their added lines over the window.
 * </ul>
 */
final class EngineerContributions {

  /** The AI-First window: this week and the 3 before it (28 days). */
  static final int WINDOW_WEEKS = 4;

  static final double AI_FIRST_SHARE = 0.75;
  static final int AI_FIRST_MIN_LINES = 50;

  private final EngineContext context;
  private final WeekSlots slots;
  private final EngineerWeeks engineers;

  EngineerContributions(EngineContext context, WeekSlots slots, EngineerWeeks engineers) {
    this.context = context;
    this.slots = slots;
    this.engineers = engineers;
  }

  void emit(Consumer<Contribution> out) {
    for (String engineer : engineers.engineers()) {
      for (int slot = slots.firstComputed(); slot < slots.size(); slot++) {
        weeklyActive(engineer, slot, out);
        aiFirst(engineer, slot, out);
      }
    }
  }

  private void weeklyActive(String engineer, int slot, Consumer<Contribution> out) {
    Week week = engineers.get(engineer, slot);
    if (week == null || !week.active()) {
      return;
    }
    IsoWeek iso = slots.week(slot);
    boolean signal = week.signal().present();
    String rule =
        "active engineer in "
            + iso
            + " (first: "
            + week.activity().ref()
            + ")"
            + (signal ? "; AI signal: " + week.signal().ref() : "; no AI signal");
    out.accept(
        Contribution.keyed(
            MetricId.WEEKLY_ACTIVE_AI_USERS,
            iso,
            scopes(new TreeSet<>(week.pods()), engineer),
            signal ? engineer : null,
            engineer,
            engineer,
            new Evidence(signal ? week.signal().ref() : week.activity().ref(), rule)));
  }

  private void aiFirst(String engineer, int slot, Consumer<Contribution> out) {
    int from = Math.max(0, slot - WINDOW_WEEKS + 1);
    Set<String> pods = null;
    long added = 0;
    long ai = 0;
    for (int s = from; s <= slot; s++) {
      Week week = engineers.get(engineer, s);
      if (week != null && week.active()) {
        if (pods == null) {
          pods = new TreeSet<>();
        }
        pods.addAll(week.pods());
        added += week.addedLines();
        ai += week.aiLines();
      }
    }
    if (pods == null) {
      return;
    }
    IsoWeek iso = slots.week(slot);
    IsoWeek first = iso.plusWeeks(1 - WINDOW_WEEKS);
    boolean aiFirst = added >= AI_FIRST_MIN_LINES && ai >= AI_FIRST_SHARE * added;
    String share =
        added == 0
            ? "no added lines"
            : ai + " of " + added + " added lines AI (" + Refs.percent((double) ai / added) + ")";
    String rule =
        first
            + ".."
            + iso
            + ": "
            + share
            + (aiFirst
                ? ": AI-First (at least 75 % of at least 50 lines)"
                : ": not AI-First (needs at least 75 % of at least 50 lines)");
    List<ScopeId> scopes = scopes(pods, engineer);
    Evidence evidence = new Evidence("engineer:" + engineer + ":" + iso, rule);
    out.accept(
        Contribution.keyed(
            MetricId.AI_FIRST_ENGINEERS,
            iso,
            scopes,
            aiFirst ? engineer : null,
            engineer,
            engineer,
            evidence));
    if (aiFirst) {
      out.accept(
          Contribution.ratio(
              MetricId.MANUAL_EDIT_SHARE, iso, scopes, added - ai, added, engineer, evidence));
    }
  }

  /** The organization, each pod's pillar and the pods, and the engineer's own scope. */
  private List<ScopeId> scopes(Set<String> pods, String engineer) {
    List<ScopeId> scopes = new ArrayList<>(2 + 2 * pods.size());
    scopes.add(ScopeId.ORG);
    for (String pod : pods) {
      for (ScopeId scope : context.scopes().podChain(pod)) {
        if (!scopes.contains(scope)) {
          scopes.add(scope);
        }
      }
    }
    scopes.add(ScopeId.member(engineer));
    return List.copyOf(scopes);
  }
}
