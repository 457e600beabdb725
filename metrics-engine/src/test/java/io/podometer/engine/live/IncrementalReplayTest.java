package io.podometer.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.fact.FactFolder;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incremental = full: every golden dataset of the metric families is replayed one event at a time
 * in a shuffled order; after each event the figures kept by {@link MaterializedFigures} (and the
 * store a caller keeps from its change lists) equal a full computation over the same facts.
 */
class IncrementalReplayTest {

  private static final MetricsEngine ENGINE = MetricFamilies.engine();

  static Stream<Arguments> datasets() {
    String flow = "metric/flow/FlowFamilyTest/";
    String review = "metric/review/ReviewFamilyTest/";
    String dora = "metric/dora/";
    String ai = "metric/ai/";
    return Stream.of(
        Arguments.of("flow: throughput", flow + "org.yaml", flow + "throughput.ndjson"),
        Arguments.of("flow: reverts", flow + "org.yaml", flow + "reverts.ndjson"),
        Arguments.of("flow: churn", flow + "org.yaml", flow + "churn.ndjson"),
        Arguments.of("flow: week 53", flow + "org.yaml", flow + "w53.ndjson"),
        Arguments.of("review", review + "org.yaml", review + "review.ndjson"),
        Arguments.of("review: week 53", review + "org.yaml", review + "w53.ndjson"),
        Arguments.of(
            "dora: delivery",
            dora + "DoraGolden/org.yaml",
            dora + "DoraDeliveryTest/delivery.ndjson"),
        Arguments.of(
            "dora: failures",
            dora + "DoraGolden/org.yaml",
            dora + "DoraFailuresTest/failures.ndjson"),
        Arguments.of(
            "ai: landed changes",
            ai + "AiGolden/org.yaml",
            ai + "AiCodeShareTest/landed_changes.ndjson"),
        Arguments.of(
            "ai: engineers",
            ai + "AiGolden/org.yaml",
            ai + "EngineerAdoptionTest/engineers.ndjson"),
        Arguments.of(
            "ai: agent usage", ai + "AiGolden/org.yaml", ai + "AgentUsageFiguresTest/usage.ndjson"),
        Arguments.of(
            "ai: pilot",
            ai + "AdoptionCurveTest/pilot.yaml",
            ai + "AdoptionCurveTest/pilot.ndjson"),
        Arguments.of(
            "privacy floor",
            ai + "PrivacyAndCalendarTest/privacy.yaml",
            ai + "PrivacyAndCalendarTest/privacy.ndjson"),
        Arguments.of(
            "ai: seats, onboarding and merge rates",
            ai + "SeatFiguresTest/org.yaml",
            ai + "SeatFiguresTest/seats.ndjson"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void afterEveryEventOfAShuffledReplayTheIncrementalFiguresEqualAFullComputation(
      String name, String orgFile, String eventsFile) {
    OrgModel org = GoldenData.org(GoldenData.engineResource(orgFile));
    List<CanonicalEvent> events =
        new ArrayList<>(GoldenData.events(GoldenData.engineResource(eventsFile)));
    assertTrue(events.size() >= 5, name + " has events to replay");
    Collections.shuffle(events, new Random(name.hashCode()));

    Instant first = events.stream().map(CanonicalEvent::occurredAt).min(Instant::compareTo).get();
    Instant last = events.stream().map(CanonicalEvent::occurredAt).max(Instant::compareTo).get();
    var zone = org.org().timeZone();
    IsoWeek from = IsoWeek.of(first, zone).plusWeeks(-2);
    IsoWeek to = IsoWeek.of(last, zone).plusWeeks(3);
    Instant now = last.plus(Duration.ofDays(2));

    MaterializedFigures live = new MaterializedFigures(ENGINE, org, from, to);
    Map<FigureKey, Figure> stored = new HashMap<>();
    store(live.recomputeAll(now), stored);
    Map<FactKey, List<CanonicalEvent>> byKey = new LinkedHashMap<>();
    FactFolder folder = new FactFolder();
    for (int i = 0; i < events.size(); i++) {
      CanonicalEvent event = events.get(i);
      FactKey key = FactKey.of(event);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
      store(live.apply(List.of(folder.fold(key, byKey.get(key))), now), stored);

      List<FoldedFact> folded = new ArrayList<>();
      byKey.forEach((k, list) -> folded.add(folder.fold(k, list)));
      Map<FigureKey, Figure> full =
          ENGINE
              .computeFigures(new EngineContext(org, FactSet.fromFolded(folded), from, to, now))
              .figureMap();
      String step =
          name + ", after event " + (i + 1) + " of " + events.size() + " (" + event.id() + ")";
      assertSame(full, live.all(), step);
      assertSame(full, stored, step + ", as stored from the change lists");
    }
    assertTrue(stored.size() > 10, name + " produces figures");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void withoutMembersTheIncrementalFiguresEqualAFullComputationWithoutMembers(
      String name, String orgFile, String eventsFile) {
    MetricsEngine engine = ENGINE.withoutMembers();
    Replay replay = Replay.of(name, orgFile, eventsFile, 1);
    List<CanonicalEvent> events = replay.events();
    Instant now = replay.now();
    MaterializedFigures live =
        new MaterializedFigures(engine, replay.org(), replay.from(), replay.to());
    live.recomputeAll(now);
    Map<FactKey, List<CanonicalEvent>> byKey = new LinkedHashMap<>();
    FactFolder folder = new FactFolder();
    for (CanonicalEvent event : events) {
      FactKey key = FactKey.of(event);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
      live.apply(List.of(folder.fold(key, byKey.get(key))), now);
    }
    Map<FigureKey, Figure> full = replay.computed(engine, byKey);
    assertSame(full, live.all(), name);
    assertTrue(
        full.keySet().stream()
            .noneMatch(k -> k.scope().kind() == io.podometer.engine.scope.ScopeKind.MEMBER),
        "no member's own figure is kept");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void ownWeeksFirstReusingTheFamiliesANewFactCannotMoveEqualAFullComputation(
      String name, String orgFile, String eventsFile) {
    // as the figure worker does: a new fact's own weeks first, each on its own (running only the
    // families that read its kind when the week was computed before), then the weeks around them
    MetricsEngine engine = ENGINE.withoutMembers();
    Replay replay = Replay.of(name, orgFile, eventsFile, 2);
    List<CanonicalEvent> events = replay.events();
    Instant now = replay.now();
    MaterializedFigures live =
        new MaterializedFigures(engine, replay.org(), replay.from(), replay.to());
    live.recomputeAll(now);
    Map<FactKey, List<CanonicalEvent>> byKey = new LinkedHashMap<>();
    FactFolder folder = new FactFolder();
    for (int i = 0; i < events.size(); i++) {
      CanonicalEvent event = events.get(i);
      FactKey key = FactKey.of(event);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
      TreeSet<IsoWeek> all = new TreeSet<>();
      TreeSet<IsoWeek> own = new TreeSet<>();
      live.absorbStored(
          Map.of(key, folder.fold(key, byKey.get(key)).fields().toString()), all, own);
      live.recomputeWeeks(own, now);
      all.removeAll(own);
      live.recomputeWeeks(all, now);

      assertSame(
          replay.computed(engine, byKey),
          live.all(),
          name + ", after event " + (i + 1) + " of " + events.size() + " (" + event.id() + ")");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void aFullComputationRunningWhileNewEventsAreAppliedInstallsTheFiguresOfEveryEvent(
      String name, String orgFile, String eventsFile) throws InterruptedException {
    // as the figure worker does when a week begins: half the events are held, a full computation
    // of the range moved on by a week begins and runs on another thread while the other half
    // comes in as new events (each shown in its own weeks first); once installed, the figures and
    // those stored from the change lists equal a full computation over every event
    MetricsEngine engine = ENGINE.withoutMembers();
    Replay replay = Replay.of(name, orgFile, eventsFile, 3);
    List<CanonicalEvent> events = replay.events();
    // now is the last event's moment: events of the current week, whose contributions a full
    // computation keeps, come in while it runs
    Instant now = events.stream().map(CanonicalEvent::occurredAt).max(Instant::compareTo).get();
    MaterializedFigures live =
        new MaterializedFigures(engine, replay.org(), replay.from(), replay.to());
    Map<FactKey, List<CanonicalEvent>> byKey = new LinkedHashMap<>();
    int half = loadFirstHalf(live, events, byKey);
    Map<FigureKey, Figure> stored = new HashMap<>();
    store(live.recomputeAll(now), stored);
    IsoWeek from = replay.from().plusWeeks(1);
    IsoWeek to = replay.to().plusWeeks(1);

    FullComputation full = live.beginFullComputation(replay.org(), from, to, now);
    Thread computing = new Thread(full::run, "full computation");
    computing.start();
    // the last events come after the installation, reusing what it kept of the current week
    int afterwards = Math.min(3, events.size() - half - 1);
    for (CanonicalEvent event : events.subList(half, events.size() - afterwards)) {
      applyOwnWeeksFirst(live, event, byKey, now, stored);
    }
    computing.join();
    store(live.install(full, now), stored);
    for (CanonicalEvent event : events.subList(events.size() - afterwards, events.size())) {
      applyOwnWeeksFirst(live, event, byKey, now, stored);
    }

    Map<FigureKey, Figure> expected = replay.computed(engine, byKey, from, to);
    assertSame(expected, live.all(), name);
    assertSame(expected, stored, name + ", as stored from the change lists");
  }

  /** Loads the first half of the events as held facts (not computed); returns where it ends. */
  private static int loadFirstHalf(
      MaterializedFigures live,
      List<CanonicalEvent> events,
      Map<FactKey, List<CanonicalEvent>> byKey) {
    FactFolder folder = new FactFolder();
    int half = events.size() / 2;
    for (CanonicalEvent event : events.subList(0, half)) {
      FactKey key = FactKey.of(event);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
      live.loadFacts(List.of(folder.fold(key, byKey.get(key))));
    }
    return half;
  }

  /**
   * One new event as the figure worker applies it: its own weeks first, then the others; what
   * changed goes to {@code stored}.
   */
  private static void applyOwnWeeksFirst(
      MaterializedFigures live,
      CanonicalEvent event,
      Map<FactKey, List<CanonicalEvent>> byKey,
      Instant now,
      Map<FigureKey, Figure> stored) {
    FactKey key = FactKey.of(event);
    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
    TreeSet<IsoWeek> all = new TreeSet<>();
    TreeSet<IsoWeek> own = new TreeSet<>();
    live.absorbStored(
        Map.of(key, new FactFolder().fold(key, byKey.get(key)).fields().toString()), all, own);
    store(live.recomputeWeeks(own, now), stored);
    all.removeAll(own);
    store(live.recomputeWeeks(all, now), stored);
  }

  @org.junit.jupiter.api.Test
  void aBulkLoadWhileAFullComputationRunsLeavesItToTheNextOne() {
    // a new event shown while a full computation runs, then a bulk load taken without working out
    // its weeks: installing keeps the event's weeks as shown (recomputed over every fact held),
    // says the bulk load is left to a catch-up, and the next full computation brings every figure
    // up to date
    MetricsEngine engine = ENGINE.withoutMembers();
    Replay replay =
        Replay.of(
            "bulk",
            "metric/dora/DoraGolden/org.yaml",
            "metric/dora/DoraDeliveryTest/delivery.ndjson",
            4);
    List<CanonicalEvent> events = replay.events();
    Instant now = replay.now();
    MaterializedFigures live =
        new MaterializedFigures(engine, replay.org(), replay.from(), replay.to());
    Map<FactKey, List<CanonicalEvent>> byKey = new LinkedHashMap<>();
    FactFolder folder = new FactFolder();
    int half = loadFirstHalf(live, events, byKey);
    live.recomputeAll(now);
    FullComputation first =
        live.beginFullComputation(replay.org(), replay.from(), replay.to(), now);
    TreeSet<IsoWeek> shown = new TreeSet<>();
    TreeSet<IsoWeek> own = new TreeSet<>();
    // the latest of the events still to come: it moves the last weeks only
    List<CanonicalEvent> coming = new ArrayList<>(events.subList(half, events.size()));
    coming.sort(java.util.Comparator.comparing(CanonicalEvent::occurredAt));
    CanonicalEvent early = coming.remove(coming.size() - 1);
    FactKey earlyKey = FactKey.of(early);
    byKey.computeIfAbsent(earlyKey, k -> new ArrayList<>()).add(early);
    live.absorbStored(
        Map.of(earlyKey, folder.fold(earlyKey, byKey.get(earlyKey)).fields().toString()),
        shown,
        own);
    live.recomputeWeeks(shown, now);
    Map<FactKey, String> bulk = new HashMap<>();
    for (CanonicalEvent event : coming) {
      FactKey key = FactKey.of(event);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
      bulk.put(key, folder.fold(key, byKey.get(key)).fields().toString());
    }
    live.absorbStoredForFullRecompute(bulk);
    first.run();
    live.install(first, now);
    assertTrue(first.everythingMovedMeanwhile(), "the bulk load is left to a catch-up");
    Map<FigureKey, Figure> expected = replay.computed(engine, byKey, replay.from(), replay.to());
    assertTrue(!expected.equals(live.all()), "installed from the facts before the bulk load");
    // the weeks shown meanwhile were recomputed over every fact held (deployment frequency's tiers
    // and weeks to adoption read the weeks around, still from before the bulk load)
    Map<FigureKey, Figure> shownExpected = new HashMap<>();
    Map<FigureKey, Figure> shownLive = new HashMap<>();
    java.util.function.Predicate<FigureKey> inShownWeeks =
        k ->
            shown.contains(k.week())
                && k.metric() != io.podometer.engine.figure.MetricId.DEPLOYMENT_FREQUENCY
                && k.metric() != io.podometer.engine.figure.MetricId.WEEKS_TO_90PCT_ADOPTION;
    expected.forEach(
        (k, f) -> {
          if (inShownWeeks.test(k)) {
            shownExpected.put(k, f);
          }
        });
    live.all()
        .forEach(
            (k, f) -> {
              if (inShownWeeks.test(k)) {
                shownLive.put(k, f);
              }
            });
    assertTrue(!shownExpected.isEmpty(), "the early event moved weeks with figures");
    assertSame(shownExpected, shownLive, "the weeks shown while it ran");

    FullComputation second =
        live.beginFullComputation(replay.org(), replay.from(), replay.to(), now);
    second.run();
    live.install(second, now);
    assertTrue(!second.everythingMovedMeanwhile());
    assertSame(expected, live.all(), "after the next full computation");
  }

  /** A dataset's events in a shuffled order, and the weeks and moment to compute them over. */
  private record Replay(
      OrgModel org, List<CanonicalEvent> events, IsoWeek from, IsoWeek to, Instant now) {

    static Replay of(String name, String orgFile, String eventsFile, int seed) {
      OrgModel org = GoldenData.org(GoldenData.engineResource(orgFile));
      List<CanonicalEvent> events =
          new ArrayList<>(GoldenData.events(GoldenData.engineResource(eventsFile)));
      Collections.shuffle(events, new Random(name.hashCode() + seed));
      Instant first = events.stream().map(CanonicalEvent::occurredAt).min(Instant::compareTo).get();
      Instant last = events.stream().map(CanonicalEvent::occurredAt).max(Instant::compareTo).get();
      var zone = org.org().timeZone();
      return new Replay(
          org,
          events,
          IsoWeek.of(first, zone).plusWeeks(-2),
          IsoWeek.of(last, zone).plusWeeks(3),
          last.plus(Duration.ofDays(2)));
    }

    /** Every figure a full computation gives over the events replayed so far. */
    Map<FigureKey, Figure> computed(
        MetricsEngine engine, Map<FactKey, List<CanonicalEvent>> byKey) {
      return computed(engine, byKey, from, to);
    }

    /** The same over the weeks {@code first..last}. */
    Map<FigureKey, Figure> computed(
        MetricsEngine engine,
        Map<FactKey, List<CanonicalEvent>> byKey,
        IsoWeek first,
        IsoWeek last) {
      FactFolder folder = new FactFolder();
      List<FoldedFact> folded = new ArrayList<>();
      byKey.forEach((k, list) -> folded.add(folder.fold(k, list)));
      return engine
          .computeFigures(new EngineContext(org, FactSet.fromFolded(folded), first, last, now))
          .figureMap();
    }
  }

  private static void store(FigureChanges changes, Map<FigureKey, Figure> stored) {
    changes.removed().forEach(stored::remove);
    changes.upserted().forEach(f -> stored.put(new FigureKey(f.metric(), f.scope(), f.week()), f));
  }

  static void assertSame(
      Map<FigureKey, Figure> expected, Map<FigureKey, Figure> actual, String step) {
    if (expected.equals(actual)) {
      return;
    }
    TreeMap<String, String> differences = new TreeMap<>();
    for (FigureKey key : expected.keySet()) {
      if (!expected.get(key).equals(actual.get(key))) {
        differences.put(key.toString(), "full " + expected.get(key) + " / live " + actual.get(key));
      }
    }
    for (FigureKey key : actual.keySet()) {
      if (!expected.containsKey(key)) {
        differences.put(key.toString(), "full none / live " + actual.get(key));
      }
    }
    assertEquals(0, differences.size(), step + ": " + differences.firstEntry());
    fail(step);
  }
}
