package io.podometer.web.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.engine.bet.KillSignalEvaluator;
import io.podometer.engine.bet.KillSignalVerdict;
import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.event.EventData.BetLearning;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.KillSignal;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pilot;
import io.podometer.engine.org.Pod;
import io.podometer.engine.pilot.ScaleGate;
import io.podometer.engine.pilot.ScaleGateVerdict;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.antipattern.DetectorTexts;
import io.podometer.web.antipattern.FlagEntity;
import io.podometer.web.api.MetricTexts;
import io.podometer.web.api.MetricsResource;
import io.podometer.web.bet.BetFacts;
import io.podometer.web.bet.BetService;
import io.podometer.web.bet.BetStatusChangeEntity;
import io.podometer.web.bet.BetViews;
import io.podometer.web.bet.KillDecisionEntity;
import io.podometer.web.org.OrgSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a scope's weekly learn-and-kill report (SPEC §7) from the figures, the bets, the flags and
 * the pilots as they stand: the org's for {@code org}, a pillar's pods for a pillar, one pod's for
 * a pod. Bets belong to the pod of their STO.
 */
final class WeeklyReportBuilder {

  static final List<MetricId> HEADLINE =
      List.of(
          MetricId.AI_CODE_SHARE,
          MetricId.AGENT_ASSISTED_DIFFS,
          MetricId.WEEKLY_ACTIVE_AI_USERS,
          MetricId.AI_FIRST_ENGINEERS,
          MetricId.DEPLOYMENT_FREQUENCY,
          MetricId.LEAD_TIME_P50_HOURS,
          MetricId.CHANGE_FAILURE_RATE,
          MetricId.RECOVERY_TIME_P50_HOURS);

  static final List<MetricId> PULSE =
      List.of(MetricId.PULSE_SATISFACTION, MetricId.PULSE_FLOW, MetricId.PULSE_COLLABORATION);

  /** The figures whose movements are reported, each with whether up is better. */
  static final Map<MetricId, Boolean> MOVEMENTS = new EnumMap<>(MetricId.class);

  static {
    MOVEMENTS.put(MetricId.AI_CODE_SHARE, true);
    MOVEMENTS.put(MetricId.AGENT_ASSISTED_DIFFS, true);
    MOVEMENTS.put(MetricId.WEEKLY_ACTIVE_AI_USERS, true);
    MOVEMENTS.put(MetricId.THROUGHPUT_PER_ENGINEER, true);
    MOVEMENTS.put(MetricId.DEPLOYMENT_FREQUENCY, true);
    MOVEMENTS.put(MetricId.LEAD_TIME_P50_HOURS, false);
    MOVEMENTS.put(MetricId.CHANGE_FAILURE_RATE, false);
  }

  /**
   * A movement is reported from 20 % against the mean of the 4 weeks before (10 points for a
   * share), on a week of 5 items at least (PRs, deployments, people).
   */
  static final double MOVEMENT_SHARE = 0.20;

  static final double MOVEMENT_POINTS = 0.10;
  static final int MOVEMENT_ITEMS = 5;

  static final int MOVEMENT_WEEKS = 4;
  static final int MAX_MOVEMENTS = 8;
  static final int BASELINE_WEEKS = 8;

  /** Severity, most severe first. */
  private static final List<String> SEVERITIES = List.of("high", "medium", "low");

  /** What the report is written from. */
  record Inputs(
      OrgSnapshot org,
      FigureSnapshot figures,
      BetFacts.Read betFacts,
      Map<String, List<BetStatusChangeEntity>> histories,
      Map<String, KillDecisionEntity> decisions,
      List<FlagEntity> flags,
      Instant figuresAsOf,
      Instant now) {}

  private final Inputs in;
  private final OrgModel org;
  private final ZoneId zone;
  private final ObjectMapper json = new ObjectMapper();

  WeeklyReportBuilder(Inputs in) {
    this.in = in;
    this.org = in.org().model();
    this.zone = org.org().timeZone();
  }

  WeeklyReport build(ScopeId scope, IsoWeek week, String by) {
    List<Pod> pods = podsOf(scope);
    Set<String> podIds = new HashSet<>();
    pods.forEach(p -> podIds.add(p.id()));
    List<Bet> bets = betsOf(scope, podIds, week);
    Map<String, KillSignalVerdict> verdicts = new HashMap<>();
    KillSignalEvaluator evaluator =
        new KillSignalEvaluator(
            zone, in.betFacts().signals(), key -> figure(key.metric(), key.scope(), key.week()));
    bets.forEach(bet -> verdicts.put(bet.id(), evaluator.evaluate(bet, week)));
    ScaleGate gate = new ScaleGate(org, key -> figure(key.metric(), key.scope(), key.week()));
    List<Pilot> pilots = org.pilots().stream().filter(p -> podIds.contains(p.pod())).toList();
    return new WeeklyReport(
        scope.toString(),
        scopeName(scope),
        week.toString(),
        week.monday().toString(),
        1,
        in.now(),
        by,
        in.figuresAsOf(),
        headline(scope, week, HEADLINE),
        headline(scope, week, PULSE),
        new WeeklyReport.Learning(
            learnings(bets, week), movements(pods, week), verdictChanges(gate, pilots, week)),
        new WeeklyReport.Killing(
            candidates(bets, verdicts, week),
            killed(bets, week),
            toolsDropped(scope, podIds, week)),
        owners(bets, verdicts),
        ownership(scope, bets, week),
        antiPatterns(scope, podIds, bets, week),
        pilotCards(gate, pilots, week),
        List.of());
  }

  private Figure figure(MetricId metric, ScopeId scope, IsoWeek week) {
    return in.figures() == null ? null : in.figures().figure(metric, scope, week);
  }

  private List<Pod> podsOf(ScopeId scope) {
    return switch (scope.kind()) {
      case ORG -> org.pods();
      case PILLAR -> org.podsOfPillar(scope.id());
      case POD -> org.pod(scope.id()).map(List::of).orElse(List.of());
      default ->
          throw new IllegalArgumentException("scope: a report is for org, a pillar or a pod");
    };
  }

  private String scopeName(ScopeId scope) {
    return switch (scope.kind()) {
      case ORG -> org.org().name();
      case PILLAR -> org.pillar(scope.id()).map(p -> p.name()).orElse(scope.id());
      case POD -> org.pod(scope.id()).map(Pod::name).orElse(scope.id());
      default -> scope.toString();
    };
  }

  /** The organization's bets; a pillar's or pod's are those whose STO works there. */
  private List<Bet> betsOf(ScopeId scope, Set<String> podIds, IsoWeek week) {
    if (scope.kind() == ScopeKind.ORG) {
      return org.bets();
    }
    LocalDate lastDay = week.monday().plusDays(6);
    return org.bets().stream()
        .filter(
            bet ->
                bet.stos().stream()
                    .anyMatch(
                        sto ->
                            in.org()
                                .members()
                                .podOf(sto, lastDay)
                                .filter(podIds::contains)
                                .isPresent()))
        .toList();
  }

  private String name(String memberId) {
    return org.member(memberId).map(Member::name).orElse(memberId);
  }

  private String stoText(Bet bet) {
    if (bet.stos().isEmpty()) {
      return "none";
    }
    return String.join(" and ", bet.stos().stream().map(this::name).toList());
  }

  private List<WeeklyReport.HeadlineRow> headline(
      ScopeId scope, IsoWeek week, List<MetricId> metrics) {
    Map<MetricId, Figure> baseline = new EnumMap<>(MetricId.class);
    if (in.figures() != null) {
      MetricsResource.rangeTotals(
              in.figures(),
              scope,
              metrics,
              week.plusWeeks(-BASELINE_WEEKS),
              week.plusWeeks(-1),
              in.now())
          .forEach(f -> baseline.put(f.metric(), f));
    }
    List<WeeklyReport.HeadlineRow> rows = new ArrayList<>();
    for (MetricId metric : metrics) {
      Figure now = figure(metric, scope, week);
      String target =
          org.org().targets().forMetric(metric.id()).map(ReportText::percent).orElse(null);
      rows.add(
          new WeeklyReport.HeadlineRow(
              metric.id(),
              MetricTexts.of(metric).title(),
              ReportText.cell(now),
              ReportText.cell(figure(metric, scope, week.plusWeeks(-1))),
              baselineCell(metric, baseline.get(metric)),
              target,
              now == null || now.withheld() != null ? null : now.tier()));
    }
    return rows;
  }

  /** A counted figure's baseline is its mean week, so that it reads beside this week's count. */
  private static WeeklyReport.Cell baselineCell(MetricId metric, Figure total) {
    WeeklyReport.Cell cell = ReportText.cell(total);
    if (metric.aggregation() != io.podometer.engine.figure.Aggregation.SUM
        || cell.value() == null) {
      return cell;
    }
    double perWeek = cell.value() / BASELINE_WEEKS;
    return new WeeklyReport.Cell(perWeek, ReportText.value(metric, perWeek), null);
  }

  private List<WeeklyReport.LearningItem> learnings(List<Bet> bets, IsoWeek week) {
    Map<String, Bet> byId = new HashMap<>();
    bets.forEach(b -> byId.put(b.id(), b));
    List<WeeklyReport.LearningItem> items = new ArrayList<>();
    for (BetLearning learning : in.betFacts().learnings()) {
      Bet bet = byId.get(learning.betId());
      if (bet == null || learning.at() == null || !IsoWeek.of(learning.at(), zone).equals(week)) {
        continue;
      }
      String author = BetViews.authorName(in.org().identities(), org, learning.author());
      items.add(
          new WeeklyReport.LearningItem(
              bet.id(), bet.title(), author, learning.text(), learning.at()));
    }
    items.sort(Comparator.comparing(WeeklyReport.LearningItem::at));
    return items;
  }

  private List<WeeklyReport.Movement> movements(List<Pod> pods, IsoWeek week) {
    List<WeeklyReport.Movement> found = new ArrayList<>();
    for (Pod pod : pods) {
      ScopeId scope = ScopeId.pod(pod.id());
      for (Map.Entry<MetricId, Boolean> entry : MOVEMENTS.entrySet()) {
        MetricId metric = entry.getKey();
        Figure now = figure(metric, scope, week);
        if (!shown(now)) {
          continue;
        }
        double sum = 0;
        int weeks = 0;
        for (int back = 1; back <= MOVEMENT_WEEKS; back++) {
          Figure before = figure(metric, scope, week.plusWeeks(-back));
          if (shown(before)) {
            sum += before.value();
            weeks++;
          }
        }
        if (weeks < 2 || (sum == 0 && !metric.unit().equals("share"))) {
          continue;
        }
        double mean = sum / weeks;
        boolean share = metric.unit().equals("share");
        // shares move in points (5 % → 10 % is no doubling worth a headline), the rest relatively
        double change = share ? now.value() - mean : (now.value() - mean) / Math.abs(mean);
        double size = Math.abs(change) / (share ? MOVEMENT_POINTS : MOVEMENT_SHARE);
        if (size < 1 || now.n() < MOVEMENT_ITEMS) {
          continue;
        }
        boolean up = change > 0;
        found.add(
            new WeeklyReport.Movement(
                pod.id(),
                pod.name(),
                metric.id(),
                MetricTexts.of(metric).title(),
                ReportText.value(metric, mean),
                ReportText.value(metric, now.value()),
                change,
                share ? ReportText.signedPoints(change) : ReportText.signedPercent(change),
                size,
                up ? "up" : "down",
                up == entry.getValue()));
      }
    }
    found.sort(
        Comparator.comparingDouble((WeeklyReport.Movement m) -> -m.size())
            .thenComparing(WeeklyReport.Movement::pod)
            .thenComparing(WeeklyReport.Movement::metric));
    return found.size() > MAX_MOVEMENTS ? List.copyOf(found.subList(0, MAX_MOVEMENTS)) : found;
  }

  private static boolean shown(Figure figure) {
    return figure != null && figure.value() != null && figure.withheld() == null && figure.n() > 0;
  }

  private List<WeeklyReport.VerdictChange> verdictChanges(
      ScaleGate gate, List<Pilot> pilots, IsoWeek week) {
    List<WeeklyReport.VerdictChange> changes = new ArrayList<>();
    for (Pilot pilot : pilots) {
      String now = gate.judge(pilot, week).verdict().words();
      String before = gate.judge(pilot, week.plusWeeks(-1)).verdict().words();
      if (!now.equals(before)) {
        changes.add(
            new WeeklyReport.VerdictChange(
                pilot.pod(), org.pod(pilot.pod()).map(Pod::name).orElse(pilot.pod()), before, now));
      }
    }
    return changes;
  }

  private String current(Bet bet, KillSignalVerdict verdict) {
    Double value = verdict.current();
    if (value == null || bet.killSignal() == null) {
      return null;
    }
    KillSignal signal = bet.killSignal();
    return signal.source() == KillSignal.Source.METRIC
        ? MetricId.fromId(signal.name())
            .map(m -> ReportText.value(m, value))
            .orElse(BetViews.number(value))
        : BetViews.number(value);
  }

  private List<WeeklyReport.Candidate> candidates(
      List<Bet> bets, Map<String, KillSignalVerdict> verdicts, IsoWeek week) {
    List<WeeklyReport.Candidate> candidates = new ArrayList<>();
    for (Bet bet : bets) {
      KillSignalVerdict verdict = verdicts.get(bet.id());
      if (!BetService.killCandidate(bet, verdict)) {
        continue;
      }
      KillDecisionEntity decision = in.decisions().get(bet.id());
      String decided =
          decision == null || !decision.week.equals(week.toString())
              ? "awaiting " + stoText(bet) + "'s decision"
              : (decision.decision.equals(KillDecisionEntity.KEEP) ? "kept" : "killed")
                  + " by "
                  + decision.by
                  + (decision.note == null ? "" : ": " + decision.note);
      candidates.add(
          new WeeklyReport.Candidate(
              bet.id(),
              bet.title(),
              stoText(bet),
              BetViews.describe(bet.killSignal()),
              current(bet, verdict),
              decided));
    }
    return candidates;
  }

  private List<WeeklyReport.KilledBet> killed(List<Bet> bets, IsoWeek week) {
    List<WeeklyReport.KilledBet> killed = new ArrayList<>();
    for (Bet bet : bets) {
      for (BetStatusChangeEntity change : in.histories().getOrDefault(bet.id(), List.of())) {
        if (change.status.equals("killed") && IsoWeek.of(change.at, zone).equals(week)) {
          killed.add(
              new WeeklyReport.KilledBet(
                  bet.id(), bet.title(), stoText(bet), change.at, change.by));
        }
      }
    }
    return killed;
  }

  /** Agent tools someone in the scope used last week and nobody this week. */
  private List<WeeklyReport.ToolDrop> toolsDropped(
      ScopeId scope, Set<String> podIds, IsoWeek week) {
    if (in.figures() == null) {
      return List.of();
    }
    IsoWeek before = week.plusWeeks(-1);
    Map<String, Set<String>> lastWeek = new TreeMap<>();
    Set<String> thisWeek = new HashSet<>();
    boolean anyThisWeek = false;
    for (AgentUsage usage : in.figures().facts().usageDays()) {
      if (usage.day() == null || usage.tool() == null || Boolean.FALSE.equals(usage.active())) {
        continue;
      }
      IsoWeek w = IsoWeek.of(usage.day());
      if (!w.equals(week) && !w.equals(before)) {
        continue;
      }
      String member = in.org().identities().memberOf(usage.user()).orElse(null);
      if (scope.kind() != ScopeKind.ORG
          && (member == null
              || in.org()
                  .members()
                  .podOf(member, usage.day())
                  .filter(podIds::contains)
                  .isEmpty())) {
        continue;
      }
      if (w.equals(week)) {
        anyThisWeek = true;
        thisWeek.add(usage.tool());
      } else {
        lastWeek.computeIfAbsent(usage.tool(), t -> new TreeSet<>()).add(usage.user());
      }
    }
    List<WeeklyReport.ToolDrop> drops = new ArrayList<>();
    if (!anyThisWeek) {
      return drops; // no usage reported at all this week: a gap in the data, not a drop
    }
    lastWeek.forEach(
        (tool, users) -> {
          if (!thisWeek.contains(tool)) {
            drops.add(new WeeklyReport.ToolDrop(tool, users.size()));
          }
        });
    return drops;
  }

  private List<WeeklyReport.BetOwner> owners(
      List<Bet> bets, Map<String, KillSignalVerdict> verdicts) {
    List<WeeklyReport.BetOwner> owners = new ArrayList<>();
    for (Bet bet : bets) {
      KillSignalVerdict verdict = verdicts.get(bet.id());
      owners.add(
          new WeeklyReport.BetOwner(
              bet.id(),
              bet.title(),
              stoText(bet),
              bet.hypothesis(),
              bet.killSignal() == null ? "none set" : BetViews.describe(bet.killSignal()),
              current(bet, verdict),
              bet.killSignal() == null
                  ? null
                  : verdict.state().name().toLowerCase(Locale.ROOT).replace('_', ' '),
              bet.status().id()));
    }
    return owners;
  }

  private WeeklyReport.Ownership ownership(ScopeId scope, List<Bet> bets, IsoWeek week) {
    List<WeeklyReport.Unowned> unowned = new ArrayList<>();
    List<Bet> considered = scope.kind() == ScopeKind.ORG ? org.bets() : bets;
    for (Bet bet : considered) {
      if (!bet.hasSingleSto()) {
        unowned.add(
            new WeeklyReport.Unowned(
                bet.id(), bet.title(), bet.stos().stream().map(this::name).toList()));
      }
    }
    return new WeeklyReport.Ownership(
        unowned, ReportText.cell(figure(MetricId.UNLINKED_PR_SHARE, scope, week)));
  }

  private List<WeeklyReport.FlagItem> antiPatterns(
      ScopeId scope, Set<String> podIds, List<Bet> bets, IsoWeek week) {
    Set<String> scopes = new HashSet<>();
    podIds.forEach(p -> scopes.add("pod:" + p));
    bets.forEach(b -> scopes.add("bet:" + b.id()));
    if (scope.kind() == ScopeKind.ORG) {
      scopes.add("org");
      org.bets().forEach(b -> scopes.add("bet:" + b.id()));
    }
    List<WeeklyReport.FlagItem> items = new ArrayList<>();
    for (FlagEntity flag : in.flags()) {
      if (!flag.week.equals(week.toString())
          || flag.clearedAt != null
          || !scopes.contains(flag.scope)) {
        continue;
      }
      ScopeId flagScope = ScopeId.parse(flag.scope);
      String scopeName =
          switch (flagScope.kind()) {
            case POD -> org.pod(flagScope.id()).map(Pod::name).orElse(flagScope.id());
            case BET -> org.bet(flagScope.id()).map(b -> "bet " + b.title()).orElse(flag.scope);
            default -> scopeName(flagScope);
          };
      items.add(
          new WeeklyReport.FlagItem(
              flag.detector,
              DetectorTexts.of(flag.detector).title(),
              flag.scope,
              scopeName,
              flag.severity,
              flag.rule,
              evidence(flag),
              flag.suggestedAction));
    }
    items.sort(
        Comparator.comparingInt((WeeklyReport.FlagItem f) -> SEVERITIES.indexOf(f.severity()))
            .thenComparing(WeeklyReport.FlagItem::detector)
            .thenComparing(WeeklyReport.FlagItem::scope));
    return items;
  }

  private List<String> evidence(FlagEntity flag) {
    List<Map<String, Object>> items;
    try {
      items = json.readValue(flag.evidence, new TypeReference<List<Map<String, Object>>>() {});
    } catch (java.io.IOException e) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (Map<String, Object> item : items) {
      MetricId metric = MetricId.fromId(String.valueOf(item.get("metric"))).orElse(null);
      Object value = item.get("value");
      if (metric == null
          || !(value instanceof Number number)
          || !flag.week.equals(item.get("week"))
          || seen.put(metric.id() + item.get("scope"), true) != null) {
        continue;
      }
      lines.add(
          MetricTexts.of(metric).title()
              + " "
              + ReportText.value(metric, number.doubleValue())
              + (flag.scope.equals(item.get("scope")) ? "" : " (" + item.get("scope") + ")"));
    }
    return lines;
  }

  private List<WeeklyReport.PilotCard> pilotCards(
      ScaleGate gate, List<Pilot> pilots, IsoWeek week) {
    List<WeeklyReport.PilotCard> cards = new ArrayList<>();
    for (Pilot pilot : pilots) {
      ScaleGateVerdict verdict = gate.judge(pilot, week);
      List<String> met = new ArrayList<>();
      List<String> missed = new ArrayList<>();
      List<String> open = new ArrayList<>();
      for (ScaleGateVerdict.Criterion criterion : verdict.criteria()) {
        String line = criterion.rule() + " — " + criterion.detail();
        (criterion.met() == null ? open : criterion.met() ? met : missed).add(line);
      }
      String did = null;
      if (verdict.throughputDifferenceInDifferences() != null) {
        did =
            String.format(
                Locale.ROOT,
                "throughput per engineer %+.2f PRs a week against pods without a pilot",
                verdict.throughputDifferenceInDifferences());
      }
      if (verdict.leadTimeDifferenceInDifferences() != null) {
        did =
            (did == null ? "" : did + "; ")
                + String.format(
                    Locale.ROOT,
                    "lead time %+.1f h against pods without a pilot",
                    verdict.leadTimeDifferenceInDifferences());
      }
      cards.add(
          new WeeklyReport.PilotCard(
              pilot.pod(),
              org.pod(pilot.pod()).map(Pod::name).orElse(pilot.pod()),
              name(pilot.champion()),
              pilot.start().toString(),
              verdict.verdict().words(),
              met,
              missed,
              open,
              verdict.weeksToAdoption(),
              did,
              verdict.missing()));
    }
    return cards;
  }
}
