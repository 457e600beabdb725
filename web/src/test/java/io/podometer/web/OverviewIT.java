package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.podometer.engine.time.IsoWeek;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OverviewIT {

  static final String ORG =
      """
      org: {name: Test Org}
      pillars: [{id: p1, name: P1}]
      pods:
        - {id: alpha, name: Alpha, pillar: p1}
        - {id: beta, name: Beta, pillar: p1}
      members:
        - {id: ana, name: Ana, role: engineer, level: L5, identities: {github: [ana-l], emails: [ana@acme.example]}, memberships: [{pod: alpha, from: 2020-01-06}]}
        - {id: bo, name: Bo, role: engineer, level: L4, identities: {github: [bo], emails: [bo@acme.example]}, memberships: [{pod: beta, from: 2020-01-06}]}
      services:
        - {id: shop, pod: beta, repos: [acme/shop]}
      """;

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;

  @BeforeEach
  void reset() {
    db.reset();
    given().contentType("application/yaml").body(ORG).put("/api/org").then().statusCode(200);
  }

  @Test
  void weeklyMergedPrsPerPodAndAiShareMatchTheHandComputedFigures() {
    IsoWeek current = IsoWeek.of(Instant.now(), ZoneOffset.UTC);
    IsoWeek target = current.plusWeeks(-2);
    String at = target.monday().plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC).toString();
    String r = "acme/shop";
    String batch =
        Events.ndjson(
            // PR 1 by ana (pod alpha): 60 of its 100 lines from a commit with a Claude trailer
            Events.prOpened(r, 1, "ana-l", at),
            Events.prMerged(r, 1, "ana-l", at, "m1", 100),
            Events.commit(
                r,
                "c1",
                "ana@acme.example",
                at,
                60,
                1,
                "Co-Authored-By: Claude <noreply@anthropic.com>"),
            Events.commit(r, "c2", "ana@acme.example", at, 40, 1, null),
            // PR 2 by bo (pod beta): a human co-author at an AI company is still a human
            Events.prOpened(r, 2, "bo", at),
            Events.prMerged(r, 2, "bo", at, "m2", 50),
            Events.commit(
                r, "c3", "bo@acme.example", at, 50, 2, "co-authored-by: Jane <jane@anthropic.com>"),
            // PR 3 by an agent: all 30 lines AI, counted for the pod owning acme/shop (beta)
            Events.prMerged(r, 3, "copilot-swe-agent[bot]", at, "m3", 30),
            // PR 4 by an ignored bot: counts for nobody
            Events.prMerged(r, 4, "dependabot[bot]", at, "m4", 500),
            // a direct commit without a PR, with the Claude Code footer: 20 AI lines
            Events.commit(
                r, "c5", "bo@acme.example", at, 20, null, "Generated with [Claude Code]"));
    given()
        .contentType("application/x-ndjson")
        .body(batch)
        .post("/api/events")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(10));

    // week W-2 is index 23 of the 26 weeks ending with the current week (W-25 … W)
    // AI lines: 60 (PR 1) + 0 (PR 2) + 30 (PR 3) + 20 (c5) = 110
    // added lines: 100 + 50 + 30 + 20 = 200 (PR 4 ignored) → 110 / 200 = 0.55
    given()
        .get("/api/overview?weeks=26")
        .then()
        .statusCode(200)
        .body("weeks[23]", equalTo(target.toString()))
        .body("aiShare[23].num", equalTo(110))
        .body("aiShare[23].den", equalTo(200))
        .body("aiShare[23].value", equalTo(0.55f))
        .body("aiShare[24].value", nullValue())
        .body("aiShare[24].den", equalTo(0))
        .body("aiShare[25].partial", equalTo(true))
        .body("mergedPrsByPod.find { it.pod == 'alpha' }.values[23]", equalTo(1))
        .body("mergedPrsByPod.find { it.pod == 'beta' }.values[23]", equalTo(2))
        .body("mergedPrsByPod.find { it.pod == 'beta' }.values[22]", equalTo(0));
  }

  @Test
  void theOverviewPageLoadsChartJsFromTheWebjarAndItsOwnScript() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body(containsString("<script src=\"/webjars/chart.js/dist/chart.umd.js\"></script>"))
        .body(containsString("<script src=\"/js/overview.js\"></script>"))
        .body(containsString("Merged pull requests per pod"))
        .body(containsString("Test Org"));
    given()
        .get("/webjars/chart.js/dist/chart.umd.js")
        .then()
        .statusCode(200)
        .body(containsString("Chart"));
    given().get("/js/overview.js").then().statusCode(200).body(containsString("/api/overview"));
  }

  @Test
  void healthAndOpenApiAreServed() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body(containsString("/api/events"));
  }

  @Test
  void aBadWeekCountIsA400() {
    given()
        .get("/api/overview?weeks=0")
        .then()
        .statusCode(400)
        .body("detail", equalTo("weeks: must be between 1 and 156"));
  }
}
