package io.podometer.engine.org;

import static io.podometer.engine.org.OrgFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule of the organization file, with the exact message a user reads. */
class OrgValidationTest {

  private static final String PEOPLE =
      """
      org: {name: Acme}
      pillars: [{id: commerce, name: Commerce}]
      pods: [{id: checkout, name: Checkout, pillar: commerce}, {id: search, name: Search}]
      """;

  @Test
  void anInvalidDateNamesEntryAndField() {
    assertEquals(
        List.of("org.yaml: members[1] (raj): memberships[0].from: not a date: '2026-13-01'"),
        problems(
            PEOPLE
                + """
                members:
                  - {id: ana, name: Ana}
                  - {id: raj, name: Raj, memberships: [{pod: search, from: 2026-13-01}]}
                """));
  }

  @Test
  void referencesMustNameDeclaredEntries() {
    assertEquals(
        List.of(
            "org.yaml: org: securityReviewers[1]: unknown member 'sma'",
            "org.yaml: pods[0] (checkout): pillar: unknown pillar 'comerce'",
            "org.yaml: members[0] (ana): memberships[0].pod: unknown pod 'chekout'",
            "org.yaml: services[0] (api): pod: unknown pod 'nowhere'",
            "org.yaml: champions[0] (rja): member: unknown member 'rja'",
            "org.yaml: champions[0] (rja): pods[1]: unknown pod 'serch'",
            "org.yaml: pilots[0] (serch): pod: unknown pod 'serch'",
            "org.yaml: pilots[0] (serch): champion: unknown member 'nobody'",
            "org.yaml: bets[0] (b1): sto: unknown member 'anna'",
            "org.yaml: bets[1] (b2): sto[1]: unknown member 'rja'"),
        problems(
            """
            org: {name: Acme, securityReviewers: [ana, sma]}
            pillars: [{id: commerce, name: Commerce}]
            pods: [{id: checkout, name: Checkout, pillar: comerce}]
            members: [{id: ana, name: Ana, memberships: [{pod: chekout, from: 2026-01-05}]}]
            services: [{id: api, pod: nowhere, repos: [acme/api]}]
            champions: [{member: rja, pods: [checkout, serch]}]
            pilots: [{pod: serch, champion: nobody, start: 2026-03-02}]
            bets:
              - {id: b1, title: B1, sto: anna}
              - {id: b2, title: B2, sto: [ana, rja]}
            """));
  }

  @Test
  void unknownKeysAreNamedWithTheKnownOnes() {
    assertEquals(
        List.of(
            "org.yaml: teams: unknown key; known keys: org, pillars, pods, members, services,"
                + " champions, pilots, bets",
            "org.yaml: org: timezone: unknown key; known keys: name, timeZone, privacyFloor,"
                + " juniorLevelAtMost, productionEnvironments, incidentWindowHours, hotfixLabels,"
                + " declaredAiLabels, excludedPaths, sensitivePaths, securityReviewers, ignoredBots,"
                + " agents, targets, incidentLabels, thresholds, seatPrices",
            "org.yaml: org: thresholds.review_bottlenecks: unknown key; known keys:"
                + " review_bottleneck, metrics_gaming, tool_bolt_on, prompt_cargo_culting,"
                + " security_shortcuts, knowledge_debt, junior_pipeline_hollowing, meeting_creep,"
                + " unowned_work",
            "org.yaml: pods[0] (checkout): thresholds.review_bottleneck.pickupHour: unknown key;"
                + " known keys: pickupHours, pickupShare, topReviewerShare, weeks",
            "org.yaml: members[0] (ana): identities.gitlab: unknown key; known keys: github,"
                + " emails, telemetry"),
        problems(
            """
            org: {name: Acme, timezone: UTC, thresholds: {review_bottlenecks: {weeks: 3}}}
            teams: []
            pods: [{id: checkout, name: C, thresholds: {review_bottleneck: {pickupHour: 12}}}]
            members: [{id: ana, name: Ana, identities: {gitlab: [ana]}}]
            """));
  }

  @Test
  void seatPricesAreMonthlyAmountsInRange() {
    assertEquals(
        List.of(
            "org.yaml: org: seatPrices.copilot: expected a number, got 'nineteen'",
            "org.yaml: org: seatPrices.cursor: must be a monthly price in USD from 0 to 100000,"
                + " was -40.0",
            "org.yaml: org: seatPrices.devin: must be a monthly price in USD from 0 to 100000,"
                + " was 1.0E9"),
        problems(
            """
            org: {name: Acme, seatPrices: {copilot: nineteen, cursor: -40, devin: 1e9, windsurf: 15}}
            """));
    OrgSettings priced =
        OrgFixtures.load(
                """
                org: {name: Acme, seatPrices: {copilot: 19, cursor: 40.5}}
                """)
            .org();
    assertEquals(java.util.Optional.of(19.0), priced.seatPrice("copilot"));
    assertEquals(java.util.Optional.of(40.5), priced.seatPrice("cursor"));
    assertEquals(java.util.Optional.empty(), priced.seatPrice("claude_code"));
  }

  @Test
  void wrongTypesAreReported() {
    assertEquals(
        List.of(
            "org.yaml: org: privacyFloor: expected a whole number, got 'three'",
            "org.yaml: org: incidentWindowHours: expected a whole number, got 1.5",
            "org.yaml: org: hotfixLabels: expected a list, got 'hotfix'",
            "org.yaml: org: ignoredBots[0]: expected a string, got true (quote it: YAML reads"
                + " yes, no, on, off as true or false)",
            "org.yaml: org: thresholds.security_shortcuts.requireHumanApproval: expected true or"
                + " false, got 'yes please'",
            "org.yaml: org: thresholds.knowledge_debt.testPaths: expected a list, got"
                + " '**/test/**'",
            "org.yaml: pods: expected a list, got a mapping",
            "org.yaml: members[0]: expected a mapping, got 'ana'"),
        problems(
            """
            org:
              name: Acme
              privacyFloor: three
              incidentWindowHours: 1.5
              hotfixLabels: hotfix
              ignoredBots: [yes]
              thresholds:
                security_shortcuts: {requireHumanApproval: yes please}
                knowledge_debt: {testPaths: "**/test/**"}
            pods: {id: checkout}
            members: [ana]
            """));
  }

  @Test
  void requiredFieldsMustBeThere() {
    assertEquals(
        List.of(
            "org.yaml: org: name: required",
            "org.yaml: pillars[0] (commerce): name: required",
            "org.yaml: pods[0]: id: required",
            "org.yaml: members[0] (ana): name: must not be empty",
            "org.yaml: members[0] (ana): memberships[0].from: required",
            "org.yaml: services[0] (api): pod: required",
            "org.yaml: champions[0] (ana): pods: required: the pods this member champions",
            "org.yaml: pilots[0] (checkout): start: required",
            "org.yaml: bets[0] (b): title: required",
            "org.yaml: bets[0] (b): killSignal.comparator: required",
            "org.yaml: bets[0] (b): killSignal.threshold: required"),
        problems(
            """
            org: {}
            pillars: [{id: commerce}]
            pods: [{name: Checkout}, {id: checkout, name: Checkout}]
            members: [{id: ana, name: "", memberships: [{pod: checkout}]}]
            services: [{id: api}]
            champions: [{member: ana}]
            pilots: [{pod: checkout, champion: ana}]
            bets: [{id: b, killSignal: {metric: lead_time_p50_hours}}]
            """));
  }

  @Test
  void anEmptyFileNeedsTheOrganizationsName() {
    assertEquals(List.of("org.yaml: org: name: required"), problems(""));
  }

  @Test
  void idsMustBeUniqueAndWellFormed() {
    assertEquals(
        List.of(
            "org.yaml: pods[1] (checkout): id: duplicate id 'checkout' (already used by pods[0])",
            "org.yaml: pods[2] (check out): id: not a valid id: 'check out' (use letters, digits,"
                + " '.', '_', '-')",
            "org.yaml: members[1] (ana): id: duplicate id 'ana' (already used by members[0])",
            "org.yaml: services[1] (api): id: duplicate id 'api' (already used by services[0])",
            "org.yaml: champions[1] (ana): member: 'ana' is listed as a champion twice",
            "org.yaml: bets[1] (b): id: duplicate id 'b' (already used by bets[0])"),
        problems(
            """
            org: {name: Acme}
            pods:
              - {id: checkout, name: A}
              - {id: checkout, name: B}
              - {id: check out, name: C}
            members: [{id: ana, name: Ana}, {id: ana, name: Ana 2}]
            services: [{id: api, pod: checkout}, {id: api, pod: checkout}]
            champions: [{member: ana, pods: [checkout]}, {member: ana, pods: [checkout]}]
            bets: [{id: b, title: B}, {id: b, title: B again}]
            """));
  }

  @Test
  void membershipsMustNotOverlapAndMustEndAfterTheyStart() {
    assertEquals(
        List.of(
            "org.yaml: members[0] (raj): memberships[1]: overlaps memberships[0] (search from"
                + " 2025-06-01 until 2026-03-01)",
            "org.yaml: members[0] (raj): memberships[2].until: must be after from (2026-05-01),"
                + " was 2026-05-01",
            "org.yaml: members[1] (sam): memberships[1]: overlaps memberships[0] (search from"
                + " 2025-06-01)"),
        problems(
            PEOPLE
                + """
                members:
                  - id: raj
                    name: Raj
                    memberships:
                      - {pod: search, from: 2025-06-01, until: 2026-03-01}
                      - {pod: checkout, from: 2026-02-02}
                      - {pod: search, from: 2026-05-01, until: 2026-05-01}
                  - id: sam
                    name: Sam
                    memberships: [{pod: search, from: 2025-06-01}, {pod: checkout, from: 2030-01-01}]
                """));
  }

  @Test
  void adjacentMembershipsDoNotOverlap() {
    OrgModel model =
        OrgFixtures.load(
            PEOPLE
                + """
                members:
                  - id: raj
                    name: Raj
                    memberships:
                      - {pod: checkout, from: 2026-02-02}
                      - {pod: search, from: 2025-06-01, until: 2026-02-02}
                """);
    assertEquals(2, model.members().get(0).memberships().size());
  }

  @Test
  void enumValuesAreChecked() {
    assertEquals(
        List.of(
            "org.yaml: members[0] (ana): role: unknown role 'dev' (expected one of engineer, pm,"
                + " designer, data, manager)",
            "org.yaml: bets[0] (b): killSignal.comparator: unknown comparator '=<' (expected one"
                + " of < <= > >=)",
            "org.yaml: bets[0] (b): status: unknown status 'paused' (expected one of exploring,"
                + " scaling, shipped, killed)"),
        problems(
            """
            org: {name: Acme}
            members: [{id: ana, name: Ana, role: dev}]
            bets:
              - id: b
                title: B
                sto: ana
                status: paused
                killSignal: {signal: conversion, comparator: "=<", threshold: 0.1}
            """));
  }

  @Test
  void aKillSignalNamesASignalOrAMetricNotBoth() {
    assertEquals(
        List.of(
            "org.yaml: bets[0] (b): killSignal: needs exactly one of signal or metric",
            "org.yaml: bets[0] (b): killSignal.windowWeeks: must be at least 1, was 0",
            "org.yaml: bets[1] (c): killSignal: needs exactly one of signal or metric"),
        problems(
            """
            org: {name: Acme}
            bets:
              - {id: b, title: B, killSignal: {signal: s, metric: lead_time_p50_hours, comparator: "<", threshold: 1, windowWeeks: 0}}
              - {id: c, title: C, killSignal: {comparator: ">", threshold: 1}}
            """));
  }

  @Test
  void aKillSignalOnAMetricNamesOneOfTheCatalog() {
    assertEquals(
        List.of(
            "org.yaml: bets[0] (b): killSignal.metric: unknown metric 'lead_time' (a metric id of"
                + " the catalog, e.g. lead_time_p50_hours)"),
        problems(
            """
            org: {name: Acme}
            bets:
              - {id: b, title: B, killSignal: {metric: lead_time, comparator: ">", threshold: 48}}
            """));
  }

  @Test
  void settingsAreChecked() {
    assertEquals(
        List.of(
            "org.yaml: org: timeZone: unknown time zone 'Europe/Pariss' (expected e.g. UTC,"
                + " Europe/Paris)",
            "org.yaml: org: privacyFloor: must be at least 1, was 0",
            "org.yaml: org: juniorLevelAtMost: not a level: 'junior' (expected L<number>, e.g."
                + " L5)",
            "org.yaml: org: productionEnvironments: not a valid regular expression: 'prod|(live'"
                + " (Unclosed group near index 10)",
            "org.yaml: org: agents[0].tool: required",
            "org.yaml: org: agents[1].emails[0]: not an e-mail address or pattern: 'copilot'",
            "org.yaml: org: targets.ai_code_share: is a fraction (0.5 = 50 %) and must be at most"
                + " 1, was 75.0",
            "org.yaml: org: thresholds.review_bottleneck.pickupHours: must not be negative, was"
                + " -1.0",
            "org.yaml: org: thresholds.review_bottleneck.weeks: expected a whole number, got 2.5"),
        problems(
            """
            org:
              name: Acme
              timeZone: Europe/Pariss
              privacyFloor: 0
              juniorLevelAtMost: junior
              productionEnvironments: "prod|(live"
              agents: [{logins: ["x[bot]"]}, {tool: copilot, emails: [copilot]}]
              targets: {ai_code_share: 75}
              thresholds: {review_bottleneck: {pickupHours: -1, weeks: 2.5}}
            """));
  }

  @Test
  void levelsAreLNumber() {
    assertEquals(
        List.of(
            "org.yaml: members[0] (ana): level: not a level: 'senior' (expected L<number>, e.g."
                + " L5)",
            "org.yaml: members[1] (raj): level: not a level: 'l5' (expected L<number>, e.g. L5)"),
        problems(
            """
            org: {name: Acme}
            members: [{id: ana, name: Ana, level: senior}, {id: raj, name: Raj, level: l5}]
            """));
  }

  @Test
  void aRepositoryBelongsToOneService() {
    assertEquals(
        List.of(
            "org.yaml: services[1] (search-svc): repos[1]: repository 'Acme/Checkout-API' already"
                + " belongs to service 'checkout-api'"),
        problems(
            PEOPLE
                + """
                services:
                  - {id: checkout-api, pod: checkout, repos: [acme/checkout-api]}
                  - {id: search-svc, pod: search, repos: [acme/search, Acme/Checkout-API]}
                """));
  }

  @Test
  void anIdentityNamesOneMember() {
    assertEquals(
        List.of(
            "org.yaml: members[1] (raj): identities.github[0]: not a GitHub login: 'raj p'",
            "org.yaml: members[1] (raj): identities.emails[0]: 'ANA@acme.example' already"
                + " identifies member 'ana'",
            "org.yaml: members[1] (raj): identities.emails[1]: not an e-mail address:"
                + " 'raj.acme.example'"),
        problems(
            """
            org: {name: Acme}
            members:
              - {id: ana, name: Ana, identities: {emails: [ana@acme.example]}}
              - {id: raj, name: Raj, identities: {emails: [ANA@acme.example, raj.acme.example], github: ["raj p"]}}
            """));
  }

  @Test
  void twoPilotsOfAPodCannotStartTheSameDay() {
    assertEquals(
        List.of(
            "org.yaml: pilots[1] (checkout): start: pod 'checkout' already has a pilot starting 2026-03-02"),
        problems(
            PEOPLE
                + """
                members: [{id: raj, name: Raj}]
                champions: [{member: raj, pods: [checkout]}]
                pilots:
                  - {pod: checkout, champion: raj, start: 2026-03-02}
                  - {pod: checkout, champion: raj, start: 2026-03-02, baselineWeeks: 4}
                """));
  }

  @Test
  void textThatIsNotYamlSaysWhere() {
    assertEquals(
        List.of("org.yaml: not valid YAML at line 2, column 2"), problems("org: [1\nb: c: d\n"));
    assertEquals(
        List.of("org.yaml: duplicate key 'name' at line 3, column 7"),
        problems("org:\n  name: A\n  name: B\n"));
    assertEquals(
        List.of("org.yaml: expected a mapping at the top level, got a list"), problems("- a\n"));
  }

  @Test
  void severalProblemsAreReportedAtOnceWithoutLibraryText() {
    OrgValidationException failure =
        assertThrows(
            OrgValidationException.class,
            () ->
                new OrgModelLoader()
                    .load(
                        """
                        org: {name: Acme, privacyFloor: [3]}
                        pods: [{id: p, name: P, pillar: nope, colour: red}]
                        members: [{id: m, name: M, level: 5, memberships: [{pod: q, from: someday}]}]
                        """,
                        "org.yaml"));
    assertEquals(
        """
        org.yaml: org: privacyFloor: expected a whole number, got a list
        org.yaml: pods[0] (p): colour: unknown key; known keys: id, name, pillar, thresholds
        org.yaml: pods[0] (p): pillar: unknown pillar 'nope'
        org.yaml: members[0] (m): level: not a level: '5' (expected L<number>, e.g. L5)
        org.yaml: members[0] (m): memberships[0].pod: unknown pod 'q'
        org.yaml: members[0] (m): memberships[0].from: not a date: 'someday'\
        """,
        failure.getMessage());
    assertEquals(6, failure.problems().size());
    assertEquals(
        new OrgProblem("org.yaml", "pods[0] (p)", "pillar", "unknown pillar 'nope'"),
        failure.problems().get(2));
    assertFalse(failure.getMessage().contains("jackson"));
  }
}
