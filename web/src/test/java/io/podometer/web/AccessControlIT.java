package io.podometer.web;

import static io.podometer.web.TestHttp.anonymous;
import static io.podometer.web.TestHttp.as;
import static io.podometer.web.TestHttp.withToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.web.security.LoginThrottle;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may see and do what (SPEC §8), on the organization of {@link MetricsApiIT} plus a champion:
 * raj is a member of pod checkout and the champion of pod solo's pilot. Users: lee (leader, no
 * member), raj (champion), ana (member of checkout), dee (member of solo), ops (admin only).
 */
@QuarkusTest
class AccessControlIT {

  static final String ORG =
      MetricsApiIT.ORG.replace(
              "services:",
              "  - {id: raj, name: Raj, role: engineer, identities: {github: [raj-p], emails:"
                  + " [raj@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}\n"
                  + "services:")
          + "pilots: [{pod: solo, champion: raj, start: 2026-03-02}]\n";

  static final String PASSWORD = "correct-horse-battery";

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;
  @Inject LoginThrottle throttle;

  static String orgWithRaj() {
    return ORG;
  }

  @BeforeEach
  void load() {
    db.resetAll();
    throttle.clear();
    given()
        .contentType("application/yaml")
        .body(orgWithRaj())
        .put("/api/org")
        .then()
        .statusCode(200);
    user("lee", "lee@acme.example", "leader");
    user("raj", "raj@acme.example", "champion");
    user("ana", "ana@acme.example", "member");
    user("dee", "dee@acme.example", "member");
    user("ops", null, "admin");
    db.awaitFigures();
  }

  @AfterEach
  void forgetFailures() {
    throttle.clear();
  }

  /** Every password, token and session the suite has seen so far: none is in the log. */
  @org.junit.jupiter.api.AfterAll
  static void noSecretIsLogged() throws java.io.IOException {
    java.nio.file.Path log = java.nio.file.Path.of("target", "quarkus-test.log");
    assertTrue(java.nio.file.Files.exists(log), "the test log is written to " + log);
    String text = java.nio.file.Files.readString(log);
    assertTrue(text.contains("audit: "), "the log holds the audit lines it is scanned for");
    for (String secret : TestSecrets.all()) {
      assertFalse(text.contains(secret), "a secret of " + secret.length() + " chars is logged");
    }
  }

  static void user(String name, String email, String role) {
    Map<String, Object> body =
        email == null
            ? Map.of("username", name, "roles", List.of(role), "password", PASSWORD)
            : Map.of(
                "username", name, "email", email, "roles", List.of(role), "password", PASSWORD);
    int status =
        given().contentType("application/json").body(body).post("/api/admin/users").statusCode();
    assertTrue(status == 201 || status == 400, "user " + name + ": " + status);
    TestSecrets.seen(PASSWORD);
  }

  static String token(String name, String... scopes) {
    String token =
        given()
            .contentType("application/json")
            .body(Map.of("name", name, "scopes", List.of(scopes)))
            .post("/api/admin/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    assertTrue(token.startsWith("pdm_"), token);
    return TestSecrets.seen(token);
  }

  /** The login form, sent anonymously ({@code next} may be null). */
  static Response login(String username, String password, String next) {
    RequestSpecification form =
        anonymous()
            .contentType("application/x-www-form-urlencoded")
            .formParam("username", username)
            .formParam("password", password);
    return (next == null ? form : form.formParam("next", next)).post("/login");
  }

  static RequestSpecification person(String name) {
    return as(name, PASSWORD);
  }

  private static int status(RequestSpecification request, String method, String path) {
    return request.request(method, path).statusCode();
  }

  @Test
  void eachRoleSeesTheScopesSpecEightGivesIt() {
    String read = token("dashboard export", "read");
    String ingest = token("ci", "ingest");
    String admin = token("automation", "admin");
    Map<String, Supplier<RequestSpecification>> who =
        Map.of(
            "lee", () -> person("lee"),
            "raj", () -> person("raj"),
            "ana", () -> person("ana"),
            "dee", () -> person("dee"),
            "ops", () -> person("ops"),
            "read", () -> withToken(read),
            "ingest", () -> withToken(ingest),
            "admin-token", () -> withToken(admin));
    // scope → the identities that get 200; every other one gets 403
    Map<String, List<String>> sees =
        Map.of(
            "org", List.of("lee", "raj", "ana", "dee", "read"),
            "pod:checkout", List.of("lee", "raj", "ana", "read"),
            "pod:solo", List.of("lee", "raj", "dee", "read"),
            "repo:acme/checkout-api", List.of("lee", "raj", "ana", "read"),
            "service:solo-api", List.of("lee", "raj", "dee", "read"),
            "member:ana", List.of("ana"),
            "member:dee", List.of("dee"));
    for (var scope : sees.entrySet()) {
      for (var identity : who.entrySet()) {
        int expected = scope.getValue().contains(identity.getKey()) ? 200 : 403;
        String figures = "/api/metrics?metric=ai_code_share&scope=" + scope.getKey();
        String drilldown =
            "/api/metrics/drilldown?metric=ai_code_share&week=2026-W10&scope=" + scope.getKey();
        assertEquals(
            expected,
            status(identity.getValue().get(), "GET", figures),
            identity.getKey() + " " + figures);
        int drill = status(identity.getValue().get(), "GET", drilldown);
        assertEquals(
            expected == 200 ? List.of(200, 404) : List.of(403),
            drill == 404 ? List.of(200, 404) : List.of(drill),
            identity.getKey() + " " + drilldown);
      }
    }
  }

  @Test
  void eachKindOfRouteServesItsRolesOnly() {
    String read = token("reader", "read");
    String ingest = token("collector", "ingest");
    String admin = token("automation", "admin");
    String event =
        Events.ndjson(Events.deployment("D9", "checkout-api", "success", "2026-03-05T10:00:00Z"));
    // ingestion: the ingest token and the bootstrap admin (who holds every role)
    assertEquals(
        202,
        status(
            withToken(ingest).contentType("application/x-ndjson").body(event),
            "POST",
            "/api/events"));
    assertEquals(
        202,
        status(given().contentType("application/x-ndjson").body(event), "POST", "/api/events"));
    for (RequestSpecification refused :
        List.of(withToken(read), withToken(admin), person("lee"), person("ops"))) {
      assertEquals(
          403,
          status(refused.contentType("application/x-ndjson").body(event), "POST", "/api/events"));
    }
    // facts about people one by one (reviews given, commits with e-mails, attributions, usage)
    // are for admins; a read token and a leader see aggregates and list PRs, deployments
    for (String personal :
        List.of(
            "/api/facts/reviews",
            "/api/facts/commits?repo=acme/checkout-api",
            "/api/facts/commit-attributions",
            "/api/facts/agent-usage-days")) {
      assertEquals(403, status(withToken(read), "GET", personal), personal);
      assertEquals(403, status(person("lee"), "GET", personal), personal);
      assertEquals(200, status(withToken(admin), "GET", personal), personal);
    }
    assertEquals(200, status(withToken(read), "GET", "/api/facts/deployments"));
    // the organization model: admins change it; leaders read it; members neither
    assertEquals(200, status(person("lee"), "GET", "/api/org"));
    assertEquals(403, status(person("ana"), "GET", "/api/org"));
    assertEquals(
        403,
        status(
            person("lee").contentType("application/yaml").body(orgWithRaj()), "PUT", "/api/org"));
    assertEquals(
        200,
        status(
            withToken(admin).contentType("application/yaml").body(orgWithRaj()),
            "PUT",
            "/api/org"));
    // tokens, users, audit, recompute, erasure: admin only
    for (String path : List.of("/api/admin/tokens", "/api/admin/users", "/api/admin/audit")) {
      assertEquals(200, status(person("ops"), "GET", path), path);
      assertEquals(200, status(withToken(admin), "GET", path), path);
      for (String name : List.of("lee", "raj", "ana")) {
        assertEquals(403, status(person(name), "GET", path), name + " " + path);
      }
      assertEquals(403, status(withToken(read), "GET", path), path);
    }
    assertEquals(403, status(person("lee"), "POST", "/api/admin/recompute"));
    assertEquals(403, status(person("lee"), "DELETE", "/api/members/ana"));
    // facts: leaders list them; a member only through a scope they see; personal facts: admin
    assertEquals(200, status(person("lee"), "GET", "/api/facts/deployments"));
    assertEquals(403, status(person("ana"), "GET", "/api/facts/deployments"));
    assertEquals(
        200,
        status(person("ana"), "GET", "/api/facts/pull-requests?scope=pod:checkout&week=2026-W10"));
    assertEquals(
        403, status(person("ana"), "GET", "/api/facts/pull-requests?scope=pod:solo&week=2026-W10"));
    assertEquals(403, status(person("lee"), "GET", "/api/facts/agent-usage-days"));
    assertEquals(200, status(person("ops"), "GET", "/api/facts/agent-usage-days"));
    // pages: a member's own pod, not another one, and their own figures
    person("ana").accept("text/html").get("/pods/checkout").then().statusCode(200);
    person("ana")
        .accept("text/html")
        .get("/pods/solo")
        .then()
        .statusCode(403)
        .contentType(containsString("text/html"))
        .body(containsString("Not among your figures"))
        .body(containsString("pod:solo is not among the figures your role may see"));
    person("ana")
        .accept("text/html")
        .get("/me")
        .then()
        .statusCode(200)
        .body(containsString("data-scope=\"member:ana\""))
        .body(containsString("Visible to you only"));
    person("ana").accept("text/html").get("/pods/no-such-pod").then().statusCode(403);
    person("lee").accept("text/html").get("/pods/no-such-pod").then().statusCode(404);
    person("lee")
        .accept("text/html")
        .get("/me")
        .then()
        .statusCode(404)
        .body(containsString("no member of the organization model has your e-mail address"));
    person("ana")
        .accept("text/html")
        .get("/measures")
        .then()
        .statusCode(200)
        .body(containsString("your own figure: you only"));
  }

  @Test
  void eachPersonCanAskWhoTheyAreAndAnAdminResetsAPassword() {
    person("raj")
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("member", equalTo("raj"))
        .body("roles", equalTo(List.of("champion")))
        // his own pod and the pod of the pilot he champions
        .body("pods", equalTo(List.of("checkout", "solo")));
    person("lee")
        .get("/api/me")
        .then()
        .body("member", equalTo(null))
        .body("everyAggregate", equalTo(true));
    String fresh =
        given()
            .contentType("application/json")
            .body("{}")
            .post("/api/admin/users/dee/password")
            .then()
            .statusCode(200)
            .extract()
            .path("password");
    TestSecrets.seen(fresh);
    person("dee").get("/api/me").then().statusCode(401);
    as("dee", fresh).get("/api/me").then().statusCode(200).body("member", equalTo("dee"));
    given()
        .contentType("application/json")
        .body(Map.of("password", PASSWORD))
        .post("/api/admin/users/dee/password")
        .then()
        .statusCode(200)
        .body("password", equalTo(null));
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/admin/users/nobody/password")
        .then()
        .statusCode(404);
    person("ana")
        .contentType("application/json")
        .body("{}")
        .post("/api/admin/users/dee/password")
        .then()
        .statusCode(403);
  }

  @Test
  void aDrillDownNeverListsReviewsOneReviewerAtATime() {
    String co = MetricsApiIT.CO;
    Events.send(
        Events.prOpened(co, 1, "ana-l", "2026-03-02T08:30:00Z"),
        Events.prOpened(co, 2, "cy-m", "2026-03-02T09:30:00Z"),
        review(co, 1, "bo-k", "2026-03-03T10:00:00Z"),
        review(co, 2, "bo-k", "2026-03-03T11:00:00Z"),
        review(co, 2, "ana-l", "2026-03-03T12:00:00Z"));
    db.awaitFigures();
    // 3 reviews in W10 by bo (2) and ana (1): the top reviewer's share is 2/3, from 3 items
    person("ana")
        .get("/api/metrics/drilldown?scope=pod:checkout&metric=top_reviewer_share&week=2026-W10")
        .then()
        .statusCode(200)
        .body("count", equalTo(3))
        .body("items.kind", equalTo(List.of("people")))
        .body("items[0].people", equalTo(2))
        .body(not(containsString("bo-k")))
        .body(not(containsString("ana-l")));
  }

  static String review(String repo, int number, String reviewer, String at) {
    return "{\"id\":\"review:"
        + repo
        + "#"
        + number
        + ":"
        + reviewer
        + "@"
        + at
        + "\",\"type\":\"pr.review_submitted\",\"source\":\"api\",\"occurredAt\":\""
        + at
        + "\",\"repo\":\""
        + repo
        + "\",\"schema\":1,\"data\":{\"number\":"
        + number
        + ",\"reviewer\":\""
        + reviewer
        + "\",\"state\":\"approved\",\"submittedAt\":\""
        + at
        + "\"}}";
  }

  @Test
  void tablesListOnlyTheVisibleScopesAndNeverPeople() {
    person("ana")
        .get("/api/metrics/table?kind=pod&metric=ai_code_share&week=2026-W10")
        .then()
        .statusCode(200)
        .body("rows.scope", equalTo(List.of("pod:checkout")));
    person("lee")
        .get("/api/metrics/table?kind=pod&metric=ai_code_share&week=2026-W10")
        .then()
        .statusCode(200)
        .body("rows.scope", equalTo(List.of("pod:checkout", "pod:solo", "pod:build")));
    for (String name : List.of("lee", "ana")) {
      for (String kind : List.of("member", "sto")) {
        person(name)
            .get("/api/metrics/table?kind=" + kind)
            .then()
            .statusCode(403)
            .body("detail", containsString("never listed person by person"));
      }
    }
    person("ana")
        .get("/api/scopes")
        .then()
        .statusCode(200)
        .body("id", hasItem("pod:checkout"))
        .body("id", not(hasItem("pod:solo")));
  }

  @Test
  void anAggregateOverTwoPeopleIsWithheldInTheApiAndOnThePage() {
    Events.send(
        Events.prOpened("acme/solo-api", 1, "dee-s", "2026-03-03T08:30:00Z"),
        Events.commit(
            "acme/solo-api", "s1", "dee@acme.example", "2026-03-03T08:00:00Z", 40, 1, null),
        Events.prMerged("acme/solo-api", 1, "dee-s", "2026-03-03T15:00:00Z", "s1", 40));
    db.awaitFigures();
    // pod solo has 2 members (dee, eli) < floor 3: withheld, value, num and den alike
    person("dee")
        .get("/api/metrics?scope=pod:solo&metric=ai_code_share&from=2026-W10&to=2026-W10")
        .then()
        .statusCode(200)
        .body("metrics[0].figures[0].withheld", equalTo("withheld: fewer than 3 people"))
        .body("metrics[0].figures[0].value", equalTo(null))
        .body("metrics[0].figures[0].num", equalTo(null))
        .body("metrics[0].figures[0].den", equalTo(null));
    // the page draws what the API says; its script shows the reason as given
    given().get("/js/figures.js").then().statusCode(200).body(containsString("figure.withheld"));
  }

  @Test
  void aRevokedTokenIsRefusedOnTheNextRequest() {
    String ingest = token("short-lived", "ingest");
    String id = ingest.split("_")[1];
    String event =
        Events.ndjson(Events.deployment("D7", "checkout-api", "success", "2026-03-05T10:00:00Z"));
    withToken(ingest)
        .contentType("application/x-ndjson")
        .body(event)
        .post("/api/events")
        .then()
        .statusCode(202);
    // two more uses within the minute: one audit line for the three
    for (int again = 0; again < 2; again++) {
      withToken(ingest)
          .contentType("application/x-ndjson")
          .body(event)
          .post("/api/events")
          .then()
          .statusCode(202);
    }
    given()
        .get("/api/admin/audit")
        .then()
        .body("findAll { it.actor == 'token:" + id + "' }.action", equalTo(List.of("token.use")));
    given().delete("/api/admin/tokens/" + id).then().statusCode(204);
    withToken(ingest)
        .contentType("application/x-ndjson")
        .body(event)
        .post("/api/events")
        .then()
        .statusCode(401)
        .contentType(containsString("application/problem+json"));
    given()
        .get("/api/admin/tokens")
        .then()
        .body("find { it.id == '" + id + "' }.revokedAt", org.hamcrest.Matchers.notNullValue())
        .body(not(containsString("secret")));
    given()
        .get("/api/admin/audit")
        .then()
        .statusCode(200)
        .body("action", hasItem("token.revoke"))
        .body("find { it.action == 'token.use' }.actor", equalTo("token:" + id));
  }

  @Test
  void loginsAreRateLimitedPerUserAndAddress() {
    for (int attempt = 1; attempt <= 5; attempt++) {
      login("ana", "wrong-" + attempt, null)
          .then()
          .statusCode(401)
          .body(containsString("Wrong user name or password"));
    }
    // the sixth try is refused even with the right password, for a while
    login("ana", PASSWORD, null)
        .then()
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    // HTTP Basic counts the same way
    person("ana").get("/api/metrics?scope=org").then().statusCode(429);
    // another user from the same address is not locked out by ana's failures
    person("dee").get("/api/metrics?scope=org").then().statusCode(200);
  }

  @Test
  void aLoginStartsASessionThatALogoutEnds() {
    anonymous()
        .accept("text/html")
        .get("/pods")
        .then()
        .statusCode(302)
        .header("Location", "/login?next=%2Fpods");
    anonymous()
        .accept("text/html")
        .get("/login")
        .then()
        .statusCode(200)
        .body(containsString("name=\"password\""));
    Response login = login("ana", PASSWORD, "/pods");
    assertEquals(303, login.statusCode());
    assertTrue(login.header("Location").endsWith("/pods"), login.header("Location"));
    String cookie = login.header("Set-Cookie");
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    String session = TestSecrets.seen(login.getCookie("podometer_session"));
    assertNotNull(session);
    anonymous()
        .cookie("podometer_session", session)
        .accept("text/html")
        .get("/pods")
        .then()
        .statusCode(200)
        .body(containsString("Sign out"));
    // an address off this server is never a destination
    Response offsite = login("ana", PASSWORD, "//evil.example/");
    assertTrue(offsite.header("Location").endsWith("/"), offsite.header("Location"));
    assertFalse(offsite.header("Location").contains("evil"));
    TestSecrets.seen(offsite.getCookie("podometer_session"));
    anonymous().cookie("podometer_session", session).post("/logout").then().statusCode(303);
    anonymous()
        .cookie("podometer_session", session)
        .accept("text/html")
        .get("/pods")
        .then()
        .statusCode(302);
    anonymous()
        .cookie("podometer_session", session)
        .get("/api/metrics?scope=org")
        .then()
        .statusCode(401);
  }

  @Test
  void bodiesOverARoutesLimitAreRefusedBeforeTheyAreRead() {
    String big = "x".repeat(100_000);
    given()
        .contentType("application/json")
        .body("{\"name\":\"" + big + "\",\"scopes\":[\"read\"]}")
        .post("/api/admin/tokens")
        .then()
        .statusCode(413)
        .contentType(containsString("application/problem+json"))
        .body("detail", containsString("at most"));
    given().get("/api/admin/tokens").then().body("name", not(hasItem(containsString("xxxx"))));
    // ingestion takes the server-wide limit: 100 kB of events is fine
    StringBuilder events = new StringBuilder();
    for (int n = 0; events.length() < 100_000; n++) {
      events
          .append(Events.deployment("B" + n, "checkout-api", "success", "2026-03-05T10:00:00Z"))
          .append('\n');
    }
    Events.send(events.toString().strip());
  }

  @Test
  void badCredentialsAndTokensGetAProblemNotAStackTrace() {
    withToken("pdm_nothing_here")
        .get("/api/metrics?scope=org")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("Bearer"))
        .header("X-Content-Type-Options", "nosniff")
        .body("detail", containsString("authentication required"));
    as("ana", "wrong").get("/api/metrics?scope=org").then().statusCode(401);
    anonymous()
        .header("Authorization", "Basic !!!")
        .get("/api/metrics?scope=org")
        .then()
        .statusCode(401);
    anonymous()
        .header("Authorization", "Bearer eyJhbGciOi.not.ours")
        .get("/api/metrics?scope=org")
        .then()
        .statusCode(401);
    given()
        .contentType("application/json")
        .body(Map.of("name", "x", "scopes", List.of("everything")))
        .post("/api/admin/tokens")
        .then()
        .statusCode(400)
        .body("detail", containsString("scopes: unknown 'everything'"));
    given()
        .contentType("application/json")
        .body(Map.of("username", "ana", "roles", List.of("member")))
        .post("/api/admin/users")
        .then()
        .statusCode(400)
        .body("detail", containsString("already exists"));
    given()
        .contentType("application/json")
        .body(Map.of("username", "zed", "emial", "zed@acme.example", "roles", List.of("member")))
        .post("/api/admin/users")
        .then()
        .statusCode(400)
        .body("detail", containsString("unknown field(s) [emial]"));
    given()
        .contentType("application/json")
        .body("{\"name\": \"x\", \"scopes\": \"ingest\"")
        .post("/api/admin/tokens")
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body(not(containsString("Exception")));
    given()
        .contentType("application/json")
        .body(Map.of("name", "x", "scopes", 3))
        .post("/api/admin/tokens")
        .then()
        .statusCode(400)
        .body("detail", containsString("scopes: must be a string or a list of strings"));
    given().get("/api/admin/users").then().body("username", not(hasItem("zed")));
    given()
        .contentType("application/json")
        .body(Map.of("username", "zed", "roles", List.of("king")))
        .post("/api/admin/users")
        .then()
        .statusCode(400)
        .body("detail", containsString("roles: unknown 'king'"));
  }
}
