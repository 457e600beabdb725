package io.podometer.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void idsFollowTheTemplatesOfTheContract() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    assertEquals("pr:acme/shop#41:merged", EventIds.pr("acme/shop", 41, "merged"));
    assertEquals(
        "pr:acme/shop#41:updated:2026-03-02T09:00:00Z", EventIds.prUpdated("acme/shop", 41, at));
    assertEquals("review:acme/shop#41:777", EventIds.review("acme/shop", 41, "777", "raj", at));
    assertEquals(
        "review:acme/shop#41:raj@2026-03-02T09:00:00Z",
        EventIds.review("acme/shop", 41, null, "raj", at));
    assertEquals("commit:acme/shop@9f2c", EventIds.commit("acme/shop", "9f2c"));
    assertEquals(
        "attribution:acme/shop@9f2c:line", EventIds.attribution("acme/shop", "9f2c", "line"));
    assertEquals("ci:acme/shop:55", EventIds.ciRun("acme/shop", "55"));
    assertEquals("deploy:shop-api:7731", EventIds.deployment("shop-api", "7731"));
    assertEquals("incident:INC-1:resolved", EventIds.incident("INC-1", "resolved"));
    assertEquals(
        "usage:claude_code:ana@acme.example:2026-03-02",
        EventIds.usage("claude_code", "ana@acme.example", LocalDate.of(2026, 3, 2)));
    assertEquals("meeting:ana:2026-W10", EventIds.meeting("ana", "2026-W10"));
    assertEquals(
        "signal:one-click:conversion:2026-03-02T09:00:00Z",
        EventIds.signal("one-click", "conversion", at));
    assertEquals("learning:one-click:2026-03-02T09:00:00Z", EventIds.learning("one-click", at));
    assertEquals("pulse:ana:2026-W10:flow", EventIds.pulse("ana", "2026-W10", "flow"));
  }
}
