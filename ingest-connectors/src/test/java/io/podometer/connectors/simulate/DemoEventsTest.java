package io.podometer.connectors.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DemoEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DefaultRun run = DefaultRun.get();

  @Test
  void sameSettingsGiveByteIdenticalOutputAndAnotherSeedDiffers() throws Exception {
    String first = digest(DefaultRun.SETTINGS);
    assertEquals(first, digest(DefaultRun.SETTINGS));
    assertNotEquals(first, digest(DefaultRun.SETTINGS.withSeed(43)));
    assertEquals(
        new DemoOrganization(DefaultRun.SETTINGS).orgYaml(),
        new DemoOrganization(DefaultRun.SETTINGS).orgYaml());
    assertNotEquals(run.yaml, new DemoOrganization(DefaultRun.SETTINGS.withSeed(43)).orgYaml());
  }

  @Test
  void everyEventKeepsTheCanonicalContract() {
    Map<String, List<String>> problems = new TreeMap<>();
    for (ObjectNode e : run.events) {
      List<String> found = EventContract.violations(e);
      if (!found.isEmpty()) {
        problems.putIfAbsent(e.get("type").asText(), List.of(e.get("id").asText() + ": " + found));
      }
      assertEquals("simulator", e.get("source").asText());
    }
    assertTrue(problems.isEmpty(), () -> "contract violations: " + problems);
  }

  @Test
  void everyTypeOfTheContractIsSimulated() {
    Set<String> types = new HashSet<>();
    run.events.forEach(e -> types.add(e.get("type").asText()));
    assertEquals(EventContract.REQUIRED.keySet(), types);
  }

  @Test
  void idsAreUnique() {
    Set<String> ids = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (ObjectNode e : run.events) {
      if (!ids.add(e.get("id").asText())) {
        duplicates.add(e.get("id").asText());
      }
    }
    assertTrue(
        duplicates.isEmpty(),
        () -> "duplicate ids: " + duplicates.subList(0, Math.min(5, duplicates.size())));
  }

  @Test
  void nothingHappensAfterTheClockAndTimeOnlyMovesForward() {
    String now = Times.iso(DefaultRun.NOW.getEpochSecond());
    String previous = "";
    for (ObjectNode e : run.events) {
      String at = e.get("occurredAt").asText();
      assertTrue(at.compareTo(now) <= 0, () -> "after the clock: " + e);
      assertTrue(at.compareTo(previous) >= 0, () -> "out of order: " + e);
      previous = at;
      e.get("data")
          .fields()
          .forEachRemaining(
              f -> {
                if (EventContract.TIMESTAMPS.contains(f.getKey())) {
                  assertTrue(
                      f.getValue().asText().compareTo(at) <= 0,
                      () -> "data after occurredAt: " + e);
                }
              });
    }
  }

  @Test
  void theCurrentWeekIsPartialButHasData() {
    String monday = "2026-03-02T00:00:00Z";
    long thisWeek =
        run.events.stream()
            .filter(e -> e.get("occurredAt").asText().compareTo(monday) >= 0)
            .count();
    String first = run.events.get(0).get("occurredAt").asText();
    assertTrue(thisWeek > 500, "events this week: " + thisWeek);
    assertTrue(first.compareTo("2025-09-08T00:00:00Z") >= 0, "first event " + first);
    assertTrue(first.startsWith("2025-09-08"), "the range starts 26 ISO weeks back: " + first);
  }

  @Test
  void everyAuthorAndUserIsAMemberOrAnAgentOrBot() {
    Set<String> identities = new HashSet<>();
    for (JsonNode m : run.org.get("members")) {
      m.get("identities")
          .fields()
          .forEachRemaining(f -> f.getValue().forEach(v -> identities.add(v.asText())));
    }
    Set<String> unknown = new HashSet<>();
    for (ObjectNode e : run.events) {
      JsonNode d = e.get("data");
      List<String> seen = new ArrayList<>();
      for (String field :
          List.of("author", "reviewer", "user", "member", "respondent", "mergedBy")) {
        JsonNode v = d.get(field);
        if (v != null && v.isObject()) {
          seen.add(v.get("email").asText());
          if (v.has("login")) {
            seen.add(v.get("login").asText());
          }
        } else if (v != null) {
          seen.add(v.asText());
        }
      }
      if (e.hasNonNull("actor")) {
        seen.add(e.get("actor").asText());
      }
      for (String identity : seen) {
        if (!identities.contains(identity) && !agentOrBot(identity)) {
          unknown.add(identity);
        }
      }
    }
    assertTrue(unknown.isEmpty(), () -> "unmapped identities: " + unknown);
  }

  private static boolean agentOrBot(String identity) {
    return identity.endsWith("[bot]")
        || identity.matches("\\d+\\+[\\w\\[\\]-]+@users\\.noreply\\.github\\.com");
  }

  @Test
  void pilotPodsUseAgentsFarMoreAfterTheirStart() {
    Map<String, String> podOfUser = new LinkedHashMap<>();
    for (JsonNode m : run.org.get("members")) {
      String pod = m.get("memberships").get(0).get("pod").asText();
      m.get("identities")
          .fields()
          .forEachRemaining(f -> f.getValue().forEach(v -> podOfUser.put(v.asText(), pod)));
    }
    for (JsonNode pilot : run.org.get("pilots")) {
      String pod = pilot.get("pod").asText();
      String start = pilot.get("start").asText();
      if (run.demo.org().pod(pod).traits().pilotStart() == null) {
        continue; // a pilot that changed how carefully the pod ships, not how it uses agents
      }
      double[] activeDays = new double[2];
      double[] lines = new double[2];
      for (ObjectNode e : run.ofType("agent.usage")) {
        JsonNode d = e.get("data");
        if (pod.equals(podOfUser.get(d.get("user").asText())) && d.get("active").asBoolean()) {
          int after = d.get("day").asText().compareTo(start) >= 0 ? 1 : 0;
          activeDays[after]++;
          lines[after] += d.get("linesAdded").asDouble();
        }
      }
      long weeksBefore =
          (Instant.parse(start + "T00:00:00Z").getEpochSecond()
                  - Instant.parse("2025-09-08T00:00:00Z").getEpochSecond())
              / (7 * 86_400);
      long weeksAfter = 26 - weeksBefore;
      double before = activeDays[0] / weeksBefore;
      double afterStart = activeDays[1] / weeksAfter;
      assertTrue(
          afterStart > 1.5 * before,
          pod + ": active days a week " + before + " before, " + afterStart + " after");
      assertTrue(lines[1] / weeksAfter > 2 * lines[0] / weeksBefore, pod + ": agent lines a week");
    }
  }

  @Test
  void aiCodeShareRisesAndIsHigherInPilotPods() {
    Set<String> pilotPods = new HashSet<>();
    run.org.get("pilots").forEach(p -> pilotPods.add(p.get("pod").asText()));
    Map<String, String> podOfLogin = new LinkedHashMap<>();
    for (JsonNode m : run.org.get("members")) {
      podOfLogin.put(
          m.get("identities").get("github").get(0).asText(),
          m.get("memberships").get(0).get("pod").asText());
    }
    // [pilot?][early?] {ai, all} added lines of human commits in pull requests
    double[][][] lines = new double[2][2][2];
    for (ObjectNode e : run.ofType("commit")) {
      JsonNode d = e.get("data");
      String pod = podOfLogin.get(d.get("author").path("login").asText());
      if (pod == null || !d.has("files")) {
        continue;
      }
      int pilot = pilotPods.contains(pod) ? 1 : 0;
      int early = d.get("authoredAt").asText().compareTo("2025-11-01") < 0 ? 1 : 0;
      int late = d.get("authoredAt").asText().compareTo("2026-01-15") >= 0 ? 1 : 0;
      if (early == 0 && late == 0) {
        continue;
      }
      double added = 0;
      for (JsonNode f : d.get("files")) {
        added += f.get("additions").asDouble();
      }
      boolean ai =
          d.has("trailers") || d.get("message").asText().contains("Generated with [Claude Code]");
      lines[pilot][early][0] += ai ? added : 0;
      lines[pilot][early][1] += added;
    }
    double otherEarly = lines[0][1][0] / lines[0][1][1];
    double otherLate = lines[0][0][0] / lines[0][0][1];
    double pilotLate = lines[1][0][0] / lines[1][0][1];
    assertTrue(
        otherLate > otherEarly + 0.1, "non-pilot AI share " + otherEarly + " → " + otherLate);
    assertTrue(
        pilotLate > otherLate + 0.15,
        "late AI share pilots " + pilotLate + " vs others " + otherLate);
  }

  @Test
  void aThousandEngineersMakeAboutSixtySevenThousandEventsAWeek() {
    Clock sundayNight = Clock.fixed(Instant.parse("2026-03-08T23:00:00Z"), ZoneOffset.UTC);
    long[] count = new long[1];
    new DemoOrganization(new SimulationSettings(1000, 1, 7, sundayNight)).events(e -> count[0]++);
    assertTrue(count[0] > 67_000 * 0.5 && count[0] < 67_000 * 1.5, "events: " + count[0]);
  }

  private static String digest(SimulationSettings settings) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    new DemoOrganization(settings)
        .events(
            e -> {
              try {
                sha.update(JSON.writeValueAsBytes(e));
                sha.update((byte) '\n');
              } catch (Exception ex) {
                throw new IllegalStateException(ex);
              }
            });
    return java.util.HexFormat.of().formatHex(sha.digest());
  }
}
