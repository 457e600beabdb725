package io.podometer.connectors.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** One run with the default settings at a fixed Wednesday noon, shared by the tests. */
final class DefaultRun {
  static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
  static final SimulationSettings SETTINGS =
      SimulationSettings.defaults(Clock.fixed(NOW, ZoneOffset.UTC));

  private static DefaultRun instance;

  final DemoOrganization demo;
  final String yaml;
  final JsonNode org;
  final List<ObjectNode> events = new ArrayList<>();

  private DefaultRun() {
    demo = new DemoOrganization(SETTINGS);
    yaml = demo.orgYaml();
    try {
      org = new YAMLMapper().readTree(yaml);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    demo.events(events::add);
  }

  static synchronized DefaultRun get() {
    if (instance == null) {
      instance = new DefaultRun();
    }
    return instance;
  }

  List<ObjectNode> ofType(String type) {
    List<ObjectNode> result = new ArrayList<>();
    for (ObjectNode e : events) {
      if (e.get("type").asText().equals(type)) {
        result.add(e);
      }
    }
    return result;
  }
}
