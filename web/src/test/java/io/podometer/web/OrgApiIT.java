package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrgApiIT {

  static final String ORG =
      """
      org: {name: Acme, privacyFloor: 4}
      pillars: [{id: commerce, name: Commerce}]
      pods: [{id: checkout, name: Checkout, pillar: commerce}]
      members:
        - {id: ana, name: Ana Lima, role: engineer, level: L5, identities: {github: [ana-l], emails: [ana@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: raj, name: Raj Patel, role: engineer, level: L7, identities: {github: [rajp]}, memberships: [{pod: checkout, from: 2026-01-05}]}
      bets:
        - {id: one-click, title: One-click checkout, sto: [ana, raj], status: exploring}
      """;

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;

  @BeforeEach
  void reset() {
    db.reset();
  }

  @Inject io.podometer.web.org.OrgService orgService;

  @Test
  void aVersionStoredBeforeTodaysRulesStillLoadsWhileANewOneIsHeldToThem() {
    given().contentType("application/yaml").body(ORG).put("/api/org").then().statusCode(200);
    // as an earlier release stored it: a kill signal on a metric the catalog does not know, and
    // an id longer than 100 characters
    String older =
        "org: {name: Acme}\nbets:\n  - {id: "
            + "b".repeat(120)
            + ", title: Old bet, killSignal: {metric: lead_time, comparator: \">\", threshold: 48}}\n";
    db.execute("update org_version set content = '" + older.replace("'", "''") + "'");
    assertEquals(
        "b".repeat(120), orgService.reloadLatest().model().bets().get(0).id(), "it loads at start");
    given()
        .contentType("application/yaml")
        .body(older)
        .put("/api/org")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("id"))
        .body("errors.field", hasItem("killSignal.metric"));
    orgService.reloadLatest();
  }

  @Test
  void aValidModelIsStoredAsANewVersionWithItsWarnings() {
    int version =
        given()
            .contentType("application/yaml")
            .body(ORG)
            .when()
            .put("/api/org")
            .then()
            .statusCode(200)
            .body("warnings", hasItem(containsString("bet 'one-click' has 2 STOs (ana, raj)")))
            .extract()
            .path("version");

    given()
        .accept("application/json")
        .get("/api/org")
        .then()
        .statusCode(200)
        .header("Podometer-Org-Version", Integer.toString(version))
        .body("org.name", equalTo("Acme"))
        .body("org.privacyFloor", equalTo(4))
        .body("pods[0].id", equalTo("checkout"));
    given()
        .accept("application/yaml")
        .get("/api/org")
        .then()
        .statusCode(200)
        .body(containsString("name: Acme"));

    // the same content again stores nothing new
    given()
        .contentType("application/yaml")
        .body(ORG)
        .put("/api/org")
        .then()
        .body("version", equalTo(version));
    given().get("/api/org/versions").then().body("", hasSize(1));
  }

  @Test
  void anInvalidModelIsRefusedNamingEntryAndFieldAndTheCurrentOneStays() {
    int version =
        given()
            .contentType("application/yaml")
            .body(ORG)
            .put("/api/org")
            .then()
            .statusCode(200)
            .extract()
            .path("version");
    String broken = ORG.replace("pillar: commerce", "pillar: comerce");

    given()
        .contentType("application/yaml")
        .body(broken)
        .when()
        .put("/api/org")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].entry", equalTo("pods[0] (checkout)"))
        .body("errors[0].field", equalTo("pillar"))
        .body("detail", containsString("comerce"));

    given()
        .accept("application/json")
        .get("/api/org")
        .then()
        .header("Podometer-Org-Version", Integer.toString(version));
    assertEquals(1, db.count("OrgVersionEntity"));
  }

  @Test
  void jsonIsAcceptedAndMalformedYamlIsA400() {
    given()
        .contentType("application/json")
        .body("{\"org\":{\"name\":\"Json Org\"}}")
        .put("/api/org")
        .then()
        .statusCode(200);
    given().accept("application/json").get("/api/org").then().body("org.name", equalTo("Json Org"));

    given()
        .contentType("application/yaml")
        .body("org: [unclosed")
        .put("/api/org")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given().contentType("application/yaml").body("").put("/api/org").then().statusCode(400);
    // broken JSON is reported as JSON, whatever the content type says, with where it breaks
    for (String type : new String[] {"application/json", "application/yaml"}) {
      given()
          .contentType(type)
          .body("{\"org\": {\"name\": }")
          .put("/api/org")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body(org.hamcrest.Matchers.containsString("not valid JSON at line 1"))
          .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("YAML")));
    }
  }
}
