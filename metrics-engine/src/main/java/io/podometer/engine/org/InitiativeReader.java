package io.podometer.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what the organization is trying: champions, pilots and bets. */
final class InitiativeReader {

  private InitiativeReader() {}

  static List<Champion> champions(LoadContext context, JsonNode root) {
    List<Champion> champions = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (EntryReader champion : context.entries(root, "champions", "member")) {
      int before = context.problems.size();
      champion.allowKeys("member", "pods");
      String member = memberReference(champion, "member");
      if (member != null && seen.putIfAbsent(member, champion.entry()) != null) {
        champion.problem("member", "'" + member + "' is listed as a champion twice");
      }
      List<String> pods =
          champion.texts(
              "pods",
              List.of(),
              (field, pod) -> {
                if (!context.podIds.contains(pod)) {
                  champion.problemAt(field, "unknown pod '" + pod + "'");
                }
              });
      if (pods.isEmpty() && context.problems.size() == before) {
        champion.problem("pods", "required: the pods this member champions");
      }
      if (context.problems.size() == before) {
        champions.add(new Champion(member, pods));
      }
    }
    return champions;
  }

  static List<Pilot> pilots(LoadContext context, JsonNode root, List<Champion> champions) {
    List<Pilot> pilots = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (EntryReader pilot : context.entries(root, "pilots", "pod")) {
      int before = context.problems.size();
      pilot.allowKeys("pod", "champion", "start", "baselineWeeks", "successCriteria");
      String pod = StructureReader.podReference(pilot, "pod");
      String champion = memberReference(pilot, "champion");
      LocalDate start = pilot.date("start", true);
      int baselineWeeks = pilot.integer("baselineWeeks", Pilot.DEFAULT_BASELINE_WEEKS, 1);
      PilotCriteria criteria =
          Overlays.read(pilot, "successCriteria", PilotCriteria.DEFAULTS).merged();
      if (context.problems.size() > before) {
        continue;
      }
      if (seen.putIfAbsent(pod + "@" + start, pilot.entry()) != null) {
        pilot.problem("start", "pod '" + pod + "' already has a pilot starting " + start);
        continue;
      }
      boolean championsPod =
          champions.stream().anyMatch(c -> c.member().equals(champion) && c.pods().contains(pod));
      if (!championsPod) {
        context.warnings.add(
            "pilot of pod '"
                + pod
                + "' names '"
                + champion
                + "' as champion, but champions lists no such champion of that pod");
      }
      pilots.add(new Pilot(pod, champion, start, baselineWeeks, criteria));
    }
    return pilots;
  }

  static List<Bet> bets(LoadContext context, JsonNode root) {
    List<Bet> bets = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (EntryReader bet : context.entries(root, "bets", "id")) {
      int before = context.problems.size();
      bet.allowKeys("id", "title", "sto", "hypothesis", "killSignal", "status", "started", "links");
      String id = StructureReader.uniqueId(bet, seen, false);
      String title = bet.requiredText("title");
      List<String> stos = stos(bet);
      String hypothesis = bet.text("hypothesis");
      KillSignal killSignal = killSignal(bet.object("killSignal"));
      BetStatus status = status(bet);
      LocalDate started = bet.date("started", false);
      BetLinks links = links(bet.object("links"), id == null ? "" : id);
      if (context.problems.size() > before) {
        continue;
      }
      if (stos.isEmpty()) {
        context.warnings.add("bet '" + id + "' has no STO; a bet has exactly one");
      } else if (stos.size() > 1) {
        context.warnings.add(
            "bet '"
                + id
                + "' has "
                + stos.size()
                + " STOs ("
                + String.join(", ", stos)
                + "); a bet has exactly one");
      }
      bets.add(new Bet(id, title, stos, hypothesis, killSignal, status, started, links));
    }
    return bets;
  }

  /** {@code sto} may be one member id, a list of them, or absent. */
  private static List<String> stos(EntryReader bet) {
    JsonNode sto = bet.raw("sto");
    if (sto == null) {
      return List.of();
    }
    if (!sto.isArray()) {
      String member = memberReference(bet, "sto");
      return member == null ? List.of() : List.of(member);
    }
    return bet.texts(
        "sto",
        List.of(),
        (field, member) -> {
          if (!bet.context().memberIds.contains(member)) {
            bet.problemAt(field, "unknown member '" + member + "'");
          }
        });
  }

  private static KillSignal killSignal(EntryReader signal) {
    if (!signal.isPresent()) {
      return null;
    }
    int before = signal.context().problems.size();
    signal.allowKeys("signal", "metric", "comparator", "threshold", "windowWeeks");
    String signalName = signal.text("signal");
    String metric = signal.text("metric");
    if ((signalName == null) == (metric == null)) {
      signal.problemAt(signal.path(), "needs exactly one of signal or metric");
    }
    if (metric != null && !signal.context().knownMetric.test(metric)) {
      signal.problem(
          "metric",
          "unknown metric '" + metric + "' (a metric id of the catalog, e.g. lead_time_p50_hours)");
    }
    String symbol = signal.requiredText("comparator");
    Comparison comparator = symbol == null ? null : Comparison.fromSymbol(symbol).orElse(null);
    if (symbol != null && comparator == null) {
      signal.problem(
          "comparator",
          "unknown comparator '" + symbol + "' (expected one of " + Comparison.allSymbols() + ")");
    }
    Double threshold = signal.number("threshold");
    if (threshold == null && !signal.has("threshold")) {
      signal.problem("threshold", "required");
    }
    int windowWeeks = signal.integer("windowWeeks", KillSignal.DEFAULT_WINDOW_WEEKS, 1);
    if (signal.context().problems.size() > before) {
      return null;
    }
    return signalName != null
        ? new KillSignal(KillSignal.Source.SIGNAL, signalName, comparator, threshold, windowWeeks)
        : new KillSignal(KillSignal.Source.METRIC, metric, comparator, threshold, windowWeeks);
  }

  private static BetStatus status(EntryReader bet) {
    String status = bet.text("status");
    if (status == null) {
      return BetStatus.EXPLORING;
    }
    return BetStatus.fromId(status)
        .orElseGet(
            () -> {
              bet.problem(
                  "status",
                  "unknown status '" + status + "' (expected one of " + BetStatus.allIds() + ")");
              return BetStatus.EXPLORING;
            });
  }

  private static BetLinks links(EntryReader links, String betId) {
    links.allowKeys("labels", "branchPrefixes", "titleTags", "repos", "paths");
    BetLinks defaults = BetLinks.defaultsFor(betId);
    return new BetLinks(
        links.texts("labels", defaults.labels()),
        links.texts("branchPrefixes", defaults.branchPrefixes()),
        links.texts("titleTags", defaults.titleTags()),
        links.texts("repos", defaults.repos()),
        links.texts("paths", defaults.paths()));
  }

  private static String memberReference(EntryReader entry, String key) {
    String member = entry.requiredText(key);
    if (member != null && !entry.context().memberIds.contains(member)) {
      entry.problem(key, "unknown member '" + member + "'");
    }
    return member;
  }
}
