package io.podometer.engine.metric.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.org.OrgModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure is a function of the set of events: the golden datasets shuffled, with a third of
 * their events delivered twice, give the same figures and the same drill-downs.
 */
class OrderIndependenceTest {

  static Stream<Arguments> datasets() {
    return Stream.of(
        Arguments.of(AiCodeShareTest.class, "landed_changes.ndjson", "2026-W09", "2026-W10"),
        Arguments.of(EngineerAdoptionTest.class, "engineers.ndjson", "2026-W09", "2026-W10"),
        Arguments.of(AgentUsageFiguresTest.class, "usage.ndjson", "2026-W10", "2026-W10"),
        Arguments.of(PrivacyAndCalendarTest.class, "week53.ndjson", "2026-W52", "2027-W01"));
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void shuffledAndDuplicatedEventsGiveIdenticalFigures(
      Class<?> test, String file, String from, String to) {
    OrgModel org = AiGolden.org();
    List<CanonicalEvent> events = AiGolden.events(test, file);
    EngineResult expected = AiGolden.compute(org, events, from, to);
    assertTrue(expected.figureMap().size() > 10, "the dataset has figures to compare");
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      List<CanonicalEvent> delivered = new ArrayList<>(events);
      for (int i = 0; i < events.size(); i += 3) {
        delivered.add(events.get(i));
      }
      Collections.shuffle(delivered, random);
      EngineResult actual = AiGolden.compute(org, delivered, from, to);
      assertEquals(expected.figureMap(), actual.figureMap(), "figures with seed " + seed);
      assertEquals(drilldowns(expected), drilldowns(actual), "drill-downs with seed " + seed);
    }
  }

  private static Map<String, List<String>> drilldowns(EngineResult result) {
    Map<String, List<String>> all = new TreeMap<>();
    for (FigureKey key : result.figureMap().keySet()) {
      all.put(
          key.toString(),
          result.drilldown(key.metric(), key.scope(), key.week()).stream()
              .map(OrderIndependenceTest::describe)
              .sorted()
              .toList());
    }
    return all;
  }

  private static String describe(Contribution c) {
    return AiGolden.describe(c)
        + " person="
        + c.person()
        + " scopes="
        + c.scopes().stream().sorted().toList()
        + " rule="
        + c.evidence().rule();
  }
}
