package io.podometer.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  private final EventCodec codec = new EventCodec();

  static final String MERGED =
      "{\"id\":\"pr:acme/shop#41:merged\",\"type\":\"pr.merged\",\"source\":\"github\","
          + "\"occurredAt\":\"2026-03-03T17:30:00+02:00\",\"repo\":\"acme/shop\",\"schema\":1,"
          + "\"data\":{\"number\":41,\"author\":\"ana\",\"mergedAt\":\"2026-03-03T15:30:00Z\","
          + "\"mergeCommitSha\":\"c0de\",\"additions\":120,\"deletions\":8,\"futureField\":\"kept\","
          + "\"files\":[{\"path\":\"src/a.py\",\"additions\":120,\"deletions\":8}]}}";

  @Test
  void readsAValidEventIntoItsTypedRecordAndNormalizesTimestampsToUtc() {
    CanonicalEvent event = codec.parseOne(MERGED);

    assertEquals(EventType.PR_MERGED, event.type());
    assertEquals(Instant.parse("2026-03-03T15:30:00Z"), event.occurredAt());
    EventData.PrMerged data = assertInstanceOf(EventData.PrMerged.class, event.data());
    assertEquals(41, data.number());
    assertEquals(120, data.additions());
    assertEquals("src/a.py", data.files().get(0).path());
    assertTrue(event.canonicalJson().contains("\"occurredAt\":\"2026-03-03T15:30:00Z\""));
    assertEquals("kept", event.dataTree().get("futureField").asText());
    assertTrue(event.canonicalJson().contains("\"futureField\":\"kept\""));
  }

  @Test
  void theSameFactWrittenDifferentlyHasTheSameCanonicalPayload() {
    String reordered =
        "{\"schema\":1,\"data\":{\"deletions\":8,\"additions\":120,\"mergeCommitSha\":\"c0de\","
            + "\"files\":[{\"deletions\":8,\"additions\":120,\"path\":\"src/a.py\"}],"
            + "\"futureField\":\"kept\",\"mergedAt\":\"2026-03-03T16:30:00+01:00\","
            + "\"author\":\"ana\",\"number\":41},\"repo\":\"acme/shop\","
            + "\"occurredAt\":\"2026-03-03T15:30:00Z\",\"source\":\"github\","
            + "\"type\":\"pr.merged\",\"id\":\"pr:acme/shop#41:merged\"}";

    CanonicalEvent a = codec.parseOne(MERGED);
    CanonicalEvent b = codec.parseOne(reordered);

    assertEquals(a.canonicalJson(), b.canonicalJson());
    assertEquals(a.payloadHash(), b.payloadHash());
  }

  @Test
  void aMissingRequiredFieldIsNamedWithItsLineAndType() {
    String line1 = MERGED;
    String line3 = MERGED.replace("\"mergedAt\":\"2026-03-03T15:30:00Z\",", "");

    EventValidationException e =
        assertThrows(
            EventValidationException.class, () -> codec.parseNdjson(line1 + "\n\n" + line3 + "\n"));

    assertEquals(List.of("line 3: pr.merged data.mergedAt: missing"), messages(e));
  }

  @Test
  void everyProblemOfEveryLineIsReported() {
    String unknownType =
        "{\"id\":\"x\",\"type\":\"pr.exploded\",\"source\":\"api\","
            + "\"occurredAt\":\"2026-03-03T15:30:00Z\",\"schema\":1,\"data\":{}}";
    String wrongTypes =
        "{\"id\":\"u\",\"type\":\"agent.usage\",\"source\":\"api\",\"occurredAt\":\"yesterday\","
            + "\"schema\":2,\"data\":{\"tool\":\"copilot\",\"user\":\"ana\",\"day\":\"2026-02-30\","
            + "\"tokens\":\"many\",\"costUsd\":-1}}";
    String malformed = "{\"id\": \"deploy:shop:2\", \"type\":";

    EventValidationException e =
        assertThrows(
            EventValidationException.class,
            () -> codec.parseNdjson(String.join("\n", unknownType, wrongTypes, malformed)));

    List<String> messages = messages(e);
    assertEquals("line 1: type: unknown event type 'pr.exploded'", messages.get(0));
    assertTrue(
        messages.contains(
            "line 2: agent.usage occurredAt: not an ISO-8601 timestamp with an offset, e.g. 2026-03-02T09:00:00Z"));
    assertTrue(
        messages.contains(
            "line 2: agent.usage schema: must be 1 (the only schema this version reads)"));
    assertTrue(
        messages.contains(
            "line 2: agent.usage data.day: must be a date YYYY-MM-DD, got '2026-02-30'"));
    assertTrue(
        messages.contains(
            "line 2: agent.usage data.tokens: must be a non-negative integer, got 'many'"));
    assertTrue(
        messages.contains(
            "line 2: agent.usage data.costUsd: must be a non-negative number, got -1"));
    assertTrue(
        messages.get(messages.size() - 1).startsWith("line 3: json: malformed JSON at column"));
  }

  @Test
  void envelopeRulesAreEnforced() {
    String noRepo = MERGED.replace("\"repo\":\"acme/shop\",", "");
    String extraField = MERGED.replace("\"schema\":1,", "\"schema\":1,\"severity\":\"high\",");
    String badRepo = MERGED.replace("\"repo\":\"acme/shop\"", "\"repo\":\"shop\"");
    String longId = MERGED.replace("pr:acme/shop#41:merged", "x".repeat(201));

    assertEquals(List.of("pr.merged repo: missing (required for pr.merged)"), messagesOf(noRepo));
    assertTrue(
        messagesOf(extraField).get(0).startsWith("pr.merged severity: unknown envelope field"));
    assertEquals(List.of("pr.merged repo: must be 'owner/name'"), messagesOf(badRepo));
    assertEquals(List.of("pr.merged id: longer than 200 characters (201)"), messagesOf(longId));
  }

  static final String DEPLOYED =
      "{\"id\":\"deploy:checkout:d1\",\"type\":\"deployment.finished\",\"source\":\"ci\","
          + "\"occurredAt\":\"2026-03-03T15:30:00Z\",\"schema\":1,"
          + "\"data\":{\"deploymentId\":\"d1\",\"service\":\"checkout\","
          + "\"environment\":\"production\",\"status\":\"success\","
          + "\"finishedAt\":\"2026-03-03T15:30:00Z\",\"labels\":[\"hotfix\"]}}";

  static final String MEETINGS =
      "{\"id\":\"meetings:ana:2026-W10\",\"type\":\"meeting.summary\",\"source\":\"calendar\","
          + "\"occurredAt\":\"2026-03-09T08:00:00Z\",\"schema\":1,"
          + "\"data\":{\"member\":\"ana\",\"week\":\"2026-W10\",\"hours\":12.5}}";

  @Test
  void everyValueMustFitTheStoreAndTheFiguresBuiltFromIt() {
    // a service of 600 characters once made every later recomputation fail: its scope did not fit
    assertEquals(
        List.of("deployment.finished data.service: longer than 256 characters (600)"),
        messagesOf(DEPLOYED.replace("\"checkout\"", "\"" + "s".repeat(600) + "\"")));
    assertEquals(
        List.of("deployment.finished source: longer than 100 characters (101)"),
        messagesOf(DEPLOYED.replace("\"ci\"", "\"" + "c".repeat(101) + "\"")));
    assertEquals(
        List.of("pr.merged repo: longer than 300 characters (301)"),
        messagesOf(
            MERGED.replace("acme/shop\",\"schema", "acme/" + "r".repeat(296) + "\",\"schema")));
    assertEquals(
        List.of("deployment.finished data.labels: item 0: longer than 256 characters (257)"),
        messagesOf(DEPLOYED.replace("\"hotfix\"", "\"" + "l".repeat(257) + "\"")));
    // PostgreSQL text cannot hold a NUL: refused at the door, not by the database mid-batch
    assertEquals(
        List.of("deployment.finished data.environment: contains a NUL character"),
        messagesOf(DEPLOYED.replace("production", "prod\\u0000uction")));
    // free text may be long, up to its own limit
    codec.parseOne(
        MERGED.replace(
            "\"author\":\"ana\",", "\"author\":\"ana\",\"title\":\"" + "t".repeat(1000) + "\","));
    assertEquals(
        List.of("pr.merged data.title: longer than 1000 characters (1001)"),
        messagesOf(
            MERGED.replace(
                "\"author\":\"ana\",",
                "\"author\":\"ana\",\"title\":\"" + "t".repeat(1001) + "\",")));
  }

  @Test
  void numbersMustBeFiniteAndWithinTheirFieldsRange() {
    // two meeting weeks of 1.7e308 hours once summed to Infinity on every page
    assertEquals(
        List.of("meeting.summary data.hours: must be at most 168 in magnitude, got 1.7E308"),
        messagesOf(MEETINGS.replace("12.5", "1.7e308")));
    assertEquals(
        List.of("meeting.summary data.hours: must be at most 168 in magnitude, got 168.5"),
        messagesOf(MEETINGS.replace("12.5", "168.5")));
    assertEquals(
        168.0,
        ((EventData.MeetingSummary) codec.parseOne(MEETINGS.replace("12.5", "168")).data())
            .hours());
  }

  @Test
  void aNaturalKeyLongerThanTheStoreHoldsIsRefused() {
    // every field fits its own limit, but lower-casing a reviewer's name can double its length
    // ("İ" is one character, "i̇" two): 290 + 3 + 1 + 400 + 1 + 20 = 715 characters
    String review =
        "{\"id\":\"review:1\",\"type\":\"pr.review_submitted\",\"source\":\"github\","
            + "\"occurredAt\":\"2026-03-03T15:30:00Z\",\"repo\":\"acme/"
            + "r".repeat(285)
            + "\",\"schema\":1,\"data\":{\"number\":41,\"reviewer\":\""
            + "\u0130".repeat(200)
            + "\",\"state\":\"approved\",\"submittedAt\":\"2026-03-03T15:30:00Z\"}}";
    List<String> messages = messagesOf(review);
    assertEquals(1, messages.size(), messages::toString);
    assertTrue(
        messages.get(0).startsWith("pr.review_submitted data: its natural key")
            && messages.get(0).endsWith("is longer than 700 characters (715)"),
        messages.get(0));
  }

  @Test
  void momentsLieBetween1970AndAHorizonAfterNow() {
    EventCodec now =
        new EventCodec(
            java.time.Clock.fixed(Instant.parse("2026-03-03T16:00:00Z"), java.time.ZoneOffset.UTC),
            java.time.Duration.ofDays(1));
    // a deployment of the year 10000 once set "data as of" to that year on every page, for good
    String year10000 =
        DEPLOYED.replace(
            "\"finishedAt\":\"2026-03-03T15:30:00Z\"", "\"finishedAt\":\"+10000-01-01T00:00:00Z\"");
    assertEquals(
        List.of(
            "deployment.finished data.finishedAt: must be between 1970-01-01T00:00:00Z and"
                + " 2026-03-04T16:00:00Z (now + PT24H), got +10000-01-01T00:00:00Z"),
        messages(assertThrows(EventValidationException.class, () -> now.parseOne(year10000))));
    // a day ahead is a drifting clock: accepted; a second more is not
    now.parseOne(DEPLOYED.replace("2026-03-03T15:30:00Z", "2026-03-04T16:00:00Z"));
    String meetings = MEETINGS.replace("2026-03-09T08:00:00Z", "2026-03-03T08:00:00Z");
    assertTrue(
        messages(
                assertThrows(
                    EventValidationException.class,
                    () ->
                        now.parseOne(
                            meetings.replace("2026-03-03T08:00:00Z", "2026-03-04T16:00:01Z"))))
            .get(0)
            .startsWith("meeting.summary occurredAt: must be between"));
    assertTrue(
        messages(
                assertThrows(
                    EventValidationException.class,
                    () -> now.parseOne(meetings.replace("2026-W10", "1969-W52"))))
            .get(0)
            .startsWith("meeting.summary data.week: must be between 1970-01-01T00:00:00Z"));
  }

  @Test
  void nothingAfterTheEventAndNoFieldTwiceNorTooDeep() {
    // a body holding two objects, or an object and garbage, once answered 202 with the rest lost
    assertTrue(
        messagesOf(MERGED + " " + MERGED).get(0).startsWith("json: malformed JSON at column"),
        () -> messagesOf(MERGED + " " + MERGED).toString());
    assertTrue(
        messagesOf(MERGED + " " + MERGED)
            .get(0)
            .endsWith(
                "another value follows the event (one JSON"
                    + " object per body; NDJSON: one per line)"),
        () -> messagesOf(MERGED + " " + MERGED).toString());
    assertTrue(messagesOf(MERGED + " garbage").get(0).startsWith("json: malformed JSON"));
    List<String> twice =
        messagesOf(MERGED.replace("\"number\":41,", "\"number\":41,\"number\":42,"));
    assertTrue(twice.get(0).contains("Duplicate field 'number'"), twice::toString);
    List<String> batch =
        messages(
            assertThrows(
                EventValidationException.class,
                () -> codec.parseNdjson(MERGED + "\n" + MERGED + MERGED + "\n")));
    assertTrue(batch.get(0).startsWith("line 2: json: malformed JSON"), batch::toString);
    // nested deeper than the parser allows: a 400, not a null pointer
    String deep =
        MERGED.replace(
            "\"futureField\":\"kept\"", "\"futureField\":" + "[".repeat(1500) + "]".repeat(1500));
    List<String> tooDeep = messagesOf(deep);
    assertTrue(
        tooDeep.get(0).startsWith("json: malformed JSON")
            && tooDeep.get(0).endsWith("nested deeper than the 1000 levels a JSON value may have"),
        tooDeep::toString);
  }

  @Test
  void enumeratedValuesAndNestedObjectsAreChecked() {
    String review =
        "{\"id\":\"review:acme/shop#41:9\",\"type\":\"pr.review_submitted\",\"source\":\"github\","
            + "\"occurredAt\":\"2026-03-03T15:30:00Z\",\"repo\":\"acme/shop\",\"schema\":1,"
            + "\"data\":{\"number\":41,\"reviewer\":\"raj\",\"state\":\"lgtm\","
            + "\"submittedAt\":\"2026-03-03T15:30:00Z\"}}";
    String commit =
        "{\"id\":\"commit:acme/shop@abc\",\"type\":\"commit\",\"source\":\"git\","
            + "\"occurredAt\":\"2026-03-03T15:30:00Z\",\"repo\":\"acme/shop\",\"schema\":1,"
            + "\"data\":{\"sha\":\"abc\",\"author\":{\"name\":\"Ana\"},"
            + "\"authoredAt\":\"2026-03-03T15:30:00Z\",\"committedAt\":\"2026-03-03T15:30:00Z\","
            + "\"files\":[{\"path\":\"a\",\"additions\":-3}, 7]}}";

    assertEquals(
        List.of(
            "pr.review_submitted data.state: 'lgtm' is not one of [approved, changes_requested,"
                + " commented, dismissed]"),
        messagesOf(review));
    assertEquals(
        List.of(
            "commit data.author.email: missing",
            "commit data.files[0].additions: must be a non-negative integer, got -3",
            "commit data.files[1]: must be an object"),
        messagesOf(commit));
  }

  @Test
  void aRevisionHasTheSameIdButAnotherPayload() {
    CanonicalEvent first = codec.parseOne(MERGED);
    CanonicalEvent revised =
        codec.parseOne(
            MERGED.replace(
                "\"additions\":120,\"deletions\":8,\"future",
                "\"additions\":121,\"deletions\":8,\"future"));

    assertEquals(first.id(), revised.id());
    assertNotEquals(first.payloadHash(), revised.payloadHash());
  }

  private List<String> messagesOf(String json) {
    return messages(assertThrows(EventValidationException.class, () -> codec.parseOne(json)));
  }

  private static List<String> messages(EventValidationException e) {
    return e.problems().stream().map(EventProblem::toString).toList();
  }
}
