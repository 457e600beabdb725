package io.podometer.web;

import static io.podometer.web.TestHttp.anonymous;
import static io.podometer.web.TestHttp.as;
import static io.podometer.web.TestHttp.withToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CSV sources end to end: each kind imported into facts, figures and the organization model; a bad
 * file refused whole, naming its line, column and rule; a second import of a file stores nothing
 * twice; only the rights of ingestion (members: an admin's) may import.
 */
@QuarkusTest
class CsvSourcesIT {

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;

  // MetricsApiIT's organization: checkout-api belongs to pod checkout, time zone UTC
  @BeforeEach
  void load() {
    db.resetAll();
    given()
        .contentType("application/yaml")
        .body(MetricsApiIT.ORG)
        .put("/api/org")
        .then()
        .statusCode(200);
    db.awaitFigures();
  }

  static final String DEPLOYMENTS =
      """
      deployment_id,service,environment,status,finished_at,sha
      D1,checkout-api,production,success,2026-03-02T10:00:00Z,aaa111
      D2,checkout-api,Production,success,2026-03-04 16:00,bbb222
      D3,checkout-api,production,failure,2026-03-05,ccc333
      D4,checkout-api,staging,success,2026-03-05T12:00:00Z,ccc333
      D5,checkout-api,production,success,2026-03-10T09:00:00+01:00,ddd444
      """;

  private static Response post(RequestSpecification as, String kind, String csv) {
    return as.contentType("text/csv")
        .body(csv.getBytes(StandardCharsets.UTF_8))
        .post("/api/sources/csv/" + kind);
  }

  private static Response post(String kind, String csv) {
    return post(given(), kind, csv);
  }

  private static JsonPath figures(String scope, String metric, String from, String to) {
    return given()
        .get("/api/metrics?scope=" + scope + "&metric=" + metric + "&from=" + from + "&to=" + to)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void deploymentsBecomeFactsAndDoraFiguresAndASecondImportStoresNothingTwice() {
    given()
        .contentType("text/csv")
        .queryParam("name", "deploys.csv")
        .body(DEPLOYMENTS.getBytes(StandardCharsets.UTF_8))
        .post("/api/sources/csv/deployments")
        .then()
        .statusCode(200)
        .body("kind", equalTo("deployments"))
        .body("name", equalTo("deploys.csv"))
        .body("rows", equalTo(5))
        .body("events", equalTo(5))
        .body("accepted", equalTo(5))
        .body("duplicates", equalTo(0))
        .body("warnings.size()", equalTo(0));
    db.awaitFigures();
    // a date-time without an offset is read in the organization's zone (UTC here)
    given()
        .get("/api/facts/deployments?id=D2")
        .then()
        .statusCode(200)
        .body("[0].fields.finishedAt", equalTo("2026-03-04T16:00:00Z"))
        .body("[0].eventIds", equalTo(List.of("deploy:checkout-api:D2")));
    given()
        .get("/api/facts/deployments?id=D5")
        .then()
        .body("[0].fields.finishedAt", equalTo("2026-03-10T08:00:00Z"));
    // deployment frequency of pod checkout (owner of checkout-api): successful production
    // deployments of the week. W10 (2 Mar – 8 Mar): D1 and D2 = 2 (D3 failed, D4 was staging);
    // W11: D5 = 1
    JsonPath frequency = figures("pod:checkout", "deployment_frequency", "2026-W10", "2026-W11");
    assertEquals(2.0, frequency.getDouble("metrics[0].figures[0].value"), 1e-9);
    assertEquals(1.0, frequency.getDouble("metrics[0].figures[1].value"), 1e-9);

    long rawEvents = db.count("RawEventEntity");
    given()
        .contentType("text/csv")
        .header("Content-Disposition", "attachment; filename=\"exports/march/deploys-again.csv\"")
        .body(DEPLOYMENTS.getBytes(StandardCharsets.UTF_8))
        .post("/api/sources/csv/deployments")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(0))
        .body("duplicates", equalTo(5))
        .body("revisions", equalTo(0));
    assertEquals(rawEvents, db.count("RawEventEntity"));
    db.awaitFigures();
    frequency = figures("pod:checkout", "deployment_frequency", "2026-W10", "2026-W10");
    assertEquals(2.0, frequency.getDouble("metrics[0].figures[0].value"), 1e-9);

    // both imports are listed, newest first, with the file name either way gave
    given()
        .get("/api/sources/csv")
        .then()
        .statusCode(200)
        .body("size()", equalTo(2))
        .body("[0].name", equalTo("deploys-again.csv"))
        .body("[0].duplicates", equalTo(5))
        .body("[0].importedBy", equalTo("admin"))
        .body("[1].name", equalTo("deploys.csv"))
        .body("[1].kind", equalTo("deployments"))
        .body("[1].rows", equalTo(5))
        .body("[1].accepted", equalTo(5));
  }

  @Test
  void incidentsOpenAndResolveAndCountInTheChangeFailureRate() {
    post("deployments", DEPLOYMENTS).then().statusCode(200);
    post(
            "incidents",
            """
            incident_id,service,opened_at,resolved_at,severity,title,caused_by_deployment
            INC-1,checkout-api,2026-03-04T17:00:00Z,2026-03-04T18:30:00Z,sev2,"Checkout 502s, EU",D2
            INC-2,checkout-api,2026-03-11T08:00:00Z,,sev3,,
            """)
        .then()
        .statusCode(200)
        .body("rows", equalTo(2))
        .body("events", equalTo(3))
        .body("accepted", equalTo(3));
    given()
        .get("/api/facts/incidents?id=INC-1")
        .then()
        .statusCode(200)
        .body("[0].fields.title", equalTo("Checkout 502s, EU"))
        .body("[0].fields.resolvedAt", equalTo("2026-03-04T18:30:00Z"));
    db.awaitFigures();
    // W10's production deployments: D1, D2, D3 = 3; failed or led to a failure: D3 (status
    // failure) and D2 (INC-1 names it) = 2; change failure rate 2 / 3
    JsonPath cfr = figures("pod:checkout", "change_failure_rate", "2026-W10", "2026-W10");
    assertEquals(2.0, cfr.getDouble("metrics[0].figures[0].num"), 1e-9);
    assertEquals(3.0, cfr.getDouble("metrics[0].figures[0].den"), 1e-9);
    assertEquals(2.0 / 3.0, cfr.getDouble("metrics[0].figures[0].value"), 1e-6);
  }

  @Test
  void meetingHoursBecomeMeetingWeeks() {
    post(
            "meetings",
            """
            member,week,week_start,hours
            ana@acme.example,2026-W10,,6.5
            bo-k,,2026-03-02,4
            """)
        .then()
        .statusCode(200)
        .body("events", equalTo(2))
        .body("accepted", equalTo(2));
    given()
        .get("/api/facts/meeting-weeks?key=ana@acme.example:2026-W10")
        .then()
        .statusCode(200)
        .body("[0].fields.hours", equalTo(6.5f))
        .body("[0].eventIds", equalTo(List.of("meeting:ana@acme.example:2026-W10")));
    given()
        .get("/api/facts/meeting-weeks?key=bo-k:2026-W10")
        .then()
        .statusCode(200)
        .body("[0].fields.hours", equalTo(4.0f));
  }

  @Test
  void aBadRowIsNamedByLineColumnAndRuleAndNothingOfTheFileIsStored() {
    post("deployments", DEPLOYMENTS).then().statusCode(200);
    long rawEvents = db.count("RawEventEntity");
    long imports = given().get("/api/sources/csv").jsonPath().getList("$").size();
    String header = "deployment_id,service,environment,status,finished_at\n";
    String good = "D9,checkout-api,production,success,2026-03-06T10:00:00Z\n";
    record Bad(String kind, String csv, int line, String column, String rule) {}
    List<Bad> bads =
        List.of(
            new Bad(
                "deployments",
                header + good + "D10,checkout-api,production,success,06/03/2026\n",
                3,
                "finished_at",
                "not an ISO-8601 date-time"),
            new Bad(
                "deployments",
                header + good + "D10,,production,success,2026-03-06\n",
                3,
                "service",
                "missing (a required value)"),
            new Bad(
                "deployments",
                "deployment_id,service,environment,status,finished_at,comit_sha\n"
                    + "D9,checkout-api,production,success,2026-03-06,abc\n",
                1,
                "comit_sha",
                "unknown column"),
            new Bad(
                "meetings",
                "member,week,hours\nana@acme.example,2026-W10,6\nbo-k,2026-W10,six\n",
                3,
                "hours",
                "not a number: 'six'"),
            new Bad(
                "meetings",
                "member,week,hours\nana@acme.example,2026-W10,6\nbo-k,2026-W10,170\n",
                3,
                "hours",
                "must be between 0 and 168 (the hours of a week), got 170"),
            new Bad(
                "incidents",
                "incident_id,service,opened_at,resolved_at\nI-9,checkout-api,2026-03-06T10:00:00Z,"
                    + "2026-03-06T09:00:00Z\n",
                2,
                "resolved_at",
                "before opened_at"));
    for (Bad bad : bads) {
      JsonPath problem =
          post(bad.kind(), bad.csv())
              .then()
              .statusCode(400)
              .contentType("application/problem+json")
              .extract()
              .jsonPath();
      String seen = problem.prettify();
      assertEquals(bad.line(), problem.getInt("errors[0].line"), seen);
      assertEquals(bad.column(), problem.getString("errors[0].field"), seen);
      assertTrue(problem.getString("errors[0].reason").startsWith(bad.rule()), seen);
      assertTrue(
          problem
              .getString("detail")
              .startsWith("line " + bad.line() + ", column " + bad.column() + ": " + bad.rule()),
          seen);
      assertTrue(problem.getString("detail").endsWith("nothing was stored"), seen);
      assertTrue(!seen.contains("Exception") && !seen.contains("\tat "), seen);
    }
    // not CSV at all, or not text: named by line too
    post("deployments", header + good + "\"D10,checkout-api,production,success,2026-03-06\n")
        .then()
        .statusCode(400)
        .body("errors[0].line", equalTo(3))
        .body("detail", containsString("not well-formed CSV"));
    post("deployments", header + good + "D10,checkout-api,production\n")
        .then()
        .statusCode(400)
        .body(
            "detail",
            equalTo("line 3: has 3 values; the header has 5 columns; nothing was stored"));
    post("deployments", header + good + "D1\u0000,checkout-api,production,success,2026-03-06\n")
        .then()
        .statusCode(400)
        .body("detail", containsString("line 3: a NUL character"));
    byte[] latin1 =
        (header + good + "D\u00e9,checkout-api,production,success,2026-03-06\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    given()
        .contentType("text/csv")
        .body(latin1)
        .post("/api/sources/csv/deployments")
        .then()
        .statusCode(400)
        .body("errors[0].line", equalTo(3))
        .body("detail", containsString("not valid UTF-8 at byte"));
    assertEquals(rawEvents, db.count("RawEventEntity"), "nothing of a refused file is stored");
    given().get("/api/sources/csv").then().body("size()", equalTo((int) imports));
  }

  @Test
  void aFileOverTheSizeOrEventLimitIsRefusedWith413() {
    // the test profile takes CSV files up to 256 KB (PODOMETER_LIMITS_CSV_BODY)
    StringBuilder large = new StringBuilder("member,week,hours\n");
    while (large.length() <= 300_000) {
      large.append("someone-with-a-long-login@acme.example,2026-W10,1\n");
    }
    post("meetings", large.toString())
        .then()
        .statusCode(413)
        .body("detail", containsString("at most 262144 bytes"));
    // ... and one request stores at most 1,000 events (PODOMETER_INGEST_MAX_EVENTS in the test
    // profile): 1,001 rows of meeting hours are refused whole rather than stored in part
    StringBuilder many = new StringBuilder("member,week,hours\n");
    for (int i = 0; i < 1001; i++) {
      many.append("m").append(i).append("@acme.example,2026-W10,1\n");
    }
    long rawEvents = db.count("RawEventEntity");
    post("meetings", many.toString())
        .then()
        .statusCode(413)
        .body(
            "detail", containsString("1001 events from 1001 rows; one file may give at most 1000"));
    assertEquals(rawEvents, db.count("RawEventEntity"));
  }

  @Test
  void membersMakeANewOrganizationModelVersionWithAMovedMemberAndANewPod() {
    long before = given().get("/api/org/versions").jsonPath().getLong("[0].version");
    String members =
        """
        member_id,name,emails,logins,role,level,pod,pillar,from
        bo,,bo.k@acme.example,,,L4,solo,,2026-03-09
        ivy,Ivy Chen,ivy@acme.example,ivy-c,engineer,L3,labs,platform,2026-03-02
        ana,,,,,,checkout,,
        """;
    JsonPath receipt =
        post("members", members)
            .then()
            .statusCode(200)
            .body("kind", equalTo("members"))
            .body("rows", equalTo(3))
            .body("orgChanged", equalTo(true))
            .body("members.added", equalTo(List.of("ivy")))
            .body("members.updated", equalTo(List.of("bo")))
            .body("members.moved", equalTo(List.of("bo")))
            .body("members.podsAdded", equalTo(List.of("labs")))
            .body("members.pillarsAdded", equalTo(List.of("platform")))
            .extract()
            .jsonPath();
    long version = receipt.getLong("orgVersion");
    assertTrue(version > before, version + " after " + before);
    given()
        .get("/api/org/versions")
        .then()
        .body("[0].version", equalTo((int) version))
        .body("[0].origin", equalTo("csv"));
    JsonPath org = given().accept("application/json").get("/api/org").jsonPath();
    assertEquals(
        List.of("checkout", "solo"), org.getList("members.find { it.id == 'bo' }.memberships.pod"));
    assertEquals(
        List.of("2026-01-05", "2026-03-09"),
        org.getList("members.find { it.id == 'bo' }.memberships.from"));
    assertEquals(
        "2026-03-09", org.getString("members.find { it.id == 'bo' }.memberships[0].until"));
    assertEquals("L4", org.getString("members.find { it.id == 'bo' }.level"));
    assertEquals("platform", org.getString("pods.find { it.id == 'labs' }.pillar"));
    assertEquals("Ivy Chen", org.getString("members.find { it.id == 'ivy' }.name"));

    // the same file again: nothing changes, no new version
    post("members", members)
        .then()
        .statusCode(200)
        .body("orgChanged", equalTo(false))
        .body("orgVersion", equalTo((int) version));
    // a bad row: named, and the model stays as it is
    post("members", "member_id,name,role,pod,from\nzed,Zed,wizard,labs,2026-03-02\n")
        .then()
        .statusCode(400)
        .body("errors[0].line", equalTo(2))
        .body("errors[0].field", equalTo("role"))
        .body("detail", containsString("unknown role 'wizard'"));
    given().get("/api/org/versions").then().body("[0].version", equalTo((int) version));
    given()
        .get("/api/sources/csv")
        .then()
        .body("[0].kind", equalTo("members"))
        .body("[0].orgVersion", equalTo((int) version))
        .body("[0].events", equalTo(0));
  }

  @Test
  void importingTakesTheRightsOfIngestionAndMembersAnAdmins() {
    AccessControlIT.user("mia", "ana@acme.example", "member");
    AccessControlIT.user("lea", null, "leader");
    String ingest = AccessControlIT.token("csv-ingest", "ingest");
    String read = AccessControlIT.token("csv-read", "read");
    String admin = AccessControlIT.token("csv-admin", "admin");
    String members = "member_id,name\nzoe,Zoe\n";
    String meetings = "member,week,hours\nana@acme.example,2026-W10,3\n";

    post(withToken(ingest), "meetings", meetings).then().statusCode(200);
    post(withToken(ingest), "members", members).then().statusCode(403);
    given()
        .auth()
        .none()
        .header("Authorization", "Bearer " + ingest)
        .get("/api/sources/csv")
        .then()
        .statusCode(403);
    post(withToken(read), "meetings", meetings).then().statusCode(403);
    post(as("mia", AccessControlIT.PASSWORD), "meetings", meetings).then().statusCode(403);
    post(as("lea", AccessControlIT.PASSWORD), "members", members).then().statusCode(403);
    post(anonymous(), "meetings", meetings).then().statusCode(401);
    // an admin token changes the model; events take the ingest scope, as POST /api/events does
    post(withToken(admin), "members", members)
        .then()
        .statusCode(200)
        .body("members.added", equalTo(List.of("zoe")));
    post(withToken(admin), "meetings", meetings).then().statusCode(403);
    // an unknown kind and a body that is not CSV
    post("rotas", meetings).then().statusCode(404).body("detail", containsString("one of"));
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/sources/csv/meetings")
        .then()
        .statusCode(415);
    // two imports went through, each under the token that made it
    given()
        .get("/api/sources/csv")
        .then()
        .body("size()", equalTo(2))
        .body("[0].kind", equalTo("members"))
        .body("[0].importedBy", startsWith("token:"))
        .body("[1].kind", equalTo("meetings"))
        .body("[1].orgVersion", nullValue())
        .body("[1].importedBy", startsWith("token:"));
  }
}
