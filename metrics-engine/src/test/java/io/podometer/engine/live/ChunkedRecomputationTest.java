package io.podometer.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A full recomputation goes a few weeks at a time: whatever the step, it gives the figures of one
 * computation over the whole range (the tiers that read the 4 weeks ending each, and a pilot's
 * weeks to adoption, across the steps' edges included), and one that changes nothing keeps every
 * figure's instance and reports no change.
 */
class ChunkedRecomputationTest {

  private static final MetricsEngine ENGINE = MetricFamilies.engine();

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> datasets() {
    return IncrementalReplayTest.datasets();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void everyStepGivesTheFiguresOfOneComputationOverTheRange(
      String name, String orgFile, String eventsFile) {
    OrgModel org = GoldenData.org(GoldenData.engineResource(orgFile));
    List<CanonicalEvent> events = GoldenData.events(GoldenData.engineResource(eventsFile));
    Instant first = events.stream().map(CanonicalEvent::occurredAt).min(Instant::compareTo).get();
    Instant last = events.stream().map(CanonicalEvent::occurredAt).max(Instant::compareTo).get();
    var zone = org.org().timeZone();
    IsoWeek from = IsoWeek.of(first, zone).plusWeeks(-4);
    IsoWeek to = IsoWeek.of(last, zone).plusWeeks(3);
    Instant now = last.plus(Duration.ofDays(2));
    List<FoldedFact> folded = fold(events);
    Map<FigureKey, Figure> full =
        ENGINE
            .computeFigures(new EngineContext(org, FactSet.fromFolded(folded), from, to, now))
            .figureMap();
    assertTrue(full.size() > 10, name + " produces figures");

    for (int step : new int[] {1, 2, 3, MaterializedFigures.CHUNK_WEEKS}) {
      MaterializedFigures live = new MaterializedFigures(ENGINE, org, from, to);
      live.loadFacts(folded);
      live.chunkWeeks(step);
      Map<FigureKey, Figure> stored = new HashMap<>();
      FigureChanges changes = live.recomputeAll(now);
      changes.upserted().forEach(f -> stored.put(key(f), f));
      IncrementalReplayTest.assertSame(full, live.all(), name + ", " + step + " week(s) a step");
      IncrementalReplayTest.assertSame(full, stored, name + ", as stored, " + step + " a step");

      Map<FigureKey, Figure> held = live.all();
      FigureSnapshot served = live.snapshot();
      live.chunkWeeks(step + 1);
      FigureChanges again = live.recomputeAll(now);
      assertTrue(again.isEmpty(), name + ": a second recomputation changes nothing");
      live.all().forEach((k, figure) -> assertSame(held.get(k), figure, name + ": kept " + k));
      assertEquals(held.size(), live.all().size());
      // what reads figures alone (the anti-pattern detectors) knows it has nothing new to read,
      // re-derived tiers and weeks to adoption included
      assertTrue(live.snapshot().holdsTheSameFiguresAs(served), name + ": the same figures");
      // two weeks on, the weeks in progress are no longer partial: the figures are not the same
      live.recomputeAll(now.plus(Duration.ofDays(14)));
      assertFalse(live.snapshot().holdsTheSameFiguresAs(served), name + ": figures moved on");
    }
  }

  @org.junit.jupiter.api.Test
  void weeksBeforeTheHistoryAndAShortLastStepJoinTheStepBeside() {
    java.util.TreeSet<IsoWeek> weeks = new java.util.TreeSet<>();
    for (int week = 1; week <= 10; week++) {
      weeks.add(new IsoWeek(2026, week));
    }
    weeks.add(new IsoWeek(2026, 12)); // after a gap: a step of its own

    // history from W05: W01-W04 ride along with W05-W07, then steps of 3 weeks
    assertEquals(
        List.of(weeksOf(1, 7), weeksOf(8, 10), weeksOf(12, 12)),
        MaterializedFigures.runs(weeks, 3, new IsoWeek(2026, 5)));
    // no history known: every week counts
    assertEquals(
        List.of(weeksOf(1, 3), weeksOf(4, 6), weeksOf(7, 9), weeksOf(10, 10), weeksOf(12, 12)),
        MaterializedFigures.runs(weeks, 3, null));
    // a last step of fewer than a quarter of the longest joins the one before (not across a gap)
    assertEquals(
        List.of(weeksOf(1, 10), weeksOf(12, 12)), MaterializedFigures.runs(weeks, 9, null));
    assertEquals(
        List.of(weeksOf(1, 8), weeksOf(9, 10), weeksOf(12, 12)),
        MaterializedFigures.runs(weeks, 8, null));
    // history from before the range: as if none were known
    assertEquals(
        MaterializedFigures.runs(weeks, 3, null),
        MaterializedFigures.runs(weeks, 3, new IsoWeek(2025, 40)));
  }

  private static List<IsoWeek> weeksOf(int first, int last) {
    List<IsoWeek> weeks = new ArrayList<>();
    for (int week = first; week <= last; week++) {
      weeks.add(new IsoWeek(2026, week));
    }
    return weeks;
  }

  private static List<FoldedFact> fold(List<CanonicalEvent> events) {
    Map<FactKey, List<CanonicalEvent>> byKey = new LinkedHashMap<>();
    events.forEach(e -> byKey.computeIfAbsent(FactKey.of(e), k -> new ArrayList<>()).add(e));
    FactFolder folder = new FactFolder();
    List<FoldedFact> folded = new ArrayList<>();
    byKey.forEach((k, list) -> folded.add(folder.fold(k, list)));
    return folded;
  }

  private static FigureKey key(Figure figure) {
    return new FigureKey(figure.metric(), figure.scope(), figure.week());
  }
}
