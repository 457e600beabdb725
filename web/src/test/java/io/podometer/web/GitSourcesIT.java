package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.connectors.git.GitFixture;
import io.podometer.connectors.git.GitImportCommand;
import io.podometer.web.source.GitSources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A local clone imported as an admin would: added by its path, imported in the background, its AI
 * share in the figures as computed by hand, imported again with only its new commit, and every bad
 * request answered with a 400 naming the field.
 *
 * <pre>
 * 2026-W10, acme/shop (pod checkout)   added  AI  source
 * Add cart        Ana                     10   0  human
 * Add search      Ana + Claude trailer    30  30  trailer
 * Refactor        "Raj Patel (aider)"      5   5  author
 * share = 35 / 45; exact (author only) 5 / 45; by source trailer 30/45, author 5/45;
 * by tool claude_code 30/45, aider 5/45
 * </pre>
 */
@QuarkusTest
class GitSourcesIT {

  static final String ORG =
      """
      org: {name: Acme, privacyFloor: 1, timeZone: UTC}
      pods: [{id: checkout, name: Checkout}]
      members:
        - {id: ana, name: Ana Lima, role: engineer, identities: {emails: [ana@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: raj, name: Raj Patel, role: engineer, identities: {emails: [raj@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
      services:
        - {id: shop-api, pod: checkout, repos: [acme/shop]}
      """;

  static {
    TestHttp.init();
    io.restassured.RestAssured.config =
        io.restassured.RestAssured.config.jsonConfig(
            io.restassured.config.JsonConfig.jsonConfig()
                .numberReturnType(
                    io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
  }

  @Inject TestDatabase db;
  @Inject GitSources sources;
  GitFixture repo;

  @BeforeEach
  void load() throws Exception {
    db.resetAll();
    given().contentType("application/yaml").body(ORG).put("/api/org").then().statusCode(200);
    repo = GitFixture.init(Files.createTempDirectory("podometer-git-it").resolve("shop"));
    repo.at(Instant.parse("2026-03-02T09:00:00Z"));
    repo.lines("src/cart.py", 10, "cart").commit("Ana Lima <ana@acme.example>", "Add cart");
    repo.lines("src/search.py", 30, "search")
        .commit(
            "Ana Lima <ana@acme.example>",
            "Add search\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
    repo.lines("src/refactor.py", 5, "ref")
        .commit("Raj Patel (aider) <raj@acme.example>", "Refactor");
  }

  private JsonPath imported(String id) throws InterruptedException {
    if (!sources.await(id, Duration.ofSeconds(60))) {
      throw new AssertionError("the import did not end within 60 s");
    }
    return given().get("/api/sources/git/" + id).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aCloneImportsAndItsAiShareIsTheOneComputedByHand() throws Exception {
    String id =
        given()
            .contentType("application/json")
            .body(Map.of("path", repo.dir().toString(), "repo", "acme/shop"))
            .post("/api/sources/git")
            .then()
            .statusCode(202)
            .body("repo", equalTo("acme/shop"))
            .body("path", equalTo(repo.dir().toString()))
            .extract()
            .path("id");
    JsonPath done = imported(id);
    assertEquals("done", done.getString("state"), done.prettify());
    assertEquals(3, done.getInt("progress.itemsDone"));
    db.awaitFigures();
    JsonPath share =
        given()
            .get("/api/metrics?scope=repo:acme/shop&metric=ai_code_share&from=2026-W10&to=2026-W10")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(35.0 / 45, share.getDouble("metrics[0].figures[0].value"), 1e-9);
    assertEquals(5.0 / 45, share.getDouble("metrics[0].figures[0].exact"), 1e-9);
    assertEquals(
        Map.of("trailer", 30.0 / 45, "author", 5.0 / 45),
        share.getMap("metrics[0].figures[0].bySource"));
    assertEquals(
        Map.of("claude_code", 30.0 / 45, "aider", 5.0 / 45),
        share.getMap("metrics[0].figures[0].byTool"));

    // later, one more commit: importing again reads only it
    repo.at(Instant.parse("2026-03-09T09:00:00Z"));
    repo.lines("src/late.py", 4, "late").commit("Ana Lima <ana@acme.example>", "Late");
    given().post("/api/sources/git/" + id + "/sync").then().statusCode(202);
    JsonPath again = imported(id);
    assertEquals("done", again.getString("state"));
    assertEquals(1, again.getInt("progress.itemsDone"));
    given()
        .get("/api/sources")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + id + "' }.kind", equalTo("git"));
    // a clone keeps no payloads to map again: it is imported again instead
    given()
        .post("/api/sources/" + id + "/remap")
        .then()
        .statusCode(400)
        .body("detail", org.hamcrest.Matchers.containsString("/sync imports what is new"));
  }

  @Test
  void theCommandLineImportsAClonePathAndThenOnlyWhatIsNew() throws Exception {
    Path data = Files.createTempDirectory("podometer-cli-data");
    Files.writeString(data.resolve("admin-password"), TestHttp.ADMIN_PASSWORD);
    Map<String, String> env =
        Map.of(
            "PODOMETER_DATA",
            data.toString(),
            "PODOMETER_URL",
            "http://localhost:" + io.restassured.RestAssured.port);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    String[] args = {repo.dir().toString(), "--repo", "acme/shop"};
    int code =
        GitImportCommand.run(
            args,
            env,
            new java.io.PrintStream(out, true),
            new java.io.PrintStream(err, true),
            false,
            Duration.ofMillis(100));
    assertEquals(0, code, out + "\n" + err);
    assertTrue(out.toString().contains("(acme/shop) done: 3 commits"), out.toString());

    out.reset();
    code =
        GitImportCommand.run(
            args,
            env,
            new java.io.PrintStream(out, true),
            new java.io.PrintStream(err, true),
            false,
            Duration.ofMillis(100));
    assertEquals(0, code, out + "\n" + err);
    assertTrue(out.toString().contains("(acme/shop) done: 0 commits"), out.toString());
    assertEquals(1, sources.list().size(), "the same clone is one source");

    out.reset();
    err.reset();
    code =
        GitImportCommand.run(
            new String[] {"/no/such/clone", "--repo", "acme/shop"},
            env,
            new java.io.PrintStream(out, true),
            new java.io.PrintStream(err, true),
            false,
            Duration.ofMillis(100));
    assertEquals(1, code);
    assertTrue(
        err.toString().contains("answered 400: path: /no/such/clone is no directory"),
        err.toString());
  }

  @Test
  void badRequestsNameTheirField() throws Exception {
    Path notARepo = Files.createTempDirectory("podometer-not-git");
    Object[][] cases = {
      {Map.of("path", "relative/shop"), "path: an absolute path on the server"},
      {Map.of("path", notARepo.toString()), "path: " + notARepo + " holds no git repository"},
      {Map.of("path", "/no/such/dir"), "path: /no/such/dir is no directory"},
      {Map.of("path", repo.dir().toString()), "repo: required (owner/name)"},
      {
        Map.of("path", repo.dir().toString(), "repo", "acme/shop", "branch", "nope"),
        "branch: no branch 'nope' in the repository"
      },
      {Map.of("path", repo.dir().toString(), "repo", "not a repo"), "repo: owner/name"},
      {Map.of("path", repo.dir().toString(), "branch", "a..b"), "branch: not a valid branch name"},
      {Map.of("path", repo.dir().toString(), "token", "x"), "token: unknown field"},
    };
    for (Object[] c : cases) {
      given()
          .contentType("application/json")
          .body(c[0])
          .post("/api/sources/git")
          .then()
          .statusCode(400)
          .body("detail", startsWith((String) c[1]));
    }
    given()
        .contentType("application/json")
        .body(Map.of("path", "/" + "a".repeat(5000)))
        .post("/api/sources/git")
        .then()
        .statusCode(400)
        .body("detail", startsWith("path: at most 4096 characters"));
    for (String body : new String[] {"{\"path\": ", "[\"/srv/git/shop\"]", "{\"path\": 42}"}) {
      given()
          .contentType("application/json")
          .body(body)
          .post("/api/sources/git")
          .then()
          .statusCode(400)
          .body(
              "detail",
              org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
    }
    given().auth().none().post("/api/sources/git").then().statusCode(401);
    assertEquals(0, sources.list().size(), "nothing was added");
    given().get("/api/sources/git/git-none").then().statusCode(404);
  }

  @Test
  void theOriginNamesTheRepositoryWhenNoneIsGiven() throws Exception {
    repo.git("remote", "add", "origin", "git@github.com:acme/shop.git");
    String id =
        given()
            .contentType("application/json")
            .body(Map.of("path", repo.dir().toString()))
            .post("/api/sources/git")
            .then()
            .statusCode(202)
            .body("repo", equalTo("acme/shop"))
            .body("branch", equalTo(null))
            .extract()
            .path("id");
    assertEquals("done", imported(id).getString("state"));
  }
}
