package io.podometer.web;

import static io.podometer.web.TestHttp.withToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Copilot seats put as the importer puts them (a page of GitHub's own seat list): the seats and
 * their last activity become figures — seat utilization, idle seats and their cost — leaders see
 * counts, only admins see names, and a seat the next listing leaves out ends.
 *
 * <p>The page (ingest-connectors' fixture copilot-seats-page.json), against 2026-W10 (03-02 …
 * 03-08; the 30 idle days 02-07 … 03-08): ana-l last active 2026-03-03 (16:00Z), bo-k never, cy-m
 * last active 02-01 (cancelled from 04-01), and a seat assigned to the organization itself (no
 * person's). All three are checkout's, assigned 2026-01-05.
 */
@QuarkusTest
class SeatsIT {

  static {
    TestHttp.init();
  }

  static final String ORG =
      """
      org: {name: Acme, privacyFloor: 3, timeZone: UTC, seatPrices: {copilot: 19}}
      pods: [{id: checkout, name: Checkout}]
      members:
        - {id: ana, name: Ana, role: engineer, identities: {github: [ana-l]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: bo, name: Bo, role: engineer, identities: {github: [bo-k]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: cy, name: Cy, role: engineer, identities: {github: [cy-m]}, memberships: [{pod: checkout, from: 2026-01-05}]}
      """;

  @Inject TestDatabase db;

  static String page() throws IOException {
    return Files.readString(
        Path.of("..", "ingest-connectors/src/test/resources/vendorusage/copilot-seats-page.json"));
  }

  @BeforeEach
  void load() {
    db.resetAll();
    given().contentType("application/yaml").body(ORG).put("/api/org").then().statusCode(200);
    db.awaitFigures();
  }

  private static io.restassured.response.Response put(
      io.restassured.specification.RequestSpecification as, String account, String body) {
    return as.contentType("application/json")
        .queryParam("account", account)
        .body(body)
        .put("/api/sources/seats/copilot");
  }

  private static double figure(String metric) {
    JsonPath json =
        given()
            .get("/api/metrics?scope=pod:checkout&metric=" + metric + "&from=2026-W10&to=2026-W10")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return json.getDouble("metrics[0].figures[0].value");
  }

  @Test
  void aSeatListingBecomesFiguresAndEndsTheSeatsItLeavesOut() throws IOException {
    String ingest = AccessControlIT.token("seats-ingest", "ingest");
    put(withToken(ingest), "acme", page())
        .then()
        .statusCode(200)
        .body("listed", equalTo(3))
        .body("notAPerson", equalTo(1))
        .body("removed", equalTo(0))
        // 3 seats and the last-activity days of ana and cy
        .body("accepted", equalTo(5));
    db.awaitFigures();
    // W10: ana used hers (03-03), bo and cy did not: 1 / 3
    assertEquals(1.0 / 3, figure("seat_utilization"), 1e-6);
    // idle for the 30 days to 03-08: bo (never active) and cy (last 02-01); 2 × 19 USD a month
    assertEquals(2, figure("idle_seats"), 1e-9);
    assertEquals(38, figure("idle_seat_cost_usd"), 1e-9);
    // a leader's drill-down counts seats without naming anyone
    String read = AccessControlIT.token("seats-read", "read");
    withToken(read)
        .get("/api/metrics/drilldown?scope=pod:checkout&metric=idle_seats&week=2026-W10")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].kind", equalTo("people"))
        .body(not(containsString("bo-k")));
    withToken(read).get("/api/sources/seats").then().statusCode(403);
    withToken(ingest).get("/api/sources/seats").then().statusCode(403);
    // the admin sees who, today (December): every seat idle for months — cy's cancellation date
    // (04-01) passed with the seat still listed today, so it is still held
    JsonPath holders =
        given().get("/api/sources/seats").then().statusCode(200).extract().jsonPath();
    assertEquals(java.util.List.of("ana-l", "bo-k", "cy-m"), holders.getList("user"));
    assertEquals(java.util.List.of(true, true, true), holders.getList("idle"));
    assertEquals(java.util.List.of(true, true, true), holders.getList("held"));
    assertEquals("bo", holders.getString("[1].member"));
    assertEquals(19.0, holders.getDouble("[1].monthlyPriceUsd"), 1e-6);
    assertEquals("2026-03-03", holders.getString("find { it.user == 'ana-l' }.lastUsed"));
    assertEquals("2026-04-01", holders.getString("find { it.user == 'cy-m' }.endsOn"));

    // the same listing again stores nothing new but the seats' newer reading
    put(withToken(ingest), "acme", page()).then().statusCode(200).body("duplicates", equalTo(2));
    // another account's listing touches no seat of this one; the next listing of acme leaves bo
    // out: his seat ends
    put(withToken(ingest), "other-org", "{\"seats\":[]}")
        .then()
        .statusCode(200)
        .body("removed", equalTo(0));
    String listing =
        "{\"seats\":[{\"user\":\"ana-l\",\"assignedAt\":\"2026-01-05T15:00:00Z\"},"
            + "{\"user\":\"cy-m\",\"assignedAt\":\"2026-01-05T15:00:00Z\","
            + "\"lastActivityAt\":\"2026-02-01T12:00:00Z\",\"endsOn\":\"2026-04-01\"}]}";
    put(withToken(ingest), "acme", listing).then().statusCode(200).body("removed", equalTo(1));
    db.awaitFigures();
    JsonPath after = given().get("/api/sources/seats").then().extract().jsonPath();
    assertFalse(after.getBoolean("find { it.user == 'bo-k' }.held"));
    given()
        .get("/api/sources/seats")
        .then()
        .body("find { it.user == 'bo-k' }.removedAt", not(nullValue()))
        .body("find { it.user == 'ana-l' }.removedAt", nullValue());
    // bo held his seat through March: W10 still counts it
    assertEquals(2, figure("idle_seats"), 1e-9);
  }

  @Test
  void aBadListingIsRefusedWholeNamingSeatAndField() throws IOException {
    String ingest = AccessControlIT.token("seats-ingest-2", "ingest");
    String bad =
        page()
            .replace(
                "\"created_at\": \"2026-01-05T15:00:00Z\",\n      \"updated_at\": \"2026-01-05T15:00:00Z\",\n      \"pending_cancellation_date\": null,\n      \"last_activity_at\": null",
                "\"created_at\": \"yesterday\",\n      \"last_activity_at\": null")
            .replace("\"2026-04-01\"", "\"April\"");
    put(withToken(ingest), "acme", bad)
        .then()
        .statusCode(400)
        .body("detail", equalTo("2 problems; nothing was stored"))
        .body(
            "errors[0].message",
            equalTo("seats[1].created_at: not a timestamp with an offset: yesterday"))
        .body(
            "errors[1].message",
            equalTo("seats[2].pending_cancellation_date: not a day (YYYY-MM-DD): April"));
    given().get("/api/sources/seats").then().statusCode(200).body("", hasSize(0));
    put(withToken(ingest), "", page())
        .then()
        .statusCode(400)
        .body("detail", containsString("account: required"));
    put(withToken(ingest), "a".repeat(257), page())
        .then()
        .statusCode(400)
        .body("detail", containsString("account: at most 256 characters"));
    withToken(ingest)
        .contentType("application/json")
        .queryParam("account", "acme")
        .body("{}")
        .put("/api/sources/seats/Copilot!")
        .then()
        .statusCode(400)
        .body("detail", containsString("tool: a tool id"));
    // one page of a longer list would end every seat of the others: refused
    put(withToken(ingest), "acme", page().replace("\"total_seats\": 4", "\"total_seats\": 240"))
        .then()
        .statusCode(400)
        .body("detail", containsString("the pages hold 4 seats of the 240 GitHub counts"));
    put(withToken(ingest), "acme", "{\"seats\": 3}")
        .then()
        .statusCode(400)
        .body("detail", containsString("seats: missing"));
    // over PODOMETER_LIMITS_SEAT_LISTING_BODY (64 KB in tests)
    put(withToken(ingest), "acme", "{\"seats\":[" + " ".repeat(70_000) + "]}")
        .then()
        .statusCode(413);
    String read = AccessControlIT.token("seats-read-2", "read");
    put(withToken(read), "acme", page()).then().statusCode(403);
  }
}
