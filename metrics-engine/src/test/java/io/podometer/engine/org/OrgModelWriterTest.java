package io.podometer.engine.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrgModelWriterTest {

  private final OrgModelWriter writer = new OrgModelWriter();
  private final OrgModelLoader loader = new OrgModelLoader();

  @Test
  void theExampleRoundTripsThroughYamlAndJson() {
    OrgModel model = OrgFixtures.example();
    assertEquals(model, loader.load(writer.toYaml(model), "out.yaml").model());
    assertEquals(model, loader.loadJson(writer.toJson(model), "out.json").model());
  }

  @Test
  void yamlAndJsonOfTheSameModelLoadAlike() {
    OrgModel model = OrgFixtures.example();
    OrgModel viaJson = loader.loadJson(writer.toJson(model), "out.json").model();
    assertEquals(writer.toYaml(model), writer.toYaml(viaJson));
  }

  @Test
  void unusualValuesRoundTrip() {
    OrgModel model = unusualModel();
    String yaml = writer.toYaml(model);
    assertEquals(model, loader.load(yaml, "out.yaml").model(), yaml);
    assertEquals(model, loader.loadJson(writer.toJson(model), "out.json").model());
  }

  @Test
  void aBetKeepsItsStoShape() {
    String yaml = writer.toYaml(unusualModel());
    assertTrue(yaml.contains("sto:\n  - \"yes\"\n  - \"12\"\n"), yaml);
    assertTrue(yaml.contains("metric: lead_time_p50_hours"), yaml);
  }

  private static OrgModel unusualModel() {
    DetectorThresholds thresholds =
        new ThresholdOverrides(Map.of("meeting_creep", Map.of("hoursRise", 0.3)))
            .applyTo(DetectorThresholds.DEFAULTS);
    OrgSettings org =
        new OrgSettings(
            "On",
            ZoneId.of("America/New_York"),
            5,
            "L4",
            new EnvironmentPattern("prod.*|live"),
            48,
            List.of("fix: urgent", "#hotfix"),
            List.of(),
            List.of("*"),
            List.of(),
            List.of("yes"),
            List.of(),
            List.of(
                new AgentPattern(
                    "aider", List.of(), List.of(), List.of(), List.of("Aider-Model"), " [aider]"),
                new AgentPattern(
                    "windsurf",
                    List.of("*@windsurf.example"),
                    List.of("windsurf[bot]"),
                    List.of("~ Windsurf"),
                    List.of(),
                    null,
                    List.of("windsurf/", "ws-"))),
            new Targets(0.5, 0.5, 0.9),
            List.of("sev1", "null"),
            thresholds,
            Map.of("copilot", 19.0, "cursor", 40.5));
    ThresholdOverrides podOverrides =
        new ThresholdOverrides(
            Map.of(
                "knowledge_debt", Map.of("testPaths", List.of("t/**"), "weeks", 3),
                "security_shortcuts", Map.of("requireHumanApproval", false)));
    return new OrgModel(
        org,
        List.of(),
        List.of(new Pod("true", "12", null, podOverrides)),
        List.of(
            new Member(
                "yes",
                "Yes Man",
                Role.PM,
                null,
                new Identities(List.of("no"), List.of("y@x.example"), List.of("0123")),
                List.of(
                    new Membership("true", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)))),
            new Member("12", "Twelve", Role.DATA, "L12", Identities.NONE, List.of())),
        List.of(new Service("acme/true", "true", List.of())),
        List.of(new Champion("yes", List.of("true"))),
        List.of(
            new Pilot(
                "true",
                "yes",
                LocalDate.of(2026, 3, 2),
                6,
                new PilotCriteria(0.8, 10, 0.5, 1.2, 1.3, 2.5))),
        List.of(
            new Bet(
                "b",
                "Bet: \"quoted\" # not a comment",
                List.of("yes", "12"),
                null,
                new KillSignal(
                    KillSignal.Source.METRIC,
                    "lead_time_p50_hours",
                    Comparison.GREATER_OR_EQUAL,
                    48,
                    2),
                BetStatus.KILLED,
                null,
                new BetLinks(
                    List.of(),
                    List.of("feat/"),
                    List.of("[B]"),
                    List.of("acme/true"),
                    List.of("**/b/**")))));
  }
}
