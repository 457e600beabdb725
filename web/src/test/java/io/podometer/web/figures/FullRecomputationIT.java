package io.podometer.web.figures;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.time.IsoWeek;
import io.podometer.web.Events;
import io.podometer.web.TestDatabase;
import io.podometer.web.TestHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A full recomputation runs on a thread of its own: while it is under way, new events still show
 * within their usual time, and installing its figures keeps them.
 */
@QuarkusTest
class FullRecomputationIT {

  static final String ORG =
      """
      org: {name: Acme, privacyFloor: 3, timeZone: UTC}
      pods: [{id: checkout, name: Checkout}]
      members:
        - {id: ana, name: Ana, role: engineer, identities: {github: [ana-l]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: bo, name: Bo, role: engineer, identities: {github: [bo-k]}, memberships: [{pod: checkout, from: 2026-01-05}]}
        - {id: cy, name: Cy, role: engineer, identities: {github: [cy-m]}, memberships: [{pod: checkout, from: 2026-01-05}]}
      services:
        - {id: checkout-api, pod: checkout, repos: [acme/checkout-api]}
      """;

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;
  @Inject FigureService figures;

  @Test
  void aNewEventShowsWhileAFullRecomputationIsUnderWayAndStaysOnceItIsInstalled() throws Exception {
    db.resetAll();
    given().contentType("application/yaml").body(ORG).put("/api/org").then().statusCode(200);
    // production deployments 90 days ago and a minute ago; the new one comes now, in the week of
    // the last: it moves that week (and the 72 h before it), not most of those with figures
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant last = now.minus(Duration.ofMinutes(1));
    String week = IsoWeek.of(last, ZoneOffset.UTC).toString();
    Events.send(
        Events.deployment("d1", "checkout-api", "success", now.minus(Duration.ofDays(90)) + ""),
        Events.deployment("d2", "checkout-api", "success", last.toString()));
    db.awaitFigures();
    assertEquals(1.0, deployments(week), "one deployment in " + week);

    FigureService.FullComputationGate gate =
        new FigureService.FullComputationGate(new CountDownLatch(1), new CountDownLatch(1));
    figures.holdFullComputations(gate);
    CompletableFuture<Response> recompute = null;
    try {
      recompute =
          CompletableFuture.supplyAsync(() -> given().post("/api/admin/recompute").andReturn());
      assertTrue(gate.reached().await(10, TimeUnit.SECONDS), "the recomputation began");

      Events.send(Events.deployment("d3", "checkout-api", "success", now.toString()));
      long posted = System.nanoTime();
      while (deployments(week) < 2.0) {
        assertTrue(
            System.nanoTime() - posted < 5_000_000_000L,
            "the new deployment shows while the recomputation is held");
        Thread.sleep(20);
      }
      assertFalse(recompute.isDone(), "the recomputation is still under way");
    } finally {
      figures.holdFullComputations(null);
      gate.open().countDown();
    }

    Response done = recompute.get(60, TimeUnit.SECONDS);
    assertEquals(200, done.statusCode(), done.asString());
    // begun before the third deployment, installed after it: the week it moved was recomputed
    assertEquals(
        2.0, deployments(week), "the new deployment is kept once the figures are installed");
    given()
        .post("/api/admin/recompute")
        .then()
        .statusCode(200)
        .body("changed", org.hamcrest.Matchers.equalTo(0));
  }

  @Test
  void aBulkLoadsCatchUpAsksTheCollectorToReclaimWhatItReplacedAndARecomputationDoesNot() {
    db.resetAll();
    given().contentType("application/yaml").body(ORG).put("/api/org").then().statusCode(200);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    // a production deployment in each of the last 12 weeks: those weeks have figures
    String[] first = new String[12];
    String[] second = new String[12];
    for (int back = 0; back < 12; back++) {
      Instant at = now.minus(Duration.ofDays(7L * back + 1));
      first[back] = Events.deployment("a" + back, "checkout-api", "success", at.toString());
      second[back] =
          Events.deployment(
              "b" + back, "checkout-api", "success", at.minus(Duration.ofHours(2)).toString());
    }
    Events.send(first);
    db.awaitFigures();
    int before = figures.catchUpsInstalled();

    // then one batch moving every one of those weeks: one full recomputation catches up
    Events.send(second);
    db.awaitFigures();
    assertEquals(before + 1, figures.catchUpsInstalled(), "the catch-up was installed");
    assertEquals(
        2.0,
        deployments(IsoWeek.of(now.minus(Duration.ofDays(1)), ZoneOffset.UTC).toString()),
        "both deployments of the last week count");

    // a recomputation asked for replaces figures by equal ones: no catch-up, nothing asked
    given().post("/api/admin/recompute").then().statusCode(200);
    assertEquals(before + 1, figures.catchUpsInstalled());
  }

  private static double deployments(String week) {
    return given()
        .get(
            "/api/metrics?scope=service:checkout-api&metric=deployment_frequency&from="
                + week
                + "&to="
                + week)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getDouble("metrics[0].figures[0].value");
  }
}
