package io.podometer.engine.metric.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.metric.EngineResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Figures are a function of the set of events (SPEC §4): the delivery and failure scenarios
 * together, shuffled and with events repeated, give the same figures and the same evidence.
 */
class DoraOrderIndependenceTest {

  private static List<CanonicalEvent> allEvents() {
    List<CanonicalEvent> events = new ArrayList<>();
    events.addAll(DoraGolden.events(DoraDeliveryTest.class, "delivery.ndjson"));
    events.addAll(DoraGolden.events(DoraFailuresTest.class, "failures.ndjson"));
    return events;
  }

  private static EngineResult compute(List<CanonicalEvent> events) {
    return DoraGolden.compute(DoraGolden.org(), events, "2026-W09", "2026-W15");
  }

  @Test
  void shuffledAndRepeatedEventsGiveIdenticalFiguresAndEvidence() {
    List<CanonicalEvent> events = allEvents();
    EngineResult expected = compute(events);
    assertTrue(expected.figureMap().size() > 100, "the scenarios produce figures");
    for (long seed = 1; seed <= 5; seed++) {
      Random random = new Random(seed);
      List<CanonicalEvent> shuffled = new ArrayList<>(events);
      for (CanonicalEvent e : events) {
        if (random.nextInt(3) == 0) {
          shuffled.add(e);
        }
      }
      Collections.shuffle(shuffled, random);
      EngineResult actual = compute(shuffled);
      assertEquals(expected.figureMap(), actual.figureMap(), "figures, seed " + seed);
      for (FigureKey key : expected.figureMap().keySet()) {
        assertEquals(
            evidence(expected, key),
            evidence(actual, key),
            "evidence of " + key + ", seed " + seed);
      }
    }
  }

  /** Each item's evidence with its part in the figure, in a stable order. */
  private static Map<String, String> evidence(EngineResult result, FigureKey key) {
    Map<String, String> byItem = new TreeMap<>();
    for (Contribution c : result.drilldown(key.metric(), key.scope(), key.week())) {
      String item = c.evidence().ref() + " " + c.numKey();
      String previous =
          byItem.put(
              item,
              c.evidence().rule()
                  + " | "
                  + c.num()
                  + "/"
                  + c.den()
                  + " ~"
                  + c.sample()
                  + " "
                  + c.person());
      assertEquals(null, previous, "one item per fact and metric: " + item + " in " + key);
    }
    return byItem;
  }
}
