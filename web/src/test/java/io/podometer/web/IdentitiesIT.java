package io.podometer.web;

import static io.podometer.web.TestHttp.anonymous;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unmapped identities, their suggestions, and an admin's mapping re-attributing history.
 *
 * <p>Pod checkout (ana, bo, cy) owns acme/checkout-api, pod build (fay, gus, hal) acme/build-api
 * (with a privacy floor of 3 that neither pod falls under). In week 2026-W10 (Mon 03-02):
 *
 * <ul>
 *   <li>checkout-api #1 by ana: 100 lines, an agent co-author; #2 by bo and #3 by cy: 50 lines each
 *       by hand;
 *   <li>build-api #1 by fay, #2 by gus, #3 by hal: 30 lines each by hand (every repository has
 *       three contributors, so no figure is withheld beside another);
 *   <li>checkout-api #10 by {@code gus-home}, an identity nobody claims, committed as {@code
 *       gus@home.example}: 60 lines with an agent co-author.
 * </ul>
 *
 * Before the mapping, #10's author is unmapped, so it counts for the pod owning its repository,
 * checkout: checkout merges 4 PRs, 2 of them agent-assisted (#1, #10), AI code share (100 + 60) /
 * (100 + 50 + 50 + 60) = 160 / 260; build merges 3 PRs, none assisted, AI share 0 / 90. After
 * {@code gus-home} is mapped to gus (pod build), #10 counts for build: checkout 1 of 3 assisted,
 * 100 / 200; build 1 of 4 assisted, 60 / (90 + 60) = 60 / 150. Marked an ignored bot instead, #10
 * counts for nobody: checkout 1 of 3, 100 / 200; build unchanged.
 */
@QuarkusTest
class IdentitiesIT {

  static {
    TestHttp.init();
  }

  /** {@link MetricsApiIT}'s organization without pod solo, under the floor, and its members. */
  static final String ORG =
      MetricsApiIT.ORG
          .replace("{id: solo, name: Solo}, ", "")
          .replaceAll("(?m)^.*(id: dee|id: eli|id: solo-api).*\n", "");

  static final String CO = "acme/checkout-api";
  static final String BUILD = "acme/build-api";

  @Inject TestDatabase db;

  @BeforeEach
  void load() {
    db.resetAll();
    given().contentType("application/yaml").body(ORG).put("/api/org").then().statusCode(200);
    db.awaitFigures();
    Events.send(
        Events.prOpened(CO, 1, "ana-l", "2026-03-02T08:30:00Z"),
        Events.commit(
            CO, "c1", "ana@acme.example", "2026-03-02T08:00:00Z", 100, 1, MetricsApiIT.AI),
        Events.prMerged(CO, 1, "ana-l", "2026-03-02T15:00:00Z", "c1", 100),
        Events.prOpened(CO, 2, "bo-k", "2026-03-03T08:30:00Z"),
        Events.commit(CO, "c2", "bo@acme.example", "2026-03-03T08:00:00Z", 50, 2, null),
        Events.prMerged(CO, 2, "bo-k", "2026-03-03T15:00:00Z", "c2", 50),
        Events.prOpened(CO, 3, "cy-m", "2026-03-03T09:30:00Z"),
        Events.commit(CO, "c3", "cy@acme.example", "2026-03-03T09:00:00Z", 50, 3, null),
        Events.prMerged(CO, 3, "cy-m", "2026-03-03T16:00:00Z", "c3", 50),
        Events.prOpened(BUILD, 1, "fay-b", "2026-03-03T09:30:00Z"),
        Events.commit(BUILD, "b1", "fay@acme.example", "2026-03-03T09:00:00Z", 30, 1, null),
        Events.prMerged(BUILD, 1, "fay-b", "2026-03-03T16:00:00Z", "b1", 30),
        Events.prOpened(BUILD, 2, "gus-b", "2026-03-04T09:30:00Z"),
        Events.commit(BUILD, "b2", "gus@acme.example", "2026-03-04T09:00:00Z", 30, 2, null),
        Events.prMerged(BUILD, 2, "gus-b", "2026-03-04T16:00:00Z", "b2", 30),
        Events.prOpened(BUILD, 3, "hal-b", "2026-03-05T09:30:00Z"),
        Events.commit(BUILD, "b3", "hal@acme.example", "2026-03-05T09:00:00Z", 30, 3, null),
        Events.prMerged(BUILD, 3, "hal-b", "2026-03-05T16:00:00Z", "b3", 30),
        Events.prOpened(CO, 10, "gus-home", "2026-03-04T08:30:00Z"),
        Events.commit(
            CO, "c10", "gus@home.example", "2026-03-04T08:00:00Z", 60, 10, MetricsApiIT.AI),
        Events.prMerged(CO, 10, "gus-home", "2026-03-04T15:00:00Z", "c10", 60));
    db.awaitFigures();
  }

  /** A pod's W10 figure as [num, den]. */
  private static List<Double> w10(String pod, String metric) {
    JsonPath answer =
        given()
            .get(
                "/api/metrics?scope=pod:"
                    + pod
                    + "&metric="
                    + metric
                    + "&from=2026-W10&to=2026-W10")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> figure = answer.getMap("metrics[0].figures[0]");
    if (!(figure.get("num") instanceof Number num && figure.get("den") instanceof Number den)) {
      throw new AssertionError(pod + " " + metric + " W10 has no num/den: " + figure);
    }
    return List.of(num.doubleValue(), den.doubleValue());
  }

  /**
   * The recomputation a new model version starts is queued on the figure worker before the answer:
   * once the figures are current it has run.
   */
  private void awaitFigure(String pod, String metric, List<Double> expected) {
    db.awaitFigures();
    assertEquals(expected, w10(pod, metric), pod + " " + metric);
  }

  @Test
  void unmappedIdentitiesAreListedWithWhereTheyWereSeenAndSuggestions() {
    JsonPath listing = given().get("/api/identities").then().statusCode(200).extract().jsonPath();
    assertEquals(List.of("gus-home", "gus@home.example"), listing.getList("unmapped.identity"));
    assertEquals(Map.of("pull request", 1), listing.getMap("unmapped[0].seenAs"));
    assertEquals("github", listing.getString("unmapped[0].shape"));
    assertEquals(List.of(), listing.getList("unmapped[0].suggestions"));
    assertEquals(Map.of("commit", 1), listing.getMap("unmapped[1].seenAs"));
    assertEquals(1, listing.getInt("unmapped[1].facts"));
    assertEquals("2026-03-04T08:00:00Z", listing.getString("unmapped[1].lastSeen"));
    // gus@acme.example is gus's: the same part before the @
    assertEquals(
        List.of(
            Map.of(
                "member",
                "gus",
                "name",
                "Gus",
                "rule",
                "sameEmailLocalPart",
                "because",
                "'gus@' is the start of one of gus's e-mails")),
        listing.getList("unmapped[1].suggestions"));
    assertTrue(listing.getList("members.id").containsAll(List.of("ana", "gus", "hal")));
    assertTrue(listing.getList("tools").containsAll(List.of("claude_code", "copilot", "aider")));
    // the older listing keeps its shape: identity → facts
    given()
        .get("/api/org/unmapped-identities")
        .then()
        .statusCode(200)
        .body("'gus-home'", equalTo(1))
        .body("'gus@home.example'", equalTo(1))
        .body("size()", equalTo(2));
  }

  @Test
  void anUnmappedAuthorsWorkMovesToTheMembersPodOnceMapped() {
    // before: #10 counts for checkout, the pod owning its repository
    assertEquals(List.of(2.0, 4.0), w10("checkout", "agent_assisted_diffs"));
    assertEquals(List.of(160.0, 260.0), w10("checkout", "ai_code_share"));
    assertEquals(List.of(0.0, 3.0), w10("build", "agent_assisted_diffs"));
    assertEquals(List.of(0.0, 90.0), w10("build", "ai_code_share"));

    long versionBefore =
        given().get("/api/identities").then().extract().jsonPath().getLong("orgVersion");
    given()
        .contentType("application/json")
        .body(Map.of("identity", "gus-home", "action", "member", "member", "gus"))
        .post("/api/identities")
        .then()
        .statusCode(200)
        .body("identity", equalTo("gus-home"))
        .body("kind", equalTo("member"))
        .body("member", equalTo("gus"))
        .body("orgVersion", equalTo((int) (versionBefore + 1)));

    // after: #10 is gus's, and gus is in build
    awaitFigure("build", "agent_assisted_diffs", List.of(1.0, 4.0));
    assertEquals(List.of(60.0, 150.0), w10("build", "ai_code_share"));
    assertEquals(List.of(1.0, 3.0), w10("checkout", "agent_assisted_diffs"));
    assertEquals(List.of(100.0, 200.0), w10("checkout", "ai_code_share"));
    // the model lists it, the version names the admin, and the identity is no longer unmapped
    given()
        .accept("application/json")
        .get("/api/org")
        .then()
        .body("members.find { it.id == 'gus' }.identities.github", hasItem("gus-home"));
    given()
        .get("/api/org/versions")
        .then()
        .body("[0].origin", equalTo("identities"))
        .body("[0].sourceName", containsString("by admin: gus-home → member gus"));
    assertEquals(
        List.of("gus@home.example"),
        given().get("/api/identities").then().extract().jsonPath().getList("unmapped.identity"));
    // mapping it again is a conflict
    given()
        .contentType("application/json")
        .body(Map.of("identity", "GUS-HOME", "action", "member", "member", "hal"))
        .post("/api/identities")
        .then()
        .statusCode(409)
        .body("detail", equalTo("identity: 'GUS-HOME' already identifies member 'gus'"));
  }

  @Test
  void anIgnoredBotCountsForNobodyAndAnAgentsPrIsAgentAuthored() {
    given()
        .contentType("application/json")
        .body(Map.of("identity", "gus-home", "action", "ignoredBot"))
        .post("/api/identities")
        .then()
        .statusCode(200)
        .body("kind", equalTo("ignoredBot"));
    // #10 leaves checkout's figures, and goes nowhere else; its facts stay stored
    awaitFigure("checkout", "agent_assisted_diffs", List.of(1.0, 3.0));
    assertEquals(List.of(100.0, 200.0), w10("checkout", "ai_code_share"));
    assertEquals(List.of(0.0, 3.0), w10("build", "agent_assisted_diffs"));
    given().get("/api/facts/pull-requests?repo=" + CO + "&number=10").then().statusCode(200);

    // the commit's address as an agent's: still one commit, now an agent's own
    given()
        .contentType("application/json")
        .body(Map.of("identity", "gus@home.example", "action", "agent", "tool", "copilot"))
        .post("/api/identities")
        .then()
        .statusCode(200)
        .body("kind", equalTo("agent"))
        .body("tool", equalTo("copilot"));
    given().get("/api/identities").then().body("unmapped.size()", equalTo(0));
  }

  @Test
  void hostileRequestsAreRefusedNamingTheFieldAndRule() {
    Map<Object, String> refused =
        Map.of(
            Map.of("identity", "x", "action", "member", "member", "zoe"),
            "member: no member 'zoe' in the organization model",
            Map.of("identity", "", "action", "ignoredBot"),
            "identity: required",
            Map.of("identity", "x".repeat(300), "action", "ignoredBot"),
            "identity: at most 256 characters, got 300",
            Map.of("identity", "x", "action", "erase"),
            "action: must be one of [member, agent, ignoredBot], got 'erase'",
            Map.of("identity", "x", "action", "agent"),
            "tool: required for the action 'agent'",
            Map.of("identity", "x", "action", "ignoredBot", "why", "because"),
            "body: unknown field(s) [why] (allowed: [action, identity, member, tool])",
            Map.of("identity", 42, "action", "ignoredBot"),
            "identity: must be a string",
            List.of("gus-home"),
            "body: a JSON object with [action, identity, member, tool]");
    refused.forEach(
        (body, detail) ->
            given()
                .contentType("application/json")
                .body(body)
                .post("/api/identities")
                .then()
                .statusCode(400)
                .body("detail", equalTo(detail)));
    given()
        .contentType("application/json")
        .body("{\"identity\": ")
        .post("/api/identities")
        .then()
        .statusCode(400);
    // nothing was stored: still the one version, and both identities unmapped
    given().get("/api/org/versions").then().body("size()", equalTo(1));
    given().get("/api/identities").then().body("unmapped.size()", equalTo(2));
    // admins only
    assertEquals(401, anonymous().get("/api/identities").statusCode());
    AccessControlIT.user("lee", "lee@acme.example", "leader");
    assertEquals(
        403, TestHttp.as("lee", AccessControlIT.PASSWORD).get("/api/identities").statusCode());
    assertEquals(
        403,
        TestHttp.as("lee", AccessControlIT.PASSWORD)
            .contentType("application/json")
            .body(Map.of("identity", "gus-home", "action", "ignoredBot"))
            .post("/api/identities")
            .statusCode());
  }
}
