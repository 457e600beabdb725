package io.podometer.engine.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventData;
import io.podometer.engine.event.EventLimits;
import io.podometer.engine.event.FactKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An agent's usage of a day arriving in pieces (OpenTelemetry delta points, several exports a day,
 * batches sent again): the counters add up over the distinct pieces, a piece sent again counts
 * once, a revised piece replaces its own contribution, and the sum is the same whatever the order.
 */
class SummedUsageFoldTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final FactFolder FOLDER = new FactFolder();

  private static CanonicalEvent piece(String id, String at, String counters) {
    return dayReport(
        id, at, counters.isEmpty() ? "\"period\":\"part\"" : "\"period\":\"part\"," + counters);
  }

  /** A whole day's report (no period): a vendor's daily figures. */
  private static CanonicalEvent dayReport(String id, String at, String counters) {
    return CODEC.parseOne(
        "{\"id\":\""
            + id
            + "\",\"type\":\"agent.usage\",\"source\":\"otlp\",\"occurredAt\":\""
            + at
            + "\",\"schema\":1,\"data\":{\"tool\":\"claude_code\",\"user\":\"ana@acme.example\","
            + "\"day\":\"2026-03-02\",\"active\":true"
            + (counters.isEmpty() ? "" : "," + counters)
            + "}}");
  }

  private static final CanonicalEvent MORNING =
      piece(
          "otlp:s1:09",
          "2026-03-02T09:00:00Z",
          "\"linesAdded\":120,\"sessions\":1,\"tokens\":40000,\"costUsd\":0.1");
  private static final CanonicalEvent NOON =
      piece("otlp:s1:12", "2026-03-02T12:00:00Z", "\"linesAdded\":30,\"costUsd\":0.2");
  private static final CanonicalEvent EVENING =
      piece(
          "otlp:s2:18",
          "2026-03-02T18:00:00Z",
          "\"linesAdded\":50,\"sessions\":1,\"tokens\":2500,\"costUsd\":0.4,"
              + "\"permissionBypasses\":1");

  private static EventData.AgentUsage usage(List<CanonicalEvent> events) {
    return fold(events).as(EventData.AgentUsage.class);
  }

  private static FoldedFact fold(List<CanonicalEvent> events) {
    return FOLDER.fold(FactKey.of(events.get(0)), events);
  }

  @Test
  void distinctPiecesAddUp() {
    EventData.AgentUsage day = usage(List.of(MORNING, NOON, EVENING));
    assertEquals(200, day.linesAdded()); // 120 + 30 + 50
    assertEquals(2, day.sessions()); // 1 + (none) + 1
    assertEquals(42_500L, day.tokens()); // 40,000 + 2,500
    assertEquals(0.7, day.costUsd()); // 0.1 + 0.2 + 0.4, exactly
    assertEquals(1, day.permissionBypasses());
    assertNull(day.editAccepts(), "no piece carries edits: none, not 0");
    assertTrue(day.active());
  }

  @Test
  void aPieceSentAgainCountsOnceAndTheOrderDoesNotMatter() {
    List<CanonicalEvent> delivered =
        new ArrayList<>(List.of(MORNING, NOON, EVENING, NOON, MORNING, MORNING));
    String expected = fold(List.of(MORNING, NOON, EVENING)).fields().toString();
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      Collections.shuffle(delivered, random);
      // duplicates are dropped by payload before folding, as the store does
      List<CanonicalEvent> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(delivered));
      assertEquals(expected, fold(distinct).fields().toString(), "round " + round);
    }
  }

  @Test
  void aRevisedPieceReplacesItsOwnContributionAndKeepsWhatItDoesNotCarry() {
    // the noon piece revised: 30 → 45 lines; its cost is not in the revision and stays 0.2
    CanonicalEvent revisedNoon = piece("otlp:s1:12", "2026-03-02T12:05:00Z", "\"linesAdded\":45");
    EventData.AgentUsage day = usage(List.of(MORNING, NOON, EVENING, revisedNoon));
    assertEquals(215, day.linesAdded()); // 120 + 45 + 50
    assertEquals(0.7, day.costUsd()); // 0.1 + 0.2 + 0.4
  }

  @Test
  void newPiecesAppliedOnAStoredDayGiveTheSumOfAFullFold() {
    FoldedFact stored = fold(List.of(MORNING));
    List<CanonicalEvent> later = List.of(NOON, EVENING);
    assertTrue(FactFolder.allLater(stored.lastOccurredAt(), later));
    assertEquals(
        fold(List.of(MORNING, NOON, EVENING)).fields(),
        FOLDER.applyLater(stored.fields(), stored.lastOccurredAt(), later));
  }

  @Test
  void aSumStopsAtTheFieldsLimitSoTheFactStillReadsBack() {
    List<CanonicalEvent> pieces = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pieces.add(
          piece(
              "otlp:big:" + i,
              "2026-03-02T1" + i + ":00:00Z",
              "\"linesAdded\":" + Integer.MAX_VALUE + ",\"activeSeconds\":5000000"));
    }
    EventData.AgentUsage day = usage(pieces);
    assertEquals(Integer.MAX_VALUE, day.linesAdded()); // 3 × 2,147,483,647 capped
    assertEquals(EventLimits.ACTIVE_SECONDS_PER_DAY, day.activeSeconds()); // 15,000,000 capped
  }

  private static CanonicalEvent part(String id, String at, String counters) {
    return piece(id, at, counters);
  }

  @Test
  void aWholeDaysReportStandsForTheDayAndItsPartsAddNothing() {
    // telemetry parts (60 + 40 lines) and the vendor's report of the whole day (90 lines)
    CanonicalEvent nine = part("otlp:a:09", "2026-03-02T09:00:00Z", "\"linesAdded\":60");
    CanonicalEvent ten = part("otlp:a:10", "2026-03-02T10:00:00Z", "\"linesAdded\":40");
    CanonicalEvent report =
        dayReport(
            "usage:claude_code:ana@acme.example:2026-03-02",
            "2026-03-03T01:00:00Z",
            "\"linesAdded\":90");
    FoldedFact parts = fold(List.of(nine, ten));
    assertEquals(100, parts.as(EventData.AgentUsage.class).linesAdded()); // 60 + 40
    assertEquals("part", parts.fields().get("period").asText());
    FoldedFact all = fold(List.of(ten, report, nine));
    assertEquals(90, all.as(EventData.AgentUsage.class).linesAdded()); // the report alone
    assertEquals("day", all.fields().get("period").asText());
    // a part arriving after the report adds nothing; the report arriving after parts refolds
    CanonicalEvent eleven = part("otlp:a:11", "2026-03-03T02:00:00Z", "\"linesAdded\":7");
    FoldedFact reported = fold(List.of(report));
    assertEquals(
        fold(List.of(report, eleven)).fields(),
        FOLDER.applyLater(reported.fields(), reported.lastOccurredAt(), List.of(eleven)));
    assertTrue(FactFolder.replacesParts(List.of(report)));
    assertFalse(FactFolder.replacesParts(List.of(eleven)));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> FOLDER.applyLater(parts.fields(), parts.lastOccurredAt(), List.of(report)));
    // a fact stored before parts existed has no period: it was folded from whole days
    com.fasterxml.jackson.databind.node.ObjectNode older = reported.fields().deepCopy();
    older.remove("period");
    assertEquals(
        90,
        FOLDER
            .applyLater(older, reported.lastOccurredAt(), List.of(eleven))
            .get("linesAdded")
            .asInt());
    // parts applied on parts give the sum of a full fold
    FoldedFact first = fold(List.of(nine));
    assertEquals(
        parts.fields(), FOLDER.applyLater(first.fields(), first.lastOccurredAt(), List.of(ten)));
  }

  @Test
  void onlyUsageAddsUp() {
    assertTrue(FactFolder.addsUp(List.of(MORNING)));
    assertFalse(FactFolder.replacesParts(List.of(MORNING)), "a part");
    CanonicalEvent deployment =
        CODEC.parseOne(
            "{\"id\":\"deploy:1\",\"type\":\"deployment.finished\",\"source\":\"test\","
                + "\"occurredAt\":\"2026-03-02T09:00:00Z\",\"schema\":1,\"data\":{"
                + "\"deploymentId\":\"1\",\"service\":\"shop\",\"environment\":\"production\","
                + "\"status\":\"success\",\"finishedAt\":\"2026-03-02T09:00:00Z\"}}");
    assertFalse(FactFolder.addsUp(List.of(deployment)));
  }
}
