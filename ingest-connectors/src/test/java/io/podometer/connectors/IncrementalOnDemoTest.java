package io.podometer.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.fact.FactFolder;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.live.FigureChanges;
import io.podometer.engine.live.MaterializedFigures;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.time.IsoWeek;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Incremental = full on a small simulated organization: its events replayed one by one in a
 * shuffled order (late reviews, deployments before their commits, incidents before their
 * deployments…); the figures kept incrementally, and those stored from the change lists, equal a
 * full computation after each of the first events and at regular steps after.
 */
class IncrementalOnDemoTest {

  @Test
  void aShuffledReplayKeepsTheIncrementalFiguresEqualToAFullComputation() {
    DemoFigures demo = new DemoFigures(12, 4);
    List<CanonicalEvent> events = new ArrayList<>(demo.events);
    Collections.shuffle(events, new Random(7));
    IsoWeek to = IsoWeek.of(DemoFigures.NOW, ZoneOffset.UTC);
    IsoWeek from = to.plusWeeks(-3);
    MetricsEngine engine = MetricFamilies.engine();
    MaterializedFigures live = new MaterializedFigures(engine, demo.org, from, to);
    Map<FigureKey, Figure> stored = new HashMap<>();
    store(live.recomputeAll(DemoFigures.NOW), stored);

    Map<FactKey, List<CanonicalEvent>> byKey = new LinkedHashMap<>();
    FactFolder folder = new FactFolder();
    int checks = 0;
    for (int i = 0; i < events.size(); i++) {
      CanonicalEvent event = events.get(i);
      FactKey key = FactKey.of(event);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
      store(live.apply(List.of(folder.fold(key, byKey.get(key))), DemoFigures.NOW), stored);
      if (i < 150 || i % 150 == 0 || i == events.size() - 1) {
        List<CanonicalEvent> sofar = new ArrayList<>();
        byKey.values().forEach(sofar::addAll);
        Map<FigureKey, Figure> full =
            engine
                .computeFigures(
                    new EngineContext(demo.org, DemoFigures.fold(sofar), from, to, DemoFigures.NOW))
                .figureMap();
        String step = "after event " + (i + 1) + " of " + events.size() + " (" + event.id() + ")";
        assertEquals(full, live.all(), step);
        assertEquals(full, stored, step + ", as stored from the change lists");
        checks++;
      }
    }
    assertTrue(events.size() > 1000, "a replay of " + events.size() + " events");
    assertTrue(stored.size() > 1000, "figures: " + stored.size());
    assertTrue(checks > 150);
  }

  private static void store(FigureChanges changes, Map<FigureKey, Figure> stored) {
    changes.removed().forEach(stored::remove);
    changes.upserted().forEach(f -> stored.put(new FigureKey(f.metric(), f.scope(), f.week()), f));
  }
}
