package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.connectors.github.FakeGitHub;
import io.podometer.connectors.github.RecordedRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A GitHub repository backfilled through the API as an admin would: the source added with its
 * token, synced in the background, its pull requests, reviews, runs, deployments and incidents in
 * the facts and the figures; the same pull request from the webhook counts once; the kept pages
 * remap; the token is never shown.
 */
@QuarkusTest
class GitHubBackfillIT {

  static final String TOKEN = "ghp_backfillTestTokenNeverShown0001";

  static {
    TestHttp.init();
    TestSecrets.seen(TOKEN);
  }

  @Inject TestDatabase db;
  @Inject io.podometer.web.source.GitHubSources sources;
  private FakeGitHub github;

  @BeforeEach
  void load() throws Exception {
    db.resetAll();
    given()
        .contentType("application/yaml")
        .body(
            MetricsApiIT.ORG.replace(
                "services:", "services:\n  - {id: shop-api, pod: checkout, repos: [acme/shop]}"))
        .put("/api/org")
        .then()
        .statusCode(200);
    github = new FakeGitHub();
    RecordedRepository.serve(github);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private String create() {
    return given()
        .contentType("application/json")
        .body(Map.of("repos", List.of("acme/shop"), "token", TOKEN, "apiUrl", github.url()))
        .post("/api/sources/github")
        .then()
        .statusCode(201)
        .body(not(containsString(TOKEN)))
        .extract()
        .path("id");
  }

  private JsonPath syncAndWait(String id) throws InterruptedException {
    given().post("/api/sources/github/" + id + "/sync").then().statusCode(202);
    return waitForSync(id);
  }

  private JsonPath waitForSync(String id) throws InterruptedException {
    if (!sources.awaitSync(id, java.time.Duration.ofSeconds(30))) {
      throw new AssertionError("the sync did not end within 30 s");
    }
    JsonPath source = given().get("/api/sources/github/" + id).then().extract().jsonPath();
    assertEquals(false, source.getBoolean("syncing"));
    return source;
  }

  @Test
  void aBackfilledRepositoryShowsInTheFactsAndFigures() throws Exception {
    String id = create();
    JsonPath done = syncAndWait(id);
    assertEquals("done", done.getString("lastState"), done.prettify());
    assertTrue(done.getInt("progress.itemsDone") >= 15, done.prettify());
    assertTrue(done.getInt("payloadsKept") > 0);
    given()
        .get("/api/facts/pull-requests?repo=acme/shop&number=2")
        .then()
        .statusCode(200)
        .body("[0].fields.mergedAt", equalTo("2026-03-03T12:00:00Z"))
        .body("[0].fields.additions", equalTo(120));
    given().get("/api/facts/deployments?id=501").then().statusCode(200);
    db.awaitFigures();
    // the deployment of 2026-03-05 (W10) of the service owning acme/shop
    given()
        .get(
            "/api/metrics?scope=service:shop-api&metric=deployment_frequency&from=2026-W10&to=2026-W10")
        .then()
        .statusCode(200)
        .body("metrics[0].figures[0].value", equalTo(1.0f));

    // the webhook then delivers the same merge: still one pull request
    GitHubDeliveries.deliver(
            "pull_request",
            "bf-1",
            GitHubDeliveries.pullRequest(
                "closed",
                "acme/shop",
                2,
                "Change 2",
                "ana-l",
                "change-2",
                "2026-03-01T09:00:00Z",
                "2026-03-03T12:00:00Z",
                "2026-03-03T12:00:00Z",
                "2026-03-03T12:00:00Z",
                120))
        .then()
        .statusCode(202);
    given()
        .get("/api/facts/pull-requests?repo=acme/shop")
        .then()
        .body("findAll { it.fields.number == 2 }", hasSize(1));

    // the kept pages map again to what is stored: nothing new, nothing unmappable
    given()
        .post("/api/sources/" + id + "/remap")
        .then()
        .statusCode(200)
        .body("unmappable", equalTo(0))
        .body("accepted", equalTo(0));
    given()
        .get("/api/sources")
        .then()
        .body("find { it.id == '" + id + "' }.kind", equalTo("github"));

    // a second sync fetches only what changed: nothing older than the cursor (#3, updated last,
    // sits on it and is read again, as another change may share its second)
    github.clearRequests();
    assertEquals("done", syncAndWait(id).getString("lastState"));
    List<String> pulls = github.requests().stream().filter(r -> r.contains("/pulls/")).toList();
    assertTrue(pulls.stream().allMatch(r -> r.contains("/pulls/3")), pulls.toString());

    given().get("/api/sources/github").then().body(not(containsString(TOKEN)));
    // the schedule syncs every source that is not syncing already
    assertEquals(1, sources.syncAll());
    assertEquals("done", waitForSync(id).getString("lastState"));
    given().delete("/api/sources/github/" + id).then().statusCode(204);
    given().get("/api/sources/github/" + id).then().statusCode(404);
  }

  @Test
  void aSourceIsRefusedNamingTheFieldThatIsWrong() {
    given()
        .contentType("application/json")
        .body(Map.of("repos", List.of("acme/shop")))
        .post("/api/sources/github")
        .then()
        .statusCode(400)
        .body("detail", containsString("token:"));
    given()
        .contentType("application/json")
        .body(Map.of("repos", List.of("not a repo"), "token", TOKEN))
        .post("/api/sources/github")
        .then()
        .statusCode(400)
        .body("detail", containsString("repos[0]"));
    given()
        .contentType("application/json")
        .body(Map.of("repos", List.of("acme/shop"), "token", TOKEN, "apiUrl", "ftp://x"))
        .post("/api/sources/github")
        .then()
        .statusCode(400)
        .body("detail", containsString("apiUrl"));
    given()
        .contentType("application/json")
        .body(Map.of("repos", List.of("acme/shop"), "token", TOKEN, "org", "acme"))
        .post("/api/sources/github")
        .then()
        .statusCode(400)
        .body("detail", containsString("org: unknown field"));
    given().get("/api/sources/github").then().body("", hasSize(0));
    TestHttp.anonymous().get("/api/sources/github").then().statusCode(401);
  }

  @Test
  void aTokenGitHubRefusesEndsTheSyncSayingSo() throws Exception {
    github.route(
        "/repos/acme/shop",
        q ->
            new FakeGitHub.Answer(
                401,
                Map.of("Content-Type", "application/json"),
                "{\"message\":\"Bad credentials\"}"));
    String id = create();
    JsonPath failed = syncAndWait(id);
    assertEquals("failed", failed.getString("lastState"));
    assertTrue(failed.getString("lastError").contains("bad credentials (401)"), failed.prettify());
  }

  @Test
  void aGitHubAppWithItsKeyInAFileBackfillsToo() throws Exception {
    RecordedRepository.serveApp(github);
    java.nio.file.Path key = java.nio.file.Files.createTempFile("app", ".pem");
    java.nio.file.Files.writeString(
        key, RecordedRepository.pkcs1Pem(RecordedRepository.appKey().getPrivate()));
    String id =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "repos", List.of("acme/shop"),
                    "apiUrl", github.url(),
                    "app", Map.of("id", "4242", "privateKeyFile", key.toString())))
            .post("/api/sources/github")
            .then()
            .statusCode(201)
            .body("appId", equalTo("4242"))
            .body(not(containsString("PRIVATE KEY")))
            .extract()
            .path("id");
    JsonPath done = syncAndWait(id);
    assertEquals("done", done.getString("lastState"), done.prettify());
    given().get("/api/facts/pull-requests?repo=acme/shop&number=2").then().statusCode(200);
    // a key that is not there, and a token with an App, are refused naming the field
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "repos", List.of("acme/shop"),
                "app", Map.of("id", "4242", "privateKeyFile", "/nowhere/key.pem")))
        .post("/api/sources/github")
        .then()
        .statusCode(400)
        .body("detail", containsString("app.privateKeyFile: cannot read /nowhere/key.pem"));
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "repos", List.of("acme/shop"),
                "token", TOKEN,
                "app", Map.of("id", "4242", "privateKeyFile", key.toString())))
        .post("/api/sources/github")
        .then()
        .statusCode(400)
        .body("detail", containsString("one of them"));
  }
}
