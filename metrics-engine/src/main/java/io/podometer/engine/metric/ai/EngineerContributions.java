package io.podometer.engine.metric.ai;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.ai.EngineerWeeks.Week;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
      // an engineer's items share a handful of scope lists: one per set of pods
      Map<List<String>, List<ScopeId>> scopes = new HashMap<>();
      for (int slot = slots.firstComputed(); slot < slots.size(); slot++) {
        weeklyActive(engineer, slot, scopes, out);
        aiFirst(engineer, slot, scopes, out);
      }
    }
  }

  private void weeklyActive(
      String engineer,
      int slot,
      Map<List<String>, List<ScopeId>> scopes,
      Consumer<Contribution> out) {
    Week week = engineers.get(engineer, slot);
    if (week == null || !week.active()) {
      return;
    }
    boolean signal = week.signal().present();
    String rule =
        "active engineer in "
            + slots.label(slot)
            + " (first: "
            + week.activity().ref()
            + ")"
            + (signal ? "; AI signal: " + week.signal().ref() : "; no AI signal");
    List<String> pods = new ArrayList<>(week.pods());
    out.accept(
        Contribution.keyed(
            MetricId.WEEKLY_ACTIVE_AI_USERS,
            slots.week(slot),
            scopes(pods, engineer, scopes),
            signal ? engineer : null,
            engineer,
            engineer,
            new Evidence(signal ? week.signal().ref() : week.activity().ref(), rule)));
  }

  private void aiFirst(
      String engineer,
      int slot,
      Map<List<String>, List<ScopeId>> scopes,
      Consumer<Contribution> out) {
    int from = Math.max(0, slot - WINDOW_WEEKS + 1);
    List<String> pods = null;
    long added = 0;
    long ai = 0;
    for (int s = from; s <= slot; s++) {
      Week week = engineers.get(engineer, s);
      if (week != null && week.active()) {
        if (pods == null) {
          pods = new ArrayList<>(2);
        }
        pods.addAll(week.pods());
        added += week.addedLines();
        ai += week.aiLines();
      }
    }
    if (pods == null) {
      return;
    }
    boolean aiFirst = added >= AI_FIRST_MIN_LINES && ai >= AI_FIRST_SHARE * added;
    String share =
        added == 0
            ? "no added lines"
            : ai + " of " + added + " added lines AI (" + Refs.percent((double) ai / added) + ")";
    String iso = slots.label(slot);
    String first =
        from == slot - WINDOW_WEEKS + 1
            ? slots.label(from)
            : slots.week(slot).plusWeeks(1 - WINDOW_WEEKS).toString();
    String rule =
        first
            + ".."
            + iso
            + ": "
            + share
            + (aiFirst
                ? ": AI-First (at least 75 % of at least 50 lines)"
                : ": not AI-First (needs at least 75 % of at least 50 lines)");
    List<ScopeId> itemScopes = scopes(pods, engineer, scopes);
    Evidence evidence = new Evidence("engineer:" + engineer + ":" + iso, rule);
    IsoWeek week = slots.week(slot);
    out.accept(
        Contribution.keyed(
            MetricId.AI_FIRST_ENGINEERS,
            week,
            itemScopes,
            aiFirst ? engineer : null,
            engineer,
            engineer,
            evidence));
    if (aiFirst) {
      out.accept(
          Contribution.ratio(
              MetricId.MANUAL_EDIT_SHARE, week, itemScopes, added - ai, added, engineer, evidence));
    }
  }

  /**
   * The organization, each pod's pillar and the pods (in pod order), and the engineer's own scope.
   *
   * @param pods the pods, in any order and possibly repeated; sorted and deduplicated here
   */
  private List<ScopeId> scopes(
      List<String> pods, String engineer, Map<List<String>, List<ScopeId>> known) {
    if (pods.size() > 1) {
      pods.sort(null);
      for (int i = pods.size() - 1; i > 0; i--) {
        if (pods.get(i).equals(pods.get(i - 1))) {
          pods.remove(i);
        }
      }
    }
    List<ScopeId> shared = known.get(pods);
    if (shared == null) {
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
      shared = List.copyOf(scopes);
      known.put(pods, shared);
    }
    return shared;
  }
}
