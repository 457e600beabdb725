package io.podometer.connectors.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoOrganizationYamlTest {
  private final JsonNode org = DefaultRun.get().org;

  @Test
  void hasExactlyTheKeysOfTheExample() {
    List<String> keys = new ArrayList<>();
    org.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of("org", "pillars", "pods", "members", "services", "champions", "pilots", "bets"),
        keys);
    JsonNode settings = org.get("org");
    for (String key :
        List.of(
            "name",
            "timeZone",
            "privacyFloor",
            "juniorLevelAtMost",
            "productionEnvironments",
            "incidentWindowHours",
            "hotfixLabels",
            "declaredAiLabels",
            "excludedPaths",
            "sensitivePaths",
            "securityReviewers",
            "ignoredBots",
            "agents",
            "targets",
            "incidentLabels",
            "thresholds")) {
      assertTrue(settings.has(key), "org." + key);
    }
    assertTrue(memberIds().contains(settings.get("securityReviewers").get(0).asText()));
  }

  @Test
  void podsOfThreeToFiveInAtLeastThreePillars() {
    assertTrue(org.get("pillars").size() >= 3);
    assertTrue(org.get("pods").size() >= 8);
    Set<String> pillars = new HashSet<>();
    org.get("pillars").forEach(p -> pillars.add(p.get("id").asText()));
    Map<String, Integer> people = new HashMap<>();
    for (JsonNode pod : org.get("pods")) {
      assertTrue(pillars.contains(pod.get("pillar").asText()), pod.toString());
      people.put(pod.get("id").asText(), 0);
    }
    for (JsonNode m : org.get("members")) {
      for (JsonNode ms : m.get("memberships")) {
        if (!ms.has("until")) {
          people.merge(ms.get("pod").asText(), 1, Integer::sum);
        }
      }
    }
    people.forEach((pod, n) -> assertTrue(n >= 3 && n <= 5, pod + " has " + n + " people"));
  }

  @Test
  void membersHaveLevelsRolesIdentitiesAndOneChangesPod() {
    Set<String> roles = new HashSet<>();
    Set<String> levels = new HashSet<>();
    int telemetry = 0;
    int movers = 0;
    for (JsonNode m : org.get("members")) {
      roles.add(m.get("role").asText());
      levels.add(m.get("level").asText());
      assertTrue(m.get("level").asText().matches("L[3-8]"));
      JsonNode ids = m.get("identities");
      assertEquals(m.get("id").asText() + "@acme.example", ids.get("emails").get(0).asText());
      assertTrue(ids.get("github").get(0).asText().matches("[a-z0-9-]+"));
      telemetry += ids.has("telemetry") ? 1 : 0;
      JsonNode memberships = m.get("memberships");
      if (memberships.size() > 1) {
        movers++;
        assertEquals(
            memberships.get(0).get("until").asText(), memberships.get(1).get("from").asText());
        assertTrue(
            LocalDate.parse(memberships.get(1).get("from").asText())
                .isAfter(LocalDate.parse("2025-09-08")));
      }
    }
    assertTrue(roles.containsAll(Set.of("engineer", "pm", "designer")), roles.toString());
    assertTrue(levels.contains("L3"), "some juniors");
    assertTrue(telemetry > 0);
    assertEquals(1, movers);
    long engineers = 0;
    for (JsonNode m : org.get("members")) {
      engineers += m.get("role").asText().equals("engineer") ? 1 : 0;
    }
    assertEquals(40, engineers);
  }

  @Test
  void servicesBelongToPodsAndLiveInAcmeRepositories() {
    Map<String, Integer> servicesPerPod = new HashMap<>();
    for (JsonNode s : org.get("services")) {
      servicesPerPod.merge(s.get("pod").asText(), 1, Integer::sum);
      assertEquals("acme/" + s.get("id").asText(), s.get("repos").get(0).asText());
    }
    for (JsonNode pod : org.get("pods")) {
      int n = servicesPerPod.getOrDefault(pod.get("id").asText(), 0);
      assertTrue(n >= 1 && n <= 2, pod.get("id") + " owns " + n);
    }
  }

  @Test
  void pilotsHaveChampionsFromTheirPodAndStartAboutTenWeeksBeforeTheEnd() {
    assertTrue(org.get("pilots").size() >= 2);
    for (JsonNode pilot : org.get("pilots")) {
      String pod = pilot.get("pod").asText();
      String champion = pilot.get("champion").asText();
      int engineers = 0;
      boolean championInPod = false;
      for (JsonNode m : org.get("members")) {
        if (m.get("memberships").get(0).get("pod").asText().equals(pod)) {
          engineers += m.get("role").asText().equals("engineer") ? 1 : 0;
          championInPod |= m.get("id").asText().equals(champion);
        }
      }
      assertTrue(engineers >= 3, pod);
      assertTrue(championInPod, champion + " in " + pod);
      boolean listed = false;
      for (JsonNode c : org.get("champions")) {
        listed |=
            c.get("member").asText().equals(champion) && c.get("pods").toString().contains(pod);
      }
      assertTrue(listed, "champion listed");
      long weeksBeforeEnd =
          (LocalDate.parse("2026-03-02").toEpochDay()
                  - LocalDate.parse(pilot.get("start").asText()).toEpochDay())
              / 7;
      // a pilot that works starts about ten weeks before the end; the small demo also names one
      // that has just started (two weeks before) and one that never took off (ten weeks before)
      boolean justStarted =
          DefaultRun.get().demo.org().pods.stream()
              .anyMatch(
                  p ->
                      p.id().equals(pod)
                          && p.traits().pilotStart() == null
                          && p.traits().declaredPilot() != null);
      assertTrue(
          (weeksBeforeEnd >= 8 && weeksBeforeEnd <= 11) || (justStarted && weeksBeforeEnd == 2),
          "pilot start " + pilot.get("start"));
      assertEquals(8, pilot.get("baselineWeeks").asInt());
    }
  }

  @Test
  void betsHaveOneStoAHypothesisAKillSignalAndLinks() {
    assertTrue(org.get("bets").size() >= 6);
    Set<String> members = memberIds();
    int withoutSto = 0;
    for (JsonNode bet : org.get("bets")) {
      String id = bet.get("id").asText();
      if (bet.has("sto")) {
        assertTrue(members.contains(bet.get("sto").asText()), id);
      } else {
        withoutSto++; // placed without a single task owner: a case for unowned_work
      }
      assertTrue(bet.get("hypothesis").asText().length() > 10);
      JsonNode kill = bet.get("killSignal");
      assertTrue(kill.has("signal") || kill.has("metric"));
      assertTrue(kill.has("comparator") && kill.has("threshold") && kill.has("windowWeeks"));
      assertTrue(
          Set.of("exploring", "scaling", "shipped", "killed").contains(bet.get("status").asText()));
      assertEquals("bet:" + id, bet.get("links").get("labels").get(0).asText());
      assertEquals("bet/" + id + "/", bet.get("links").get("branchPrefixes").get(0).asText());
    }
    assertEquals(1, withoutSto);
    // a bet for every pod, and a few more
    assertTrue(org.get("bets").size() > org.get("pods").size());
  }

  @Test
  void scalesToAThousandEngineers() throws Exception {
    JsonNode big =
        new YAMLMapper()
            .readTree(new DemoOrganization(DefaultRun.SETTINGS.withEngineers(1000)).orgYaml());
    assertEquals(250, big.get("pods").size());
    int pillars = big.get("pillars").size();
    assertTrue(pillars >= 55 && pillars <= 70, "pillars " + pillars);
    Set<String> ids = new HashSet<>();
    Set<String> logins = new HashSet<>();
    for (JsonNode m : big.get("members")) {
      assertTrue(ids.add(m.get("id").asText()), "unique id " + m.get("id"));
      assertTrue(logins.add(m.get("identities").get("github").get(0).asText()), "unique login");
    }
    assertTrue(big.get("pilots").size() >= 2 * 250 / 16);
    assertTrue(big.get("bets").size() >= 100);
  }

  private Set<String> memberIds() {
    Set<String> ids = new HashSet<>();
    org.get("members").forEach(m -> ids.add(m.get("id").asText()));
    return ids;
  }
}
