package io.podometer.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.simulate.DemoOrganization;
import io.podometer.connectors.simulate.SimulationSettings;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventProblem;
import io.podometer.engine.event.EventValidationException;
import io.podometer.engine.fact.FactFolder;
import io.podometer.engine.fact.FactKey;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.OrgModelLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated organization of {@code ./podometer bench}, its events validated, stored as
 * canonical JSON and folded into facts the way the store folds them, so that both benchmarks
 * measure the same facts.
 */
record SimulatedOrganization(OrgModel org, FactSet facts, long events, int factKeys) {

  static SimulatedOrganization simulate(int engineers, int weeks, Instant now) {
    SimulationSettings simulation =
        SimulationSettings.defaults(Clock.fixed(now, ZoneOffset.UTC))
            .withEngineers(engineers)
            .withWeeks(weeks);
    DemoOrganization demo = new DemoOrganization(simulation);
    OrgModel org = new OrgModelLoader().load(demo.orgYaml(), "simulated").model();

    Map<FactKey, List<String>> byKey = new HashMap<>();
    long[] events = {0};
    EventCodec codec = new EventCodec();
    demo.events(
        (ObjectNode node) -> {
          List<EventProblem> problems = new ArrayList<>();
          CanonicalEvent event = codec.fromTree(node, 0, problems);
          if (event == null) {
            throw new EventValidationException(problems);
          }
          byKey
              .computeIfAbsent(FactKey.of(event), k -> new ArrayList<>(2))
              .add(event.canonicalJson());
          events[0]++;
        });
    FactSet facts = fold(byKey, codec);
    return new SimulatedOrganization(org, facts, events[0], byKey.size());
  }

  /** Reads the stored JSON back and folds each fact's events; facts of different keys apart. */
  private static FactSet fold(Map<FactKey, List<String>> byKey, EventCodec codec) {
    FactFolder folder = new FactFolder();
    List<FoldedFact> folded =
        byKey.entrySet().parallelStream()
            .map(
                entry -> {
                  List<CanonicalEvent> events = new ArrayList<>(entry.getValue().size());
                  for (String json : entry.getValue()) {
                    events.add(codec.readStored(json));
                  }
                  return folder.fold(entry.getKey(), events);
                })
            .toList();
    return FactSet.fromFolded(folded);
  }
}
