package io.podometer.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.figure.Aggregation;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.live.MaterializedFigures;
import io.podometer.engine.metric.DoraTiers;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.FactWindow;
import io.podometer.engine.metric.MemberFigures;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.metric.MetricFamily;
import io.podometer.engine.metric.OrgLookups;
import io.podometer.engine.metric.PodSlice;
import io.podometer.engine.metric.RangeTotals;
import io.podometer.engine.metric.ScopeSlice;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every metric family together, on the simulated demo organization. */
class EngineOnDemoTest {

  static DemoFigures demo;
  static IsoWeek to;
  static IsoWeek from;
  static EngineResult full;

  @BeforeAll
  static void computeOnce() {
    demo = new DemoFigures(40, 26);
    to = IsoWeek.of(DemoFigures.NOW, ZoneOffset.UTC);
    from = to.plusWeeks(-25);
    full = compute(DemoFigures.fold(demo.events), from, to);
  }

  static EngineResult compute(FactSet facts, IsoWeek from, IsoWeek to) {
    return MetricFamilies.engine()
        .compute(new EngineContext(demo.org, facts, from, to, DemoFigures.NOW));
  }

  @Test
  void everyMetricHasNonTrivialValuesOnTheDemo() {
    Set<MetricId> withValues = EnumSet.noneOf(MetricId.class);
    for (Figure figure : full.figures()) {
      if (figure.value() != null && figure.value() != 0) {
        withValues.add(figure.metric());
      }
    }
    assertEquals(EnumSet.allOf(MetricId.class), withValues);
  }

  @Test
  void drilldownsAddUpToTheFiguresTheyExplain() {
    Random random = new Random(7);
    List<Figure> ratios =
        full.figures().stream()
            .filter(f -> f.metric().aggregation() == Aggregation.RATIO && f.num() != null)
            .toList();
    for (int i = 0; i < 300; i++) {
      Figure figure = ratios.get(random.nextInt(ratios.size()));
      List<Contribution> items = full.drilldown(figure.metric(), figure.scope(), figure.week());
      double num = items.stream().mapToDouble(Contribution::num).sum();
      double den = items.stream().mapToDouble(Contribution::den).sum();
      String cell = figure.metric() + " " + figure.scope() + " " + figure.week();
      assertEquals(figure.num(), num, 1e-6, cell);
      assertEquals(figure.den(), den, 1e-6, cell);
      assertEquals(figure.n(), items.size(), cell);
      assertTrue(
          items.stream().allMatch(c -> c.evidence() != null && c.evidence().ref() != null), cell);
    }
  }

  @Test
  void noDrilldownRuleNamesAReviewer() {
    // drill-downs say what happened ("first review 2026-…: 1.57 h", "approved"), never who:
    // reviewers' names would rank them for anyone who may see the pod
    FactSet facts = DemoFigures.fold(demo.events);
    Set<String> reviewers = new java.util.HashSet<>();
    // people: agents and bots are named on purpose ("approved only by claude[bot]: an agent")
    facts.reviews().stream()
        .filter(r -> !r.reviewer().endsWith("[bot]"))
        .forEach(r -> reviewers.add(r.reviewer()));
    assertTrue(reviewers.size() > 10, "the demo has reviewers");
    java.util.regex.Pattern named =
        java.util.regex.Pattern.compile(
            "(?<![\\w-])("
                + String.join("|", reviewers.stream().map(java.util.regex.Pattern::quote).toList())
                + ")(?![\\w-])");
    List<String> naming = new ArrayList<>();
    int items = 0;
    for (Figure figure : full.figures()) {
      if (figure.metric().aggregation() == Aggregation.DERIVED) {
        continue;
      }
      for (Contribution c : full.drilldown(figure.metric(), figure.scope(), figure.week())) {
        if (c.evidence().aboutAPerson()) {
          continue; // summed into one line, never listed
        }
        items++;
        if (named.matcher(c.evidence().rule()).find()) {
          naming.add(figure.metric() + ": " + c.evidence().rule());
        }
      }
      if (items > 400_000) {
        break;
      }
    }
    assertTrue(items > 10_000, items + " items read");
    assertEquals(List.of(), naming.stream().limit(5).toList(), naming.size() + " rules name one");
  }

  @Test
  void shuffledAndDuplicatedEventsGiveTheSameFigures() {
    List<CanonicalEvent> delivered = new ArrayList<>(demo.events);
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      delivered.add(delivered.get(random.nextInt(delivered.size())));
    }
    Collections.shuffle(delivered, random);
    EngineResult again = compute(DemoFigures.fold(delivered), from, to);
    assertEquals(sorted(full.figureMap()), sorted(again.figureMap()));
  }

  @Test
  void recomputingAnyWeekFromItsWindowGivesTheFullComputationsFigures() {
    // every week of the demo's 26: the first and last weeks' windows cut deployments (and all
    // other facts) months before or after them, the middle ones less
    FactSet facts = DemoFigures.fold(demo.events);
    List<String> differences = new ArrayList<>();
    for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
      differences.addAll(windowedAgainstFull(facts, week));
    }
    assertEquals(
        List.of(), differences.stream().limit(5).toList(), differences.size() + " differences");
  }

  private static List<String> windowedAgainstFull(FactSet facts, IsoWeek week) {
    EngineResult windowed =
        compute(FactWindow.around(facts, week, week, ZoneOffset.UTC), week, week);
    Map<String, Figure> expected = new TreeMap<>();
    full.figureMap()
        .forEach(
            (k, f) -> {
              // weeks_to_90pct_adoption reads every week since the pilot started, not a window:
              // it is derived again from the stored weekly figures, so a window leaves it out
              if (k.week().equals(week) && k.metric() != MetricId.WEEKS_TO_90PCT_ADOPTION) {
                expected.put(k.toString(), f);
              }
            });
    assertTrue(expected.size() > 500, "the week " + week + " has figures");
    Map<String, Figure> actual = sorted(windowed.figureMap());
    actual
        .keySet()
        .removeIf(k -> k.contains("metric=" + MetricId.WEEKS_TO_90PCT_ADOPTION.id() + ","));
    List<String> differences = new ArrayList<>();
    expected.forEach(
        (k, f) -> {
          if (!withoutCrossWeekTier(f).equals(withoutCrossWeekTier(actual.get(k)))) {
            differences.add(k + ": full " + f + " windowed " + actual.get(k));
          }
        });
    actual.keySet().stream()
        .filter(k -> !expected.containsKey(k))
        .forEach(k -> differences.add(k + ": only windowed"));
    return differences;
  }

  /**
   * A deployment frequency's tier reads the 4 weeks ending its week: a computation of one week has
   * not the others, and the served figures have it derived again across the stored weeks.
   */
  private static Figure withoutCrossWeekTier(Figure figure) {
    return figure != null && figure.metric() == MetricId.DEPLOYMENT_FREQUENCY
        ? figure.withTier(null)
        : figure;
  }

  private static boolean complemented(Figure figure) {
    return figure != null
        && figure.withheld() != null
        && figure.withheld().startsWith("withheld: shown beside the figures around it");
  }

  @Test
  void aSliceCutByReadingEveryFactHoldsTheFactsOfOneGatheredByTheIndexOfOwners() {
    IsoWeek week = to.plusWeeks(-3);
    FactSet facts = DemoFigures.fold(demo.events);
    EngineContext context = new EngineContext(demo.org, facts, week, week, DemoFigures.NOW);
    List<Set<String>> podSets = new ArrayList<>();
    demo.org.pods().forEach(pod -> podSets.add(Set.of(pod.id())));
    demo.org
        .pillars()
        .forEach(
            pillar ->
                podSets.add(
                    demo.org.pods().stream()
                        .filter(pod -> pod.pillarId().filter(pillar.id()::equals).isPresent())
                        .map(io.podometer.engine.org.Pod::id)
                        .collect(Collectors.toSet())));
    int sliced = 0;
    for (Set<String> pods : podSets) {
      // a set is read whole for its first two slices and indexed by owner for the third
      FactSet window = FactWindow.around(facts, week, week, ZoneOffset.UTC);
      FactSet scanned = PodSlice.of(context, window, pods);
      PodSlice.of(context, window, pods);
      FactSet lookedUp = PodSlice.of(context, window, pods);
      for (Function<FactSet, List<?>> kind :
          List.<Function<FactSet, List<?>>>of(
              FactSet::pullRequests,
              FactSet::commits,
              FactSet::attributions,
              FactSet::reviews,
              FactSet::ciRuns,
              FactSet::deployments,
              FactSet::incidents,
              FactSet::usageDays,
              FactSet::seats,
              FactSet::meetingWeeks,
              FactSet::pulseAnswers)) {
        Set<Object> a = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> b = Collections.newSetFromMap(new IdentityHashMap<>());
        a.addAll(kind.apply(scanned));
        b.addAll(kind.apply(lookedUp));
        assertEquals(kind.apply(scanned).size(), a.size(), "each fact once in " + pods);
        // facts found one way and not the other (counted: the facts themselves are long to print)
        long onlyScanned = a.stream().filter(f -> !b.contains(f)).count();
        long onlyLookedUp = b.stream().filter(f -> !a.contains(f)).count();
        assertEquals(
            "0 / 0",
            onlyScanned + " / " + onlyLookedUp,
            "facts found only by reading every fact / only through the index, slice of " + pods);
        sliced += a.size();
      }
    }
    assertTrue(sliced > 1_000, "facts in the slices: " + sliced);
  }

  @Test
  void aPodsFiguresFromItsSliceEqualTheFullComputation() {
    IsoWeek week = to.plusWeeks(-3);
    FactSet facts = DemoFigures.fold(demo.events);
    EngineContext context = new EngineContext(demo.org, facts, week, week, DemoFigures.NOW);
    FactSet window = FactWindow.around(facts, week, week, ZoneOffset.UTC);
    List<String> differences = new ArrayList<>();
    for (var pod : demo.org.pods()) {
      ScopeId scope = ScopeId.pod(pod.id());
      // the pod's slice of the week's window, and the week's window of the pod's slice
      EngineResult sliced = compute(PodSlice.of(context, window, pod.id()), week, week);
      EngineResult windowed =
          compute(
              FactWindow.around(PodSlice.of(context, facts, pod.id()), week, week, ZoneOffset.UTC),
              week,
              week);
      for (MetricId metric : MetricId.values()) {
        if (metric == MetricId.WEEKS_TO_90PCT_ADOPTION) {
          continue; // derived from every week since the pilot started
        }
        Figure expected = full.figure(metric, scope, week);
        Figure actual = sliced.figure(metric, scope, week);
        Figure other = windowed.figure(metric, scope, week);
        if (complemented(expected) || complemented(actual) || complemented(other)) {
          // complementary suppression weighs every cell of the week: the organization's choice
          // of cells to hide beside a withheld one is not the choice made in one pod's slice
          continue;
        }
        if (expected == null ? actual != null : !expected.equals(actual)) {
          differences.add(metric + " " + scope + ": full " + expected + " slice " + actual);
        }
        if (expected == null ? other != null : !expected.equals(other)) {
          differences.add(
              metric + " " + scope + ": full " + expected + " window of slice " + other);
        }
      }
    }
    assertEquals(
        List.of(), differences.stream().limit(5).toList(), differences.size() + " differences");
  }

  @Test
  void aDrilldownByItsFamilyOnAScopesSliceListsTheFullComputationsItems() {
    FactSet facts = DemoFigures.fold(demo.events);
    List<ScopeId> scopes = new ArrayList<>();
    demo.org.pillars().forEach(p -> scopes.add(ScopeId.pillar(p.id())));
    demo.org.pods().forEach(p -> scopes.add(ScopeId.pod(p.id())));
    scopes.add(ScopeId.ORG);
    demo.org.members().stream().limit(8).forEach(m -> scopes.add(ScopeId.member(m.id())));
    // scopes counting changes: every repository and service with figures, every bet and STO
    full.figures().stream()
        .map(Figure::scope)
        .filter(
            s ->
                s.kind() == io.podometer.engine.scope.ScopeKind.REPO
                    || s.kind() == io.podometer.engine.scope.ScopeKind.SERVICE
                    || s.kind() == io.podometer.engine.scope.ScopeKind.BET
                    || s.kind() == io.podometer.engine.scope.ScopeKind.STO)
        .distinct()
        .sorted()
        .forEach(scopes::add);
    assertTrue(
        scopes.stream().anyMatch(s -> s.kind() == io.podometer.engine.scope.ScopeKind.STO),
        "the demo has STO figures");
    int cells = 0;
    List<String> differences = new ArrayList<>();
    List<MetricId> metrics =
        java.util.Arrays.stream(MetricId.values())
            .filter(m -> m.aggregation() != Aggregation.DERIVED)
            .toList();
    for (IsoWeek week : List.of(to.plusWeeks(-2), to.plusWeeks(-11))) {
      // as the drill-down API cuts it: the scope's slice of the week's window
      FactSet window = FactWindow.around(facts, week, week, ZoneOffset.UTC);
      cells += compareDrilldowns(window, week, scopes, metrics, differences);
    }
    assertTrue(cells > 600, "cells with items: " + cells);
    assertEquals(
        List.of(), differences.stream().limit(5).toList(), differences.size() + " differences");
  }

  @Test
  void aMetricThatReadsNothingAfterItsWeekDrillsDownFromTheFactsUpToTheWeekAlone() {
    FactSet facts = DemoFigures.fold(demo.events);
    var engine = MetricFamilies.engine();
    List<MetricId> metrics =
        java.util.Arrays.stream(MetricId.values())
            .filter(m -> m.aggregation() != Aggregation.DERIVED && !engine.readsAfterTheWeek(m))
            .toList();
    assertTrue(
        metrics.contains(MetricId.LEAD_TIME_P50_HOURS)
            && !metrics.contains(MetricId.CHANGE_FAILURE_RATE)
            && !metrics.contains(MetricId.REVERT_RATE),
        metrics::toString);
    List<ScopeId> scopes = new ArrayList<>();
    scopes.add(ScopeId.ORG);
    demo.org.pillars().forEach(p -> scopes.add(ScopeId.pillar(p.id())));
    demo.org.pods().forEach(p -> scopes.add(ScopeId.pod(p.id())));
    full.figures().stream()
        .map(Figure::scope)
        .filter(
            s ->
                s.kind() == io.podometer.engine.scope.ScopeKind.SERVICE
                    || s.kind() == io.podometer.engine.scope.ScopeKind.REPO)
        .distinct()
        .sorted()
        .forEach(scopes::add);
    int cells = 0;
    List<String> differences = new ArrayList<>();
    for (int back = 1; back <= 14; back += 3) {
      IsoWeek week = to.plusWeeks(-back);
      FactSet window = FactWindow.upTo(facts, week, week, ZoneOffset.UTC);
      assertTrue(window.deployments().size() < facts.deployments().size());
      cells += compareDrilldowns(window, week, scopes, metrics, differences);
    }
    assertTrue(cells > 300, "cells with items: " + cells);
    assertEquals(
        List.of(), differences.stream().limit(3).toList(), differences.size() + " differences");
  }

  /**
   * Drills down into each metric of each scope in {@code week} as the API does (the family on the
   * scope's slice of {@code window}) and adds to {@code differences} where the items differ from
   * the full computation's. Answers how many cells had items.
   */
  private int compareDrilldowns(
      FactSet window,
      IsoWeek week,
      List<ScopeId> scopes,
      List<MetricId> metrics,
      List<String> differences) {
    int cells = 0;
    for (ScopeId scope : scopes) {
      FactSet slice =
          ScopeSlice.of(
              new EngineContext(demo.org, window, week, week, DemoFigures.NOW), window, scope);
      EngineContext context = new EngineContext(demo.org, slice, week, week, DemoFigures.NOW);
      for (MetricId metric : metrics) {
        List<String> expected = items(full.drilldown(metric, scope, week));
        List<String> actual =
            items(MetricFamilies.engine().drilldown(context, metric, scope, week));
        if (!expected.equals(actual)) {
          differences.add(
              metric + " " + scope + " " + week + ": " + expected.size() + " vs " + actual.size());
        }
        cells += expected.isEmpty() ? 0 : 1;
      }
    }
    return cells;
  }

  @Test
  void aFamilyGivenNoFactOfAKindItDoesNotReadEmitsTheSameContributions() {
    // what lets a week's recomputation after, say, a new deployment run DORA alone and reuse the
    // other families' contributions: a family's declared kinds are all it reads
    FactSet facts = DemoFigures.fold(demo.events);
    IsoWeek first = to.plusWeeks(-9);
    Map<FactKind, List<?>> all = new EnumMap<>(FactKind.class);
    all.put(FactKind.PULL_REQUEST, facts.pullRequests());
    all.put(FactKind.COMMIT, facts.commits());
    all.put(FactKind.COMMIT_ATTRIBUTION, facts.attributions());
    all.put(FactKind.REVIEW, facts.reviews());
    all.put(FactKind.CI_RUN, facts.ciRuns());
    all.put(FactKind.DEPLOYMENT, facts.deployments());
    all.put(FactKind.INCIDENT, facts.incidents());
    all.put(FactKind.AGENT_USAGE_DAY, facts.usageDays());
    all.put(FactKind.AGENT_SEAT, facts.seats());
    all.put(FactKind.AGENT_ORG_DAY, List.of()); // no metric reads it: live facts do not keep it
    all.put(FactKind.MEETING_WEEK, facts.meetingWeeks());
    all.put(FactKind.BET_SIGNAL, facts.betSignals());
    all.put(FactKind.BET_LEARNING, facts.betLearnings());
    all.put(FactKind.PULSE_ANSWER, facts.pulseAnswers());
    int checked = 0;
    for (MetricFamily family : MetricFamilies.all()) {
      List<String> expected = contributions(family, facts, first);
      assertTrue(expected.size() > 1000, family + " emits on the demo");
      for (FactKind kind : FactKind.values()) {
        if (all.get(kind).isEmpty() || family.reads().contains(kind)) {
          continue;
        }
        Map<FactKind, List<?>> without = new EnumMap<>(all);
        without.put(kind, List.of());
        List<String> actual = contributions(family, FactSet.ofTyped(without), first);
        if (!expected.equals(actual)) {
          List<String> missing = new ArrayList<>(expected);
          missing.removeAll(actual);
          fail(
              family.getClass().getSimpleName()
                  + " without "
                  + kind
                  + ": "
                  + expected.size()
                  + " contributions vs "
                  + actual.size()
                  + ", e.g. "
                  + missing.stream().findFirst().orElse("(order)"));
        }
        checked++;
      }
    }
    assertTrue(checked >= 15, "kinds checked: " + checked);
    // the check tells: without deployments, DORA's contributions differ
    MetricFamily dora =
        MetricFamilies.all().stream()
            .filter(f -> f.reads().contains(FactKind.DEPLOYMENT))
            .findFirst()
            .orElseThrow();
    Map<FactKind, List<?>> withoutDeployments = new EnumMap<>(all);
    withoutDeployments.put(FactKind.DEPLOYMENT, List.of());
    assertTrue(
        !contributions(dora, facts, first)
            .equals(contributions(dora, FactSet.ofTyped(withoutDeployments), first)));
  }

  private static List<String> contributions(MetricFamily family, FactSet facts, IsoWeek first) {
    List<String> emitted = new ArrayList<>();
    EngineContext context = new EngineContext(demo.org, facts, first, to, DemoFigures.NOW);
    family.contribute(
        context,
        c -> {
          if (context.inRange(c.week())) {
            emitted.add(c.toString());
          }
        });
    Collections.sort(emitted);
    return emitted;
  }

  @Test
  void rangeTotalsPooledFromTheWeeklyCellsEqualThosePooledFromTheFacts() {
    FactSet facts = DemoFigures.fold(demo.events);
    MaterializedFigures live = new MaterializedFigures(MetricFamilies.engine(), demo.org, from, to);
    live.loadFacts(
        demo.events.stream()
            .collect(java.util.stream.Collectors.groupingBy(io.podometer.engine.event.FactKey::of))
            .entrySet()
            .stream()
            .map(e -> new io.podometer.engine.fact.FactFolder().fold(e.getKey(), e.getValue()))
            .toList());
    live.recomputeAll(DemoFigures.NOW);
    FigureSnapshot cells = live.snapshot();
    RangeTotals totals = new RangeTotals(MetricFamilies.engine(), DoraTiers.DEFAULTS);
    List<ScopeId> scopes = new ArrayList<>(cells.scopes());
    scopes.removeIf(s -> s.kind() == io.podometer.engine.scope.ScopeKind.MEMBER);
    Random random = new Random(11);
    int compared = 0;
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ScopeId scope = i == 0 ? ScopeId.ORG : scopes.get(random.nextInt(scopes.size()));
      IsoWeek last = to.plusWeeks(-random.nextInt(6));
      IsoWeek first = last.plusWeeks(-random.nextInt(20));
      List<MetricId> metrics = List.of(MetricId.values());
      List<Figure> fromFacts =
          totals.totals(
              new EngineContext(
                  demo.org,
                  FactWindow.around(facts, first, last, ZoneOffset.UTC),
                  first,
                  last,
                  DemoFigures.NOW),
              scope,
              metrics);
      List<Figure> fromWeeks =
          totals
              .fromWeeks(
                  new EngineContext(
                      demo.org, FactSet.ofTyped(Map.of()), first, last, DemoFigures.NOW),
                  scope,
                  metrics,
                  cells)
              .orElseThrow();
      Map<MetricId, Figure> expected = new TreeMap<>();
      fromFacts.forEach(f -> expected.put(f.metric(), f));
      Map<MetricId, Figure> actual = new TreeMap<>();
      fromWeeks.forEach(f -> actual.put(f.metric(), f));
      // weeks to adoption counts from the pilot's start: the range's facts alone cannot tell it
      // when the pilot had adopted before the range (the weekly cells, kept from the start, can)
      if (!expected.containsKey(MetricId.WEEKS_TO_90PCT_ADOPTION)) {
        actual.remove(MetricId.WEEKS_TO_90PCT_ADOPTION);
      }
      String range = scope + " " + first + ".." + last;
      if (!expected.keySet().equals(actual.keySet())) {
        differences.add(range + ": metrics " + expected.keySet() + " vs " + actual.keySet());
        continue;
      }
      for (MetricId metric : expected.keySet()) {
        Figure e = expected.get(metric);
        Figure a = actual.get(metric);
        if (!same(e.value(), a.value())
            || !same(e.num(), a.num())
            || !same(e.den(), a.den())
            || !same(e.exact(), a.exact())
            || e.n() != a.n()
            || e.people() != a.people()
            || !java.util.Objects.equals(e.withheld(), a.withheld())
            || !java.util.Objects.equals(e.tier(), a.tier())
            || !e.bySource().keySet().equals(a.bySource().keySet())) {
          differences.add(range + " " + metric + ": facts " + e + " weeks " + a);
        }
        compared++;
      }
    }
    assertTrue(compared > 500, "totals compared: " + compared);
    assertEquals(
        List.of(), differences.stream().limit(5).toList(), differences.size() + " differences");
  }

  @Test
  void aMembersFiguresComputedWhenAskedEqualTheFullComputation() {
    FactSet facts = DemoFigures.fold(demo.events);
    IsoWeek first = to.plusWeeks(-7);
    int compared = 0;
    List<String> differences = new ArrayList<>();
    OrgLookups lookups = new OrgLookups(demo.org);
    for (var member : demo.org.members()) {
      ScopeId scope = ScopeId.member(member.id());
      Map<MetricId, TreeMap<IsoWeek, Figure>> series =
          MemberFigures.series(
              MetricFamilies.engine(),
              lookups,
              facts,
              member.id(),
              List.of(MetricId.values()),
              first,
              to,
              DemoFigures.NOW);
      for (MetricId metric : MetricId.values()) {
        for (IsoWeek week = first; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
          Figure expected = full.figure(metric, scope, week);
          Figure actual = series.get(metric).get(week);
          if (expected == null ? actual != null : !expected.equals(actual)) {
            differences.add(
                metric + " " + scope + " " + week + ": full " + expected + " asked " + actual);
          }
          compared += expected == null ? 0 : 1;
        }
      }
    }
    assertTrue(compared > 1000, "member figures compared: " + compared);
    assertEquals(
        List.of(), differences.stream().limit(5).toList(), differences.size() + " differences");
  }

  /** Equal, or within a billionth: sums of shares times dens may differ in their last bits. */
  private static boolean same(Double a, Double b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  }

  /** Items as comparable text: evidence, parts and person, sorted. */
  private static List<String> items(List<Contribution> contributions) {
    return contributions.stream()
        .map(
            c ->
                c.evidence().ref()
                    + " "
                    + c.evidence().rule()
                    + " "
                    + c.num()
                    + "/"
                    + c.den()
                    + " "
                    + c.sample()
                    + " "
                    + c.numKey()
                    + " "
                    + c.denKey()
                    + " "
                    + c.person())
        .sorted()
        .toList();
  }

  private static Map<String, Figure> sorted(Map<FigureKey, Figure> figures) {
    Map<String, Figure> sorted = new TreeMap<>();
    figures.forEach((k, f) -> sorted.put(k.toString(), f));
    return sorted;
  }
}
