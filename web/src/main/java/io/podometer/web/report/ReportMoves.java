package io.podometer.web.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** What moved between two revisions of a scope's week: figures, candidates, bets, flags, pilots. */
final class ReportMoves {

  private ReportMoves() {}

  static List<String> between(WeeklyReport before, WeeklyReport after) {
    List<String> moved = new ArrayList<>();
    figures(before.headline(), after.headline(), moved);
    figures(before.pulse(), after.pulse(), moved);
    int learnings = after.learning().learnings().size() - before.learning().learnings().size();
    if (learnings != 0) {
      moved.add(
          "learnings logged this week: "
              + before.learning().learnings().size()
              + " → "
              + after.learning().learnings().size());
    }
    keyed(
        before.killing().candidates(),
        after.killing().candidates(),
        WeeklyReport.Candidate::bet,
        c -> "kill candidate: " + c.title() + " (" + c.bet() + ")",
        c -> "no longer a kill candidate: " + c.title() + " (" + c.bet() + ")",
        (b, a) ->
            Objects.equals(b.decision(), a.decision())
                ? null
                : "decision on " + a.title() + ": " + b.decision() + " → " + a.decision(),
        moved);
    keyed(
        before.owners(),
        after.owners(),
        WeeklyReport.BetOwner::bet,
        o -> "new bet: " + o.title() + " (" + o.bet() + ")",
        o -> "bet no longer in this scope: " + o.title() + " (" + o.bet() + ")",
        (b, a) -> {
          List<String> changes = new ArrayList<>();
          if (!Objects.equals(b.status(), a.status())) {
            changes.add("status " + b.status() + " → " + a.status());
          }
          if (!Objects.equals(b.sto(), a.sto())) {
            changes.add("STO " + b.sto() + " → " + a.sto());
          }
          if (!Objects.equals(b.current(), a.current())) {
            changes.add("kill signal value " + orDash(b.current()) + " → " + orDash(a.current()));
          }
          return changes.isEmpty() ? null : "bet " + a.title() + ": " + String.join(", ", changes);
        },
        moved);
    if (!Objects.equals(
        before.ownership().unlinkedShare().text(), after.ownership().unlinkedShare().text())) {
      moved.add(
          "merged PRs linked to no bet: "
              + before.ownership().unlinkedShare().text()
              + " → "
              + after.ownership().unlinkedShare().text());
    }
    keyed(
        before.antiPatterns(),
        after.antiPatterns(),
        f -> f.detector() + " " + f.scope(),
        f -> "flag raised: " + f.detectorTitle() + " — " + f.scopeName(),
        f -> "flag no longer raised: " + f.detectorTitle() + " — " + f.scopeName(),
        (b, a) ->
            Objects.equals(b.severity(), a.severity())
                ? null
                : "flag "
                    + a.detectorTitle()
                    + " — "
                    + a.scopeName()
                    + ": "
                    + b.severity()
                    + " → "
                    + a.severity(),
        moved);
    keyed(
        before.pilots(),
        after.pilots(),
        WeeklyReport.PilotCard::pod,
        p -> "new pilot: " + p.podName() + " (" + p.verdict() + ")",
        p -> "pilot no longer in this scope: " + p.podName(),
        (b, a) ->
            Objects.equals(b.verdict(), a.verdict())
                ? null
                : "pilot " + a.podName() + ": " + b.verdict() + " → " + a.verdict(),
        moved);
    if (moved.isEmpty()) {
      moved.add(
          "nothing moved: figures, bets, flags and pilots read as in revision "
              + before.revision());
    }
    return moved;
  }

  private static void figures(
      List<WeeklyReport.HeadlineRow> before,
      List<WeeklyReport.HeadlineRow> after,
      List<String> moved) {
    Map<String, WeeklyReport.HeadlineRow> old = new LinkedHashMap<>();
    before.forEach(row -> old.put(row.metric(), row));
    for (WeeklyReport.HeadlineRow row : after) {
      WeeklyReport.HeadlineRow was = old.get(row.metric());
      if (was != null && !Objects.equals(was.thisWeek().text(), row.thisWeek().text())) {
        moved.add(
            row.title() + " this week: " + was.thisWeek().text() + " → " + row.thisWeek().text());
      }
    }
  }

  private static <T> void keyed(
      List<T> before,
      List<T> after,
      Function<T, String> key,
      Function<T, String> added,
      Function<T, String> removed,
      java.util.function.BiFunction<T, T, String> changed,
      List<String> moved) {
    Map<String, T> old = new LinkedHashMap<>();
    before.forEach(item -> old.put(key.apply(item), item));
    for (T item : after) {
      T was = old.remove(key.apply(item));
      if (was == null) {
        moved.add(added.apply(item));
      } else {
        String change = changed.apply(was, item);
        if (change != null) {
          moved.add(change);
        }
      }
    }
    old.values().forEach(item -> moved.add(removed.apply(item)));
  }

  private static String orDash(String value) {
    return value == null ? "—" : value;
  }
}
