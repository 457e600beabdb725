package io.podometer.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.connectors.simulate.DemoOrganization;
import io.podometer.connectors.simulate.SimulationSettings;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventProblem;
import io.podometer.engine.event.EventType;
import io.podometer.engine.org.OrgLoadResult;
import io.podometer.engine.org.OrgModelLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo organization speaks the same contract as every connector: the engine reads all of it.
 */
class SimulatorContractTest {

  @Test
  void everySimulatedEventPassesValidationAndTheOrgLoads() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    DemoOrganization demo = new DemoOrganization(SimulationSettings.defaults(clock));

    OrgLoadResult org = new OrgModelLoader().load(demo.orgYaml(), "demo");
    assertTrue(org.model().pods().size() >= 8);

    EventCodec codec = new EventCodec();
    List<EventProblem> problems = new ArrayList<>();
    Map<EventType, Integer> byType = new EnumMap<>(EventType.class);
    demo.events(
        node -> {
          CanonicalEvent event = codec.fromTree(node, 0, problems);
          if (event != null) {
            byType.merge(event.type(), 1, Integer::sum);
          }
        });

    assertEquals(List.of(), problems.stream().limit(10).map(EventProblem::toString).toList());
    for (EventType type : EventType.values()) {
      assertTrue(byType.getOrDefault(type, 0) > 0, "the demo has " + type + " events");
    }
  }
}
