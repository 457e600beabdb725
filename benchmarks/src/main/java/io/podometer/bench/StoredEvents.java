package io.podometer.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.simulate.DemoOrganization;
import io.podometer.connectors.simulate.SimulationSettings;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventProblem;
import io.podometer.engine.event.EventValidationException;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.fact.FactFolder;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.OrgModelLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A simulated organization's model and its events, validated and kept as the store keeps them:
 * canonical JSON by fact key. Both benchmarks start from it, so they measure the same facts.
 */
record StoredEvents(OrgModel org, Map<FactKey, List<String>> byKey, long count) {

  static StoredEvents simulate(int engineers, int weeks, Instant now) {
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
    return new StoredEvents(org, byKey, events[0]);
  }

  /** Parses and validates every stored event again (the ingestion path); returns how many. */
  long parseAll(EventCodec codec) {
    return byKey.values().parallelStream()
        .mapToLong(
            jsons -> {
              long n = 0;
              for (String json : jsons) {
                n += codec.parseOne(json).id().isEmpty() ? 0 : 1;
              }
              return n;
            })
        .sum();
  }

  /**
   * Folds the stored canonical JSON into typed facts, as the store does: parsing included, not
   * validated again. Both cores: facts of different keys are independent.
   */
  FactSet fold(EventCodec codec) {
    FactFolder folder = new FactFolder();
    List<FoldedFact> folded =
        byKey.entrySet().parallelStream()
            .map(entry -> fold(codec, folder, entry.getKey(), entry.getValue()))
            .toList();
    return FactSet.fromFolded(folded);
  }

  /**
   * Folds key by key on one thread, handing each fact to {@code out} and letting go of its events
   * as it goes: the JSON, its parsed trees and the facts are never all held at once. The stored
   * events are spent.
   */
  void foldDraining(EventCodec codec, Consumer<FoldedFact> out) {
    FactFolder folder = new FactFolder();
    Iterator<Map.Entry<FactKey, List<String>>> entries = byKey.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<FactKey, List<String>> entry = entries.next();
      out.accept(fold(codec, folder, entry.getKey(), entry.getValue()));
      entries.remove();
    }
  }

  private static FoldedFact fold(
      EventCodec codec, FactFolder folder, FactKey key, List<String> jsons) {
    List<CanonicalEvent> events = new ArrayList<>(jsons.size());
    for (String json : jsons) {
      events.add(codec.readStored(json));
    }
    return folder.fold(key, events);
  }
}
