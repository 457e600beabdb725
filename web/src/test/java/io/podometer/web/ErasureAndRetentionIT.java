package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.web.privacy.RetentionJob;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasing a member and the retention of raw events and personal facts, on the organization of
 * {@link AccessControlIT} (pod checkout: ana, bo, cy, raj; raj champions solo's pilot).
 */
@QuarkusTest
class ErasureAndRetentionIT {

  static final String CO = "acme/checkout-api";

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;
  @Inject RetentionJob retention;
  @Inject io.podometer.web.store.FactKeyIndex keys;
  @Inject io.agroal.api.AgroalDataSource dataSource;

  @BeforeEach
  void load() {
    db.resetAll();
    given()
        .contentType("application/yaml")
        .body(AccessControlIT.orgWithRaj())
        .put("/api/org")
        .then()
        .statusCode(200);
    db.awaitFigures();
  }

  static String usage(String user, String day) {
    return "{\"id\":\"usage:claude_code:"
        + user
        + ":"
        + day
        + "\",\"type\":\"agent.usage\",\"source\":\"otlp\",\"occurredAt\":\""
        + day
        + "T23:59:59Z\",\"schema\":1,\"data\":{\"tool\":\"claude_code\",\"user\":\""
        + user
        + "\",\"day\":\""
        + day
        + "\",\"active\":true,\"linesAdded\":120,\"sessions\":2}}";
  }

  @Test
  void cellsServedButNotYetStoredAreCountedUntilTheStoreHasThem() throws Exception {
    Events.send(
        Events.commit(CO, "c1", "ana@acme.example", "2026-03-02T08:00:00Z", 40, 2, null),
        Events.prMerged(CO, 1, "ana-m", "2026-03-02T15:00:00Z", "c1", 40));
    db.awaitFigures();
    given().get("/api/admin/figures").then().statusCode(200).body("cellsStoring", equalTo(0));
    // another transaction holds every stored cell: the writer waits for it to end, while the
    // figures of a new event are already served
    try (java.sql.Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try {
        try (java.sql.Statement lock = holder.createStatement()) {
          lock.executeQuery("select scope from figure_cell for update").close();
        }
        Events.send(usage("ana@acme.example", "2026-03-03"));
        org.awaitility.Awaitility.await("the new event's cells counted while the store is held")
            .atMost(java.time.Duration.ofSeconds(5))
            .pollInterval(java.time.Duration.ofMillis(50))
            .until(
                () ->
                    given().get("/api/admin/figures").then().extract().<Integer>path("cellsStoring")
                        > 0);
      } finally {
        holder.rollback();
      }
    }
    db.awaitFigures();
    given()
        .get("/api/admin/figures")
        .then()
        .body("cellsStoring", equalTo(0))
        .body("failing", equalTo(false));
  }

  @Test
  void aRecomputationOrErasureWhoseFiguresCannotBeStoredSaysSo() {
    given().get("/api/admin/figures").then().statusCode(200).body("failing", equalTo(false));
    // the store refuses every write of figures (here: its table is gone)
    db.execute("ALTER TABLE figure_state RENAME TO figure_state_away");
    try {
      given()
          .post("/api/admin/recompute")
          .then()
          .statusCode(500)
          .contentType("application/problem+json")
          .body("detail", containsString("figures not updated (recomputing on request)"))
          .body("detail", containsString("the figures served are those of the last update"))
          .body("detail", not(containsString("\tat ")));
      // an erasure is done, but its figures are not: it says so instead of claiming them
      given()
          .delete("/api/members/cy")
          .then()
          .statusCode(200)
          .body("erased.member", equalTo("cy"))
          .body("figuresRecomputed", equalTo(false));
      given()
          .get("/api/admin/figures")
          .then()
          .statusCode(200)
          .body("failing", equalTo(true))
          .body("failures", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
          .body("lastFailure.during", equalTo("storing figures"))
          .body(
              "lastFailure.reason",
              org.hamcrest.Matchers.containsStringIgnoringCase("figure_state"));
      TestHttp.anonymous().get("/api/admin/figures").then().statusCode(401);
    } finally {
      db.execute("ALTER TABLE figure_state_away RENAME TO figure_state");
    }
    given().post("/api/admin/recompute").then().statusCode(200);
    given()
        .get("/api/admin/figures")
        .then()
        .body("failing", equalTo(false))
        .body("lastFailure.during", equalTo("storing figures"))
        // a recomputation answers once its cells are stored, the failed writes' counted out too
        .body("cellsStoring", equalTo(0));
  }

  @Test
  void erasingAMemberRemovesTheirPersonalFactsAndNamesAndRecomputes() {
    Events.send(
        // W10: #1 ana with an agent co-author; #2 bo and #3 cy by hand; ana used an agent 03-03
        Events.prOpened(CO, 1, "ana-l", "2026-03-02T08:30:00Z"),
        Events.commit(
            CO, "c1", "ana@acme.example", "2026-03-02T08:00:00Z", 100, 1, MetricsApiIT.AI),
        Events.prMerged(CO, 1, "ana-l", "2026-03-02T15:00:00Z", "c1", 100),
        Events.prOpened(CO, 2, "bo-k", "2026-03-03T08:30:00Z"),
        Events.commit(
            CO,
            "c2",
            "bo@acme.example",
            "2026-03-03T08:00:00Z",
            50,
            2,
            "Co-authored-by: Ana <ana@acme.example>"),
        Events.prMerged(CO, 2, "bo-k", "2026-03-03T15:00:00Z", "c2", 50),
        Events.prOpened(CO, 3, "cy-m", "2026-03-04T08:30:00Z"),
        Events.commit(CO, "c3", "cy@acme.example", "2026-03-04T08:00:00Z", 50, 3, null),
        Events.prMerged(CO, 3, "cy-m", "2026-03-04T15:00:00Z", "c3", 50),
        usage("ana@acme.example", "2026-03-03"));
    db.awaitFigures();
    String waiu =
        "/api/metrics?scope=pod:checkout&metric=weekly_active_ai_users&from=2026-W10&to=2026-W10";
    // before: active engineers ana, bo, cy (raj did nothing); with an AI signal: ana → 1/3
    given()
        .get(waiu)
        .then()
        .body("metrics[0].figures[0].num", equalTo(1.0f))
        .body("metrics[0].figures[0].den", equalTo(3.0f));
    given().get("/api/facts/agent-usage-days").then().body("", hasSize(1));

    // raj champions a pilot: the model must change first
    given()
        .delete("/api/members/raj")
        .then()
        .statusCode(409)
        .body("detail", containsString("the champion of the pilot of pod solo"));
    given().delete("/api/members/nobody").then().statusCode(404);

    // GitHub delivered one of her pull requests: the kept delivery names her too
    GitHubDeliveries.deliver(
            "pull_request",
            "e-1",
            GitHubDeliveries.pullRequest(
                "opened",
                CO,
                31,
                "Her work",
                "ana-l",
                "ana-l/z",
                "2026-03-05T08:30:00Z",
                "2026-03-05T08:30:00Z",
                null,
                null,
                5))
        .then()
        .statusCode(202);
    assertEquals(1, db.sourcePayloadsMentioning("ana-l"));

    AccessControlIT.user("ana", "ana@acme.example", "member");
    given()
        .delete("/api/members/ana")
        .then()
        .statusCode(200)
        .body("erased.member", equalTo("ana"))
        .body("erased.personalFactsDeleted", equalTo(1))
        .body("erased.pseudonym", startsWith("erased-"))
        .body("figuresRecomputed", equalTo(true));

    // her usage day is gone with its raw event; her PR stays, under a pseudonym
    given().get("/api/facts/agent-usage-days").then().body("", hasSize(0));
    given()
        .get("/api/facts/pull-requests?repo=" + CO + "&number=1")
        .then()
        .statusCode(200)
        .body("[0].fields.author", startsWith("erased-"));
    assertEquals(0, db.rawEventsMentioning("ana-l"));
    assertEquals(0, db.rawEventsMentioning("ana@acme.example"));
    assertEquals(0, db.sourcePayloadsMentioning("ana-l"));
    assertEquals(1, db.sourcePayloadsMentioning("erased-"));
    given()
        .accept("application/json")
        .get("/api/org")
        .then()
        .body(not(containsString("ana@acme.example")))
        .body("members.id", not(hasItem("ana")));
    // after: active engineers bo, cy; no AI signal among them → 0/2 (pod: bo, cy, raj ≥ 3)
    given()
        .get(waiu)
        .then()
        .body("metrics[0].figures[0].num", equalTo(0.0f))
        .body("metrics[0].figures[0].den", equalTo(2.0f))
        .body("metrics[0].figures[0].value", equalTo(0.0f));
    given()
        .get("/api/admin/audit")
        .then()
        .body("find { it.action == 'member.erase' }.target", startsWith("erased-"));
    // her login went with her; earlier versions of the model no longer name her either
    given().get("/api/admin/users").then().body("username", not(hasItem("ana")));
    assertEquals(0, db.orgVersionsMentioning("ana@acme.example"));
    assertEquals(0, db.orgVersionsMentioning("ana-l"));
    assertEquals(0, db.orgVersionsMentioning("name: Ana,"));
    // and the others are still there, names intact
    assertEquals(2, db.orgVersionsMentioning("bo@acme.example"));
  }

  @Test
  void retentionDeletesOldPersonalFactsAndTheRawEventsOfOldFacts() {
    Events.send(
        usage("bo@acme.example", "2023-01-02"),
        usage("bo@acme.example", "2026-03-03"),
        Events.prOpened(CO, 9, "bo-k", "2023-01-02T08:30:00Z"),
        Events.prOpened(CO, 10, "bo-k", "2026-03-02T08:30:00Z"));
    db.awaitFigures();
    assertEquals(4, db.count("RawEventEntity"));
    // default retention: 730 days for both; today's date is well over 730 days after 2023-01-02
    RetentionJob.Outcome outcome = retention.runNow();
    // the 2023 usage day (fact and raw event), and the 2023 PR's raw event (its fact stays)
    assertEquals(1, outcome.personalFacts());
    assertEquals(2, outcome.rawEvents());
    assertEquals(2, db.count("RawEventEntity"));
    given().get("/api/facts/agent-usage-days").then().body("", hasSize(1));
    given().get("/api/facts/pull-requests?repo=" + CO + "&number=9").then().statusCode(200);
    assertEquals(0, outcome.rawPayloads());
  }

  @Test
  void factsWhoseRawEventsAreGoneAreNotPickedByTheNextRunUnlessAnOldEventComesBack() {
    Events.send(
        Events.prOpened(CO, 9, "bo-k", "2023-01-02T08:30:00Z"),
        Events.prOpened(CO, 10, "bo-k", "2026-03-02T08:30:00Z"));
    db.awaitFigures();
    java.time.Instant cut = java.time.Instant.now().minus(java.time.Duration.ofDays(730));
    // the 2023 PR is idle past the 730 days and still holds its raw event; the 2026 one is not idle
    assertEquals(1, retention.factsHoldingPayloads(cut).size());
    assertEquals(1, retention.runNow().rawEvents());
    // its refs say its raw event is gone: the next runs do not read it under the store's lock
    assertEquals(java.util.List.of(), retention.factsHoldingPayloads(cut));
    assertEquals(0, retention.runNow().rawEvents());
    // an old event of it sent again (a backfill) is kept until the next run, which deletes it
    Events.send(Events.prMerged(CO, 9, "bo-k", "2023-01-03T08:30:00Z", "%040d".formatted(9), 10));
    db.awaitFigures();
    assertEquals(1, retention.factsHoldingPayloads(cut).size());
    assertEquals(1, retention.runNow().rawEvents());
    assertEquals(1, db.count("RawEventEntity"), "the 2026 PR's raw event stays");
    given().get("/api/facts/pull-requests?repo=" + CO + "&number=9").then().statusCode(200);
  }

  @Test
  void aRetentionRunWithNothingToDeleteKeepsTheIndexOfFactKeysAndOneThatDeletesReadsItAgain() {
    Events.send(
        usage("bo@acme.example", "2026-03-03"),
        Events.prOpened(CO, 10, "bo-k", "2026-03-02T08:30:00Z"));
    db.awaitFigures();
    assertTrue(keys.built(), "ingestion built the index of fact keys");
    // nothing is past its period: ingestion is not made to read the whole fact table again
    RetentionJob.Outcome nothing = retention.runNow();
    assertEquals(0, nothing.personalFacts() + nothing.rawEvents() + nothing.rawPayloads());
    assertTrue(keys.built(), "a run that deleted nothing dropped the index of fact keys");
    // a 2023 usage day is past the 730 days: its fact goes, and the keys are read again
    Events.send(usage("bo@acme.example", "2023-01-02"));
    db.awaitFigures();
    assertTrue(keys.built());
    RetentionJob.Outcome deleted = retention.runNow();
    assertEquals(1, deleted.personalFacts());
    assertFalse(keys.built(), "the index still holds a deleted fact's key");
    // the next event finds its fact as it is now: the deleted day comes back as a new fact
    Events.send(usage("bo@acme.example", "2023-01-02"));
    db.awaitFigures();
    given().get("/api/facts/agent-usage-days").then().body("", hasSize(2));
  }

  @Test
  void keptSourcePayloadsGoAfterTheirOwnPeriod() {
    GitHubDeliveries.deliver("ping", "r-0", "{}").then().statusCode(200);
    GitHubDeliveries.deliver(
            "pull_request",
            "r-1",
            GitHubDeliveries.pullRequest(
                "opened",
                CO,
                21,
                "Old",
                "bo-k",
                "bo-k/x",
                "2026-03-02T08:30:00Z",
                "2026-03-02T08:30:00Z",
                null,
                null,
                5))
        .then()
        .statusCode(202);
    GitHubDeliveries.deliver(
            "pull_request",
            "r-2",
            GitHubDeliveries.pullRequest(
                "opened",
                CO,
                22,
                "New",
                "bo-k",
                "bo-k/y",
                "2026-03-02T08:30:00Z",
                "2026-03-02T08:30:00Z",
                null,
                null,
                5))
        .then()
        .statusCode(202);
    // r-1 arrived 91 days ago (default period 90 days); r-2 just now
    db.execute(
        "update raw_payload set received_at = received_at - interval '91' day"
            + " where delivery_id = 'r-1'");
    RetentionJob.Outcome outcome = retention.runNow();
    assertEquals(1, outcome.rawPayloads());
    assertEquals(0, db.sourcePayloadsMentioning("\"title\":\"Old\""));
    assertEquals(1, db.sourcePayloadsMentioning("\"title\":\"New\""));
    // the events it gave stay: a payload is kept for a remap, not for the figures
    given().get("/api/facts/pull-requests?repo=" + CO + "&number=21").then().statusCode(200);
  }
}
