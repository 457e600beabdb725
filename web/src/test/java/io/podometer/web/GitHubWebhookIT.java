package io.podometer.web;

import static io.podometer.web.GitHubDeliveries.deliver;
import static io.podometer.web.GitHubDeliveries.pullRequest;
import static io.podometer.web.TestHttp.anonymous;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.connectors.github.GitHubSignature;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub's webhook end to end: signed deliveries become facts and figures, redeliveries count once,
 * anything unsigned or malformed is refused with nothing kept, and a remap re-derives what kept
 * deliveries give with today's mapper.
 */
@QuarkusTest
class GitHubWebhookIT {

  static final String CO = "acme/checkout-api";

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;

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

  private static String opened(int number, String title) {
    return pullRequest(
        "opened",
        CO,
        number,
        title,
        "ana-l",
        "ana-l/cart",
        "2026-03-02T09:00:00Z",
        "2026-03-02T09:00:00Z",
        null,
        null,
        40);
  }

  private static String merged(int number) {
    return pullRequest(
        "closed",
        CO,
        number,
        "Add cart",
        "ana-l",
        "ana-l/cart",
        "2026-03-02T09:00:00Z",
        "2026-03-03T15:00:00Z",
        "2026-03-03T15:00:00Z",
        "2026-03-03T15:00:00Z",
        40);
  }

  private static String deploymentStatus(String state) {
    return """
        {"action":"created",
         "deployment_status":{"id":2563241,"state":"%s","environment":"production",
          "created_at":"2026-03-04T16:00:00Z","updated_at":"2026-03-04T16:00:00Z",
          "creator":{"login":"ana-l","type":"User"}},
         "deployment":{"id":7731,"sha":"c0ffee7","ref":"main","task":"deploy",
          "environment":"production","created_at":"2026-03-04T15:50:00Z",
          "updated_at":"2026-03-04T16:00:00Z","creator":{"login":"ana-l","type":"User"}},
         "repository":{"id":186853002,"name":"checkout-api","full_name":"acme/checkout-api"},
         "sender":{"login":"ana-l","type":"User"}}
        """
        .formatted(state);
  }

  /** A delivery counter of the webhook source (they count since the server started). */
  private static long counted(String counter) {
    Number n = given().get("/api/sources").path("find { it.id == 'github-webhook' }." + counter);
    return n == null ? 0 : n.longValue();
  }

  @Test
  void signedDeliveriesBecomeFactsAndFigures() {
    long received = counted("webhook.received");
    long duplicates = counted("webhook.duplicates");
    deliver("pull_request", "d-1", opened(7, "Add cart"))
        .then()
        .statusCode(202)
        .body("events", equalTo(1))
        .body("accepted", equalTo(1));
    deliver("pull_request", "d-2", merged(7)).then().statusCode(202).body("accepted", equalTo(1));
    given()
        .get("/api/facts/pull-requests?repo=" + CO + "&number=7")
        .then()
        .statusCode(200)
        .body("[0].fields.author", equalTo("ana-l"))
        .body("[0].fields.createdAt", equalTo("2026-03-02T09:00:00Z"))
        .body("[0].fields.mergedAt", equalTo("2026-03-03T15:00:00Z"))
        .body("[0].fields.additions", equalTo(40));
    // its deployment, queued then finished: one deployment of the repository's service
    deliver("deployment_status", "d-3", deploymentStatus("in_progress"))
        .then()
        .statusCode(202)
        .body("events", equalTo(0));
    deliver("deployment_status", "d-4", deploymentStatus("success"))
        .then()
        .statusCode(202)
        .body("accepted", equalTo(1));
    db.awaitFigures();
    given()
        .get(
            "/api/metrics?scope=service:checkout-api&metric=deployment_frequency"
                + "&from=2026-W10&to=2026-W10")
        .then()
        .statusCode(200)
        .body("metrics[0].figures[0].value", equalTo(1.0f));

    // GitHub redelivers the same delivery: kept once, stored once
    deliver("pull_request", "d-2", merged(7))
        .then()
        .statusCode(200)
        .body("duplicate", equalTo(true));
    given()
        .get("/api/sources")
        .then()
        .statusCode(200)
        .body("find { it.id == 'github-webhook' }.payloadsKept", equalTo(4));
    assertEquals(received + 4, counted("webhook.received"));
    assertEquals(duplicates + 1, counted("webhook.duplicates"));
  }

  @Test
  void anythingUnsignedOrMalformedIsRefusedAndNothingKept() {
    long unmappable = counted("webhook.unmappable");
    long refused = counted("webhook.refused");
    byte[] body = opened(8, "Nope").getBytes(StandardCharsets.UTF_8);
    // no signature
    anonymous()
        .header("X-GitHub-Event", "pull_request")
        .header("X-GitHub-Delivery", "d-10")
        .contentType("application/json")
        .body(body)
        .post("/api/webhooks/github")
        .then()
        .statusCode(401)
        .body("detail", containsString("X-Hub-Signature-256: missing"));
    // signed with a secret that is not configured
    deliver("pull_request", "d-11", opened(8, "Nope"), "not the secret")
        .then()
        .statusCode(401)
        .body("detail", containsString("does not match"));
    // a body changed after signing
    anonymous()
        .header("X-GitHub-Event", "pull_request")
        .header("X-GitHub-Delivery", "d-12")
        .header(GitHubSignature.HEADER, GitHubSignature.of(GitHubDeliveries.SECRET, body))
        .contentType("application/json")
        .body(opened(8, "Changed"))
        .post("/api/webhooks/github")
        .then()
        .statusCode(401);
    // malformed JSON, signed
    deliver("pull_request", "d-13", "{\"action\": \"opened\",")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("malformed JSON"));
    // a wrong type where GitHub writes a number
    deliver(
            "pull_request",
            "d-14",
            opened(8, "Typed").replace("\"number\":8,\n", "\"number\":\"8\",\n"))
        .then()
        .statusCode(400)
        .body("detail", containsString("pull_request.number: must be a whole number"));
    // a wrong content type
    anonymous()
        .header("X-GitHub-Event", "pull_request")
        .header("X-GitHub-Delivery", "d-15")
        .header(GitHubSignature.HEADER, GitHubSignature.of(GitHubDeliveries.SECRET, body))
        .contentType("text/plain")
        .body(body)
        .post("/api/webhooks/github")
        .then()
        .statusCode(400)
        .body("detail", containsString("Content-Type: 'text/plain'"));
    // no event name
    anonymous()
        .header("X-GitHub-Delivery", "d-16")
        .header(GitHubSignature.HEADER, GitHubSignature.of(GitHubDeliveries.SECRET, body))
        .contentType("application/json")
        .body(body)
        .post("/api/webhooks/github")
        .then()
        .statusCode(400)
        .body("detail", containsString("X-GitHub-Event: missing"));
    // over the webhook limit (1 MB in the tests)
    String big =
        opened(8, "Big").replace("\"body\":null", "\"body\":\"" + "x".repeat(1_100_000) + "\"");
    deliver("pull_request", "d-17", big).then().statusCode(413);
    // no stack trace anywhere, nothing kept but the one signed delivery that did not map
    given().get("/api/facts/pull-requests?repo=" + CO + "&number=8").then().statusCode(404);
    given()
        .get("/api/sources")
        .then()
        .body("find { it.id == 'github-webhook' }.payloadsKept", equalTo(1));
    assertEquals(unmappable + 1, counted("webhook.unmappable"));
    // the 413 is refused before the application reads the delivery
    assertEquals(refused + 6, counted("webhook.refused"));
  }

  @Test
  void pingsUnknownEventsAndActionsAnswerWithoutStoringEvents() {
    long stars = counted("webhook.ignoredByEvent.star");
    long prs = counted("webhook.ignoredByEvent.pull_request");
    deliver("ping", "d-20", "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":292430182}")
        .then()
        .statusCode(200)
        .body("ping", equalTo("ok"));
    deliver("star", "d-21", "{\"action\":\"created\",\"starred_at\":\"2026-03-02T09:00:00Z\"}")
        .then()
        .statusCode(202)
        .body("ignored", containsString("event star is not read"));
    deliver(
            "pull_request",
            "d-22",
            opened(9, "Assign").replace("\"action\":\"opened\"", "\"action\":\"assigned\""))
        .then()
        .statusCode(202)
        .body("ignored", containsString("action assigned of pull_request"));
    given().get("/api/facts/pull-requests?repo=" + CO + "&number=9").then().statusCode(404);
    assertEquals(stars + 1, counted("webhook.ignoredByEvent.star"));
    assertEquals(prs + 1, counted("webhook.ignoredByEvent.pull_request"));
  }

  @Test
  void duringARotationTheNewSecretSignsTooAndFormEncodedDeliveriesAreRead() {
    deliver("pull_request", "d-30", opened(10, "Rotated"), GitHubDeliveries.ROTATED)
        .then()
        .statusCode(202)
        .body("accepted", equalTo(1));
    String form =
        "payload=" + java.net.URLEncoder.encode(opened(11, "Form & more"), StandardCharsets.UTF_8);
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    anonymous()
        .config(
            io.restassured.RestAssured.config()
                .encoderConfig(
                    io.restassured.config.EncoderConfig.encoderConfig()
                        .encodeContentTypeAs(
                            "application/x-www-form-urlencoded",
                            io.restassured.http.ContentType.TEXT)))
        .header("X-GitHub-Event", "pull_request")
        .header("X-GitHub-Delivery", "d-31")
        .header(GitHubSignature.HEADER, GitHubSignature.of(GitHubDeliveries.SECRET, body))
        .contentType("application/x-www-form-urlencoded")
        .body(body)
        .post("/api/webhooks/github")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(1));
    given()
        .get("/api/facts/pull-requests?repo=" + CO + "&number=11")
        .then()
        .body("[0].fields.title", equalTo("Form & more"));
  }

  @Test
  void aRemapReplacesWhatAnEarlierMapperMadeOfTheKeptDeliveries() {
    deliver("pull_request", "d-40", opened(12, "Add search")).then().statusCode(202);
    // what a mapper with a bug made of the same delivery: the same event id and moment, from the
    // same source, a wrong title and author (as stored before the fix)
    Events.send(
        "{\"id\":\"pr:"
            + CO
            + "#12:opened\",\"type\":\"pr.opened\",\"source\":\"github\","
            + "\"occurredAt\":\"2026-03-02T09:00:00Z\",\"repo\":\""
            + CO
            + "\",\"schema\":1,\"data\":{\"number\":12,\"title\":\"~wrong\",\"author\":\"~nobody\","
            + "\"createdAt\":\"2026-03-02T09:00:00Z\"}}");
    // and another source's payload of the same fact (earlier): a remap leaves it alone
    Events.send(
        "{\"id\":\"pr:"
            + CO
            + "#12:opened\",\"type\":\"pr.opened\",\"source\":\"api\","
            + "\"occurredAt\":\"2026-03-02T08:00:00Z\",\"repo\":\""
            + CO
            + "\",\"schema\":1,\"data\":{\"number\":12,\"title\":\"Add search (draft)\","
            + "\"author\":\"ana-l\",\"createdAt\":\"2026-03-02T08:00:00Z\"}}");
    // the same moment, so the merge breaks the tie by the payload: the wrong one wins today
    given()
        .get("/api/facts/pull-requests?repo=" + CO + "&number=12")
        .then()
        .body("[0].fields.title", equalTo("~wrong"));
    long before = db.count("RawEventEntity");
    given()
        .post("/api/sources/github-webhook/remap")
        .then()
        .statusCode(200)
        .body("payloads", equalTo(1))
        .body("events", equalTo(1))
        .body("unmappable", equalTo(0));
    given()
        .get("/api/facts/pull-requests?repo=" + CO + "&number=12")
        .then()
        .body("[0].fields.title", equalTo("Add search"))
        .body("[0].fields.author", equalTo("ana-l"));
    // the superseded payload is gone (the api's stays); the remapped one was stored already
    assertEquals(before - 1, db.count("RawEventEntity"));
    given().post("/api/sources/nothing-like-it/remap").then().statusCode(404);
    given()
        .get("/api/admin/audit")
        .then()
        .body("find { it.action == 'source.remap' }.target", equalTo("github-webhook"));
  }

  @Test
  void aSourcesOwnWebhookSecretSignsForThatSource() {
    String id =
        given()
            .contentType("application/json")
            .body(
                java.util.Map.of(
                    "repos", java.util.List.of(CO),
                    "token", "ghp_perSourceTestToken",
                    "webhookSecret", "per-source-webhook-secret"))
            .post("/api/sources/github")
            .then()
            .statusCode(201)
            .body("webhookSecretSet", equalTo(true))
            .body(org.hamcrest.Matchers.not(containsString("per-source-webhook-secret")))
            .extract()
            .path("id");
    deliver("pull_request", "d-50", opened(50, "Signed by the source"), "per-source-webhook-secret")
        .then()
        .statusCode(202)
        .body("source", equalTo(id))
        .body("accepted", equalTo(1));
    given()
        .get("/api/sources")
        .then()
        .body("find { it.id == '" + id + "' }.payloadsKept", equalTo(1))
        .body("find { it.id == '" + id + "' }.webhook.received", equalTo(1))
        .body("find { it.id == 'github-webhook' }.payloadsKept", equalTo(0));
    // its remap reads the delivery with the webhook's mapper
    given()
        .post("/api/sources/" + id + "/remap")
        .then()
        .statusCode(200)
        .body("payloads", equalTo(1))
        .body("events", equalTo(1))
        .body("unmappable", equalTo(0));
    given()
        .contentType("application/json")
        .body(
            java.util.Map.of(
                "repos", java.util.List.of(CO), "token", "ghp_x", "webhookSecret", "short"))
        .post("/api/sources/github")
        .then()
        .statusCode(400)
        .body("detail", containsString("webhookSecret"));
    TestSecrets.seen("per-source-webhook-secret");
  }

  @Test
  void onlyAdminsSeeSourcesAndRemap() {
    anonymous().get("/api/sources").then().statusCode(401);
    anonymous().post("/api/sources/github-webhook/remap").then().statusCode(401);
  }
}
