package io.podometer.connectors;

import io.podometer.connectors.simulate.DemoOrganization;
import io.podometer.connectors.simulate.SimulationSettings;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventProblem;
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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo organization as the engine sees it, for tests over all metric families. */
public final class DemoFigures {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  final OrgModel org;
  final List<CanonicalEvent> events = new ArrayList<>();

  DemoFigures(int engineers, int weeks) {
    DemoOrganization demo =
        new DemoOrganization(
            SimulationSettings.defaults(Clock.fixed(NOW, ZoneOffset.UTC))
                .withEngineers(engineers)
                .withWeeks(weeks));
    org = new OrgModelLoader().load(demo.orgYaml(), "demo").model();
    EventCodec codec = new EventCodec();
    demo.events(
        node -> {
          List<EventProblem> problems = new ArrayList<>();
          CanonicalEvent event = codec.fromTree(node, 0, problems);
          if (event == null) {
            throw new IllegalStateException(problems.toString());
          }
          events.add(event);
        });
  }

  public static FactSet fold(Collection<CanonicalEvent> events) {
    Map<FactKey, List<CanonicalEvent>> byKey = new LinkedHashMap<>();
    for (CanonicalEvent e : events) {
      byKey.computeIfAbsent(FactKey.of(e), k -> new ArrayList<>()).add(e);
    }
    FactFolder folder = new FactFolder();
    List<FoldedFact> folded = new ArrayList<>();
    byKey.forEach((key, list) -> folded.add(folder.fold(key, list)));
    return FactSet.fromFolded(folded);
  }
}
