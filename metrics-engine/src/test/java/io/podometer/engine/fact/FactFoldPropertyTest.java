package io.podometer.engine.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventData;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The facts are a function of the set of events: shuffling, duplicating and interleaving revisions
 * must give the facts EVENTS.md specifies.
 */
class FactFoldPropertyTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final FactFolder FOLDER = new FactFolder();

  private static CanonicalEvent event(
      String id, String type, String occurredAt, String repo, String data) {
    return CODEC.parseOne(
        "{\"id\":\""
            + id
            + "\",\"type\":\""
            + type
            + "\",\"source\":\"test\",\"occurredAt\":\""
            + occurredAt
            + "\","
            + (repo == null ? "" : "\"repo\":\"" + repo + "\",")
            + "\"schema\":1,\"data\":"
            + data
            + "}");
  }

  static List<CanonicalEvent> events() {
    List<CanonicalEvent> all = new ArrayList<>();
    // A pull request opened as a draft, relabelled, retitled, made ready, merged, then relabelled
    // by a revision of its merge event.
    all.add(
        event(
            "pr:acme/shop#7:opened",
            "pr.opened",
            "2026-03-02T09:00:00Z",
            "acme/shop",
            "{\"number\":7,\"title\":\"Draft cart\",\"author\":\"ana\",\"createdAt\":\"2026-03-02T09:00:00Z\",\"draft\":true,\"labels\":[\"wip\"]}"));
    all.add(
        event(
            "pr:acme/shop#7:updated:2026-03-02T09:30:00Z",
            "pr.updated",
            "2026-03-02T09:30:00Z",
            "acme/shop",
            "{\"number\":7,\"at\":\"2026-03-02T09:30:00Z\",\"action\":\"labeled\",\"labels\":[\"wip\",\"bet:one-click\"]}"));
    all.add(
        event(
            "pr:acme/shop#7:updated:2026-03-02T10:00:00Z",
            "pr.updated",
            "2026-03-02T10:00:00Z",
            "acme/shop",
            "{\"number\":7,\"at\":\"2026-03-02T10:00:00Z\",\"action\":\"edited\",\"title\":\"Add cart API\"}"));
    all.add(
        event(
            "pr:acme/shop#7:ready",
            "pr.ready_for_review",
            "2026-03-02T11:00:00Z",
            "acme/shop",
            "{\"number\":7,\"at\":\"2026-03-02T11:00:00Z\"}"));
    all.add(
        event(
            "pr:acme/shop#7:merged",
            "pr.merged",
            "2026-03-03T15:30:00Z",
            "acme/shop",
            "{\"number\":7,\"author\":\"ana\",\"mergedAt\":\"2026-03-03T15:30:00Z\",\"mergeCommitSha\":\"m1\",\"additions\":100,\"deletions\":4,\"title\":\"Add cart API (final)\",\"labels\":[\"bet:one-click\"]}"));
    all.add(
        event(
            "pr:acme/shop#7:merged",
            "pr.merged",
            "2026-03-03T15:31:00Z",
            "acme/shop",
            "{\"number\":7,\"author\":\"ana\",\"mergedAt\":\"2026-03-03T15:30:00Z\",\"mergeCommitSha\":\"m1\",\"additions\":100,\"deletions\":4,\"labels\":[\"bet:one-click\",\"ai-assisted\"]}"));
    // One commit seen by the git import (with line counts) and by a GitHub push (without them).
    all.add(
        event(
            "commit:acme/shop@c1",
            "commit",
            "2026-03-02T10:30:00Z",
            "acme/shop",
            "{\"sha\":\"c1\",\"author\":{\"name\":\"Ana Lima\",\"email\":\"ana@acme.example\"},\"authoredAt\":\"2026-03-02T10:30:00Z\",\"committedAt\":\"2026-03-02T10:30:00Z\",\"message\":\"Add cart\",\"files\":[{\"path\":\"src/cart.py\",\"additions\":100,\"deletions\":4}]}"));
    all.add(
        event(
            "commit:acme/shop@c1",
            "commit",
            "2026-03-02T10:30:00Z",
            "acme/shop",
            "{\"sha\":\"c1\",\"author\":{\"name\":\"Ana Lima\",\"email\":\"ana@acme.example\",\"login\":\"ana\"},\"authoredAt\":\"2026-03-02T10:30:00Z\",\"committedAt\":\"2026-03-02T10:30:00Z\",\"branch\":\"bet/one-click/cart\",\"prNumber\":7}"));
    // A deployment reported failed, then re-reported as succeeded after a retry.
    all.add(
        event(
            "deploy:shop-api:d1",
            "deployment.finished",
            "2026-03-04T16:00:00Z",
            null,
            "{\"deploymentId\":\"d1\",\"service\":\"shop-api\",\"environment\":\"production\",\"status\":\"failure\",\"finishedAt\":\"2026-03-04T16:00:00Z\",\"sha\":\"m1\"}"));
    all.add(
        event(
            "deploy:shop-api:d1",
            "deployment.finished",
            "2026-03-04T16:05:00Z",
            null,
            "{\"deploymentId\":\"d1\",\"service\":\"shop-api\",\"environment\":\"production\",\"status\":\"success\",\"finishedAt\":\"2026-03-04T16:05:00Z\"}"));
    all.add(
        event(
            "incident:INC-1:opened",
            "incident.opened",
            "2026-03-04T17:00:00Z",
            null,
            "{\"incidentId\":\"INC-1\",\"service\":\"shop-api\",\"at\":\"2026-03-04T17:00:00Z\",\"causedByDeploymentId\":\"d1\"}"));
    all.add(
        event(
            "incident:INC-1:resolved",
            "incident.resolved",
            "2026-03-04T18:30:00Z",
            null,
            "{\"incidentId\":\"INC-1\",\"at\":\"2026-03-04T18:30:00Z\"}"));
    // An agent-usage day re-reported with more lines; the first report's tokens stay.
    all.add(
        event(
            "usage:claude_code:ana@acme.example:2026-03-02",
            "agent.usage",
            "2026-03-02T23:59:59Z",
            null,
            "{\"tool\":\"claude_code\",\"user\":\"ana@acme.example\",\"day\":\"2026-03-02\",\"active\":true,\"linesAdded\":100,\"tokens\":1000}"));
    all.add(
        event(
            "usage:claude_code:ana@acme.example:2026-03-02",
            "agent.usage",
            "2026-03-03T06:00:00Z",
            null,
            "{\"tool\":\"claude_code\",\"user\":\"Ana@Acme.example\",\"day\":\"2026-03-02\",\"active\":true,\"linesAdded\":320,\"costUsd\":3.75}"));
    all.add(
        event(
            "review:acme/shop#7:r1",
            "pr.review_submitted",
            "2026-03-02T13:00:00Z",
            "acme/shop",
            "{\"number\":7,\"reviewer\":\"raj\",\"state\":\"approved\",\"submittedAt\":\"2026-03-02T13:00:00Z\",\"reviewId\":\"r1\"}"));
    return all;
  }

  static Map<FactKey, FoldedFact> foldAll(List<CanonicalEvent> events) {
    Map<FactKey, List<CanonicalEvent>> byKey = new LinkedHashMap<>();
    for (CanonicalEvent e : events) {
      byKey.computeIfAbsent(FactKey.of(e), k -> new ArrayList<>()).add(e);
    }
    Map<FactKey, FoldedFact> facts = new LinkedHashMap<>();
    byKey.forEach((key, list) -> facts.put(key, FOLDER.fold(key, list)));
    return facts;
  }

  @Test
  void foldGivesTheFactsTheContractSpecifies() {
    Map<FactKey, FoldedFact> facts = foldAll(events());

    assertEquals(6, facts.size());
    PullRequestFact pr =
        facts.get(new FactKey(FactKind.PULL_REQUEST, "acme/shop#7")).as(PullRequestFact.class);
    assertEquals("Add cart API (final)", pr.title()); // merged (15:30) is the latest to set a title
    assertEquals(List.of("bet:one-click", "ai-assisted"), pr.labels()); // the 15:31 revision
    assertEquals(false, pr.draft()); // ready at 11:00 overrides the draft opening at 09:00
    assertEquals(Instant.parse("2026-03-02T11:00:00Z"), pr.readyForReview());
    assertEquals(Instant.parse("2026-03-02T09:00:00Z"), pr.createdAt());
    assertEquals("edited", pr.lastAction());
    assertEquals(PullRequestFact.State.MERGED, pr.state());
    assertEquals(100, pr.additions());

    CommitFact commit =
        facts.get(new FactKey(FactKind.COMMIT, "acme/shop@c1")).as(CommitFact.class);
    assertEquals(100, commit.addedLines()); // the push without files did not erase them
    assertEquals("bet/one-click/cart", commit.branch());
    assertEquals(7, commit.prNumber());
    assertEquals("Add cart", commit.message());

    DeploymentFact deployment =
        facts.get(new FactKey(FactKind.DEPLOYMENT, "d1")).as(DeploymentFact.class);
    assertEquals("success", deployment.status());
    assertEquals(Instant.parse("2026-03-04T16:05:00Z"), deployment.finishedAt());
    assertEquals("m1", deployment.sha()); // carried only by the first report

    IncidentFact incident =
        facts.get(new FactKey(FactKind.INCIDENT, "INC-1")).as(IncidentFact.class);
    assertEquals(Instant.parse("2026-03-04T17:00:00Z"), incident.openedAt());
    assertEquals(Instant.parse("2026-03-04T18:30:00Z"), incident.resolvedAt());

    EventData.AgentUsage usage =
        facts
            .get(new FactKey(FactKind.AGENT_USAGE_DAY, "claude_code:ana@acme.example:2026-03-02"))
            .as(EventData.AgentUsage.class);
    assertEquals(320, usage.linesAdded());
    assertEquals(1000L, usage.tokens());
    assertEquals(3.75, usage.costUsd());
  }

  @Test
  void shuffledAndDuplicatedEventsGiveTheSameFacts() {
    Map<FactKey, FoldedFact> expected = foldAll(events());
    Random random = new Random(20260302);
    for (int round = 0; round < 300; round++) {
      List<CanonicalEvent> delivered = new ArrayList<>(events());
      int duplicates = random.nextInt(10);
      for (int i = 0; i < duplicates; i++) {
        delivered.add(delivered.get(random.nextInt(delivered.size())));
      }
      Collections.shuffle(delivered, random);
      Map<FactKey, FoldedFact> folded = foldAll(delivered);
      assertEquals(expected.keySet(), folded.keySet(), "round " + round);
      for (FactKey key : expected.keySet()) {
        assertEquals(expected.get(key), folded.get(key), "round " + round + " " + key);
      }
    }
  }

  @Test
  void laterEventsAppliedOnAStoredFactGiveTheFieldsOfAFullFold() {
    Map<FactKey, List<CanonicalEvent>> byKey = new LinkedHashMap<>();
    for (CanonicalEvent e : events()) {
      byKey.computeIfAbsent(FactKey.of(e), k -> new ArrayList<>()).add(e);
    }
    int cuts = 0;
    int revisionsRefolded = 0;
    for (Map.Entry<FactKey, List<CanonicalEvent>> entry : byKey.entrySet()) {
      FoldedFact whole = FOLDER.fold(entry.getKey(), entry.getValue());
      // every cut in time: what came up to it is stored, what came after arrives now
      for (CanonicalEvent cut : entry.getValue()) {
        List<CanonicalEvent> stored = new ArrayList<>();
        List<CanonicalEvent> arriving = new ArrayList<>();
        for (CanonicalEvent e : entry.getValue()) {
          (e.occurredAt().isAfter(cut.occurredAt()) ? arriving : stored).add(e);
        }
        FoldedFact before = FOLDER.fold(entry.getKey(), stored);
        assertEquals(true, FactFolder.allLater(before.lastOccurredAt(), arriving));
        cuts++;
        if (FactFolder.addsUp(arriving)
            && arriving.stream().anyMatch(a -> before.eventIds().contains(a.id()))) {
          // a revision of a contribution to a sum is refolded, never applied on top
          revisionsRefolded++;
          continue;
        }
        assertEquals(
            whole.fields(),
            FOLDER.applyLater(before.fields(), before.lastOccurredAt(), arriving),
            entry.getKey() + " cut at " + cut.occurredAt());
      }
    }
    assertEquals(events().size(), cuts);
    assertEquals(1, revisionsRefolded, "the usage day re-reported under its id");
  }

  @Test
  void anEventNoLaterThanTheStoredFactIsNotAppliedOnIt() {
    List<CanonicalEvent> all = events();
    CanonicalEvent merged = all.get(4); // pr #7 merged at 15:30
    CanonicalEvent revision = all.get(5); // its revision at 15:31
    FoldedFact stored = FOLDER.fold(FactKey.of(revision), List.of(revision));
    // occurred before the stored fact's newest event: applying it last would be wrong
    assertEquals(false, FactFolder.allLater(stored.lastOccurredAt(), List.of(merged)));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> FOLDER.applyLater(stored.fields(), stored.lastOccurredAt(), List.of(merged)));
    // the same instant is a tie, decided by payload: also refolded, never applied on top
    assertEquals(false, FactFolder.allLater(revision.occurredAt(), List.of(revision)));
  }

  @Test
  void aTieInOccurredAtIsBrokenByTheGreaterPayloadWhateverTheOrder() {
    CanonicalEvent a =
        event(
            "deploy:s:d9",
            "deployment.finished",
            "2026-03-04T16:00:00Z",
            null,
            "{\"deploymentId\":\"d9\",\"service\":\"s\",\"environment\":\"production\",\"status\":\"failure\",\"finishedAt\":\"2026-03-04T16:00:00Z\"}");
    CanonicalEvent b =
        event(
            "deploy:s:d9",
            "deployment.finished",
            "2026-03-04T16:00:00Z",
            null,
            "{\"deploymentId\":\"d9\",\"service\":\"s\",\"environment\":\"production\",\"status\":\"success\",\"finishedAt\":\"2026-03-04T16:00:00Z\"}");
    FactKey key = FactKey.of(a);
    // "success" > "failure" lexically, so b's payload is the greater one and wins either way.
    assertEquals("success", FOLDER.fold(key, List.of(a, b)).fields().get("status").asText());
    assertEquals("success", FOLDER.fold(key, List.of(b, a)).fields().get("status").asText());
  }

  @Test
  void aPullRequestMergedBeforeItsOpeningIsKnownHasNoTitleYet() {
    CanonicalEvent merged = events().get(4);
    PullRequestFact pr = FOLDER.fold(FactKey.of(merged), List.of(merged)).as(PullRequestFact.class);
    assertEquals(PullRequestFact.State.MERGED, pr.state());
    assertEquals("Add cart API (final)", pr.title());
    assertNull(pr.createdAt());
  }
}
