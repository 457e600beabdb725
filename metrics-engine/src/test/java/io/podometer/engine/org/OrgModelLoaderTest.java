package io.podometer.engine.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrgModelLoaderTest {

  private final OrgModelLoader loader = new OrgModelLoader();

  @Test
  void loadsTheExampleOrganization() {
    OrgLoadResult result = loader.load(OrgFixtures.exampleYaml(), "org.yaml");
    OrgModel model = result.model();
    assertEquals(List.of(), result.warnings());

    OrgSettings org = model.org();
    assertEquals("Acme", org.name());
    assertEquals(ZoneId.of("UTC"), org.timeZone());
    assertEquals(3, org.privacyFloor());
    assertEquals("L3", org.juniorLevelAtMost());
    assertEquals(3, org.juniorLevelNumber());
    assertEquals("prod|production", org.productionEnvironments().regex());
    assertTrue(org.productionEnvironments().matches("Production"));
    assertFalse(org.productionEnvironments().matches("preprod"));
    assertEquals(72, org.incidentWindowHours());
    assertEquals(List.of("hotfix", "bug"), org.hotfixLabels());
    assertEquals(List.of("ai-assisted"), org.declaredAiLabels());
    assertEquals(6, org.excludedPaths().size());
    assertEquals(".github/workflows/**", org.sensitivePaths().get(2));
    assertEquals(List.of("sam"), org.securityReviewers());
    assertEquals(
        List.of("dependabot[bot]", "renovate[bot]", "github-actions[bot]"), org.ignoredBots());
    assertEquals(6, org.agents().size());
    AgentPattern copilot = org.agents().get(1);
    assertEquals("copilot", copilot.tool());
    assertEquals(
        List.of("*+Copilot@users.noreply.github.com", "copilot@github.com"), copilot.emails());
    assertEquals(" (aider)", org.agents().get(5).authorNameSuffix());
    assertEquals(new Targets(0.75, 0.55, 0.80), org.targets());
    assertEquals(List.of("incident"), org.incidentLabels());
    assertEquals(DetectorThresholds.DEFAULTS, org.thresholds());

    assertEquals(List.of(new Pillar("commerce", "Commerce")), model.pillars());
    Pod checkout = model.pods().get(0);
    assertEquals("Checkout", checkout.name());
    assertEquals("commerce", checkout.pillar());
    assertEquals(
        Map.of("review_bottleneck", Map.of("pickupHours", 12.0)),
        checkout.thresholdOverrides().byDetector());
    assertTrue(model.pods().get(1).thresholdOverrides().isEmpty());

    Member ana = model.member("ana").orElseThrow();
    assertEquals("Ana Lima", ana.name());
    assertEquals(Role.ENGINEER, ana.role());
    assertEquals(5, ana.levelNumber().getAsInt());
    assertEquals(
        new Identities(List.of("ana-l"), List.of("ana@acme.example"), List.of("5e1f0c2a-uuid")),
        ana.identities());
    assertEquals(
        List.of(new Membership("checkout", LocalDate.of(2026, 1, 5), null)), ana.memberships());
    Member raj = model.member("raj").orElseThrow();
    assertEquals(
        List.of(
            new Membership("search", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 2, 2)),
            new Membership("checkout", LocalDate.of(2026, 2, 2), null)),
        raj.memberships());
    assertEquals(List.of(), raj.identities().telemetry());

    assertEquals(
        List.of(
            new Service("checkout-api", "checkout", List.of("acme/checkout-api")),
            new Service("search-svc", "search", List.of("acme/search"))),
        model.services());
    assertEquals(List.of(new Champion("raj", List.of("checkout"))), model.champions());
    Pilot pilot = model.pilots().get(0);
    assertEquals(
        new Pilot("checkout", "raj", LocalDate.of(2026, 3, 2), 8, PilotCriteria.DEFAULTS), pilot);
    assertEquals(LocalDate.of(2026, 1, 5), pilot.baselineStart());

    Bet bet = model.bet("one-click").orElseThrow();
    assertEquals("One-click checkout", bet.title());
    assertEquals(Optional.of("ana"), bet.sto());
    assertEquals("Returning buyers convert better without the address step", bet.hypothesis());
    assertEquals(
        new KillSignal(KillSignal.Source.SIGNAL, "conversion_rate", Comparison.LESS, 0.02, 4),
        bet.killSignal());
    assertTrue(bet.killSignal().firesOn(0.01));
    assertEquals(BetStatus.EXPLORING, bet.status());
    assertEquals(LocalDate.of(2026, 2, 2), bet.started());
    assertEquals(BetLinks.defaultsFor("one-click"), bet.links());
    assertEquals(List.of("[one-click]"), bet.links().titleTags());
  }

  /** A model of {@code members} members in block YAML, {@code pods} pods (about 150 bytes each). */
  private static String bigModel(int members, int pods) {
    StringBuilder yaml = new StringBuilder("org:\n  name: Big\npods:\n");
    for (int p = 0; p < pods; p++) {
      yaml.append("  - id: pod").append(p).append("\n    name: Pod ").append(p).append('\n');
    }
    yaml.append("members:\n");
    for (int m = 0; m < members; m++) {
      yaml.append("  - id: m")
          .append(m)
          .append("\n    name: Member ")
          .append(m)
          .append("\n    role: engineer\n    level: L5\n    identities:\n      github: [gh")
          .append(m)
          .append("]\n    memberships:\n      - pod: pod")
          .append(m % pods)
          .append("\n        from: 2025-01-01\n");
    }
    return yaml.toString();
  }

  @Test
  void aModelLargerThanTheYamlReadersOwnThreeMegabytesIsRead() {
    // the YAML reader refuses more than 3 MB unless told otherwise; the upload limit is 16 MiB
    String yaml = bigModel(24_000, 2_000);
    assertTrue(yaml.length() > 3_500_000, "size " + yaml.length());
    assertEquals(24_000, loader.load(yaml, "big.yaml").model().members().size());
  }

  @Test
  void aModelOverTheLimitIsRefusedAsTooLargeNotAsBadYaml() {
    String yaml = bigModel(2_000, 100); // about 300 KB
    OrgValidationException e =
        assertThrows(
            OrgValidationException.class, () -> new OrgModelLoader(100_000).load(yaml, "org.yaml"));
    assertTrue(e.getMessage().contains("more than the 0.1 MiB read at most"), e.getMessage());
    assertFalse(e.getMessage().contains("not valid"), e.getMessage());
  }

  @Test
  void jsonIsReadAsJsonAndItsErrorsSaySo() {
    OrgLoadResult json =
        loader.load(
            "{\"org\": {\"name\": \"X\"}, \"pods\": [{\"id\": \"a\", \"name\": \"A\"}]}", "o");
    assertEquals(1, json.model().pods().size());
    OrgValidationException broken =
        assertThrows(
            OrgValidationException.class, () -> loader.load("{\"org\": {\"name\": }", "org.json"));
    assertTrue(broken.getMessage().contains("not valid JSON at line 1"), broken.getMessage());
    assertFalse(broken.getMessage().contains("YAML"), broken.getMessage());
    // flow YAML opens with a brace too, and is still YAML
    assertEquals("X", loader.load("{org: {name: X}}", "o").model().org().name());
  }

  @Test
  void aFileWithOnlyANameGetsEveryDefault() {
    OrgLoadResult result = loader.load("org: {name: X}\n", "org.yaml");
    assertEquals(OrgModel.empty(OrgSettings.defaults("X")), result.model());
    assertEquals(List.of(), result.warnings());
    OrgSettings org = result.model().org();
    assertEquals(ZoneId.of("UTC"), org.timeZone());
    assertEquals(3, org.privacyFloor());
    assertEquals("L3", org.juniorLevelAtMost());
    assertEquals("prod|production", org.productionEnvironments().regex());
    assertEquals(72, org.incidentWindowHours());
    assertEquals(List.of("hotfix", "bug"), org.hotfixLabels());
    assertEquals(List.of("incident"), org.incidentLabels());
    assertEquals(List.of(), org.securityReviewers());
    assertEquals(List.of(), org.agents());
    assertEquals(Targets.DEFAULTS, org.targets());
    assertEquals(24.0, org.thresholds().reviewBottleneck().pickupHours());
    assertEquals(50, org.thresholds().knowledgeDebt().minAddedLines());
    assertTrue(org.thresholds().securityShortcuts().requireHumanApproval());
  }

  @Test
  void entriesGetTheirDefaults() {
    OrgModel model =
        OrgFixtures.load(
            """
            org: {name: X}
            pods: [{id: p, name: P}]
            members: [{id: m, name: M}]
            pilots: [{pod: p, champion: m, start: 2026-03-02}]
            bets: [{id: b, title: B, sto: m}]
            """);
    assertNull(model.pods().get(0).pillar());
    Member member = model.members().get(0);
    assertEquals(Role.ENGINEER, member.role());
    assertNull(member.level());
    assertEquals(Identities.NONE, member.identities());
    assertEquals(List.of(), member.memberships());
    assertEquals(8, model.pilots().get(0).baselineWeeks());
    assertEquals(PilotCriteria.DEFAULTS, model.pilots().get(0).successCriteria());
    Bet bet = model.bets().get(0);
    assertEquals(BetStatus.EXPLORING, bet.status());
    assertNull(bet.killSignal());
    assertNull(bet.started());
    assertEquals(List.of("bet:b"), bet.links().labels());
    assertEquals(List.of("bet/b/"), bet.links().branchPrefixes());
  }

  @Test
  void overridesMergeKeyByKey() {
    OrgModel model =
        OrgFixtures.load(
            """
            org:
              name: X
              targets: {ai_code_share: 0.6}
              thresholds: {knowledge_debt: {weeks: 3}}
            pods: [{id: p, name: P}]
            members: [{id: m, name: M}]
            pilots: [{pod: p, champion: m, start: 2026-03-02, successCriteria: {throughputFactor: 2}}]
            """);
    assertEquals(new Targets(0.6, 0.55, 0.80), model.org().targets());
    assertEquals(3, model.org().thresholds().knowledgeDebt().weeks());
    assertEquals(50, model.org().thresholds().knowledgeDebt().minAddedLines());
    PilotCriteria criteria = model.pilots().get(0).successCriteria();
    assertEquals(2.0, criteria.throughputFactor());
    assertEquals(0.90, criteria.weeklyActiveAiUsers());
  }

  @Test
  void aBetWithoutOneStoLoadsWithAWarning() {
    OrgLoadResult result =
        loader.load(
            """
            org: {name: X}
            members: [{id: ana, name: Ana}, {id: raj, name: Raj}]
            bets:
              - {id: checkout-v2, title: V2, sto: [ana, raj]}
              - {id: orphan, title: Orphan}
              - {id: listed, title: Listed, sto: [raj]}
            """,
            "org.yaml");
    assertEquals(
        List.of(
            "bet 'checkout-v2' has 2 STOs (ana, raj); a bet has exactly one",
            "bet 'orphan' has no STO; a bet has exactly one"),
        result.warnings());
    Bet several = result.model().bets().get(0);
    assertEquals(List.of("ana", "raj"), several.stos());
    assertFalse(several.hasSingleSto());
    assertEquals(Optional.empty(), several.sto());
    assertEquals(List.of(), result.model().bets().get(1).stos());
    assertEquals(Optional.of("raj"), result.model().bets().get(2).sto());
  }

  @Test
  void aPilotWhoseChampionIsNotListedLoadsWithAWarning() {
    OrgLoadResult result =
        loader.load(
            """
            org: {name: X}
            pods: [{id: p, name: P}]
            members: [{id: m, name: M}]
            pilots: [{pod: p, champion: m, start: 2026-03-02}]
            """,
            "org.yaml");
    assertEquals(
        List.of(
            "pilot of pod 'p' names 'm' as champion, but champions lists no such champion of that"
                + " pod"),
        result.warnings());
  }

  @Test
  void loadsJsonByMethodAndByMediaType() {
    String json =
        """
        {"org": {"name": "X", "privacyFloor": 5},
         "pods": [{"id": "p", "name": "P"}]}
        """;
    OrgModel byMethod = loader.loadJson(json, "org.json").model();
    assertEquals(5, byMethod.org().privacyFloor());
    assertEquals(byMethod, loader.load(json, "org.json", "application/json").model());
    assertEquals(byMethod, loader.load(json, "org.json").model());
    assertEquals(byMethod, loader.load(json, "org.json", null).model());
  }

  @Test
  void strictJsonRejectsYaml() {
    OrgValidationException failure =
        assertThrows(
            OrgValidationException.class,
            () -> loader.load("org: {name: X}", "org.json", "application/json; charset=utf-8"));
    assertEquals(
        List.of(new OrgProblem("org.json", "", "", "not valid JSON at line 1, column 1")),
        failure.problems());
  }

  @Test
  void loadsAFileNamedByItsFileName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("acme.yaml");
    Files.writeString(file, "org: {name: X, privacyFloor: 0}\n");
    OrgValidationException failure =
        assertThrows(OrgValidationException.class, () -> loader.load(file));
    assertEquals("acme.yaml: org: privacyFloor: must be at least 1, was 0", failure.getMessage());
  }

  @Test
  void listsInTheModelCannotBeChanged() {
    OrgModel model = OrgFixtures.example();
    assertThrows(UnsupportedOperationException.class, () -> model.members().clear());
    assertThrows(
        UnsupportedOperationException.class, () -> model.members().get(0).memberships().clear());
    assertThrows(
        UnsupportedOperationException.class,
        () -> model.pods().get(0).thresholdOverrides().byDetector().clear());
    assertThrows(
        UnsupportedOperationException.class,
        () -> model.org().thresholds().knowledgeDebt().testPaths().clear());
  }
}
