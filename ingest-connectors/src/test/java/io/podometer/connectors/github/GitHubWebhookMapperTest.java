package io.podometer.connectors.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.Mapping;
import io.podometer.connectors.source.RawPayload;
import io.podometer.connectors.source.UnmappablePayload;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The webhook mapper on GitHub's own published payload examples (octokit/webhooks payload-examples,
 * copied verbatim under GitHubWebhookMapperTest/), one per event and action; each trap is the
 * example with the one change that makes it (named where it is made).
 */
class GitHubWebhookMapperTest {

  private static final String REPO = "Codertocat/Hello-World";

  private final GitHubWebhookMapper mapper =
      new GitHubWebhookMapper(
          new EventCodec(),
          new GitHubSettings(Set.of("incident"), Map.of("codertocat/hello-world", "hello-api")));

  private static ObjectNode fixture(String name) {
    try (InputStream in =
        GitHubWebhookMapperTest.class.getResourceAsStream(
            "GitHubWebhookMapperTest/" + name + ".json")) {
      return (ObjectNode) EventCodec.mapper().readTree(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("fixture " + name, e);
    }
  }

  private Mapping map(String event, JsonNode body) {
    return mapper.map(
        new RawPayload(
            "github-webhook",
            RawPayload.WEBHOOK,
            event,
            "72d3162e-cc78-11e3-81ab-4c9367dc0958",
            Map.of(),
            body.toString(),
            Instant.parse("2026-12-03T10:00:00Z")));
  }

  private CanonicalEvent one(String event, JsonNode body) {
    Mapping mapping = map(event, body);
    assertFalse(mapping.isIgnored(), () -> "ignored: " + mapping.ignoredBecause());
    assertEquals(1, mapping.events().size(), () -> "events: " + mapping.events());
    return mapping.events().get(0);
  }

  private static ObjectNode edited(String name, Consumer<ObjectNode> edit) {
    ObjectNode body = fixture(name);
    edit.accept(body);
    return body;
  }

  private static JsonNode data(CanonicalEvent event) {
    return event.dataTree();
  }

  @Test
  void anOpenedPullRequest() {
    CanonicalEvent e = one("pull_request", fixture("pull_request.opened"));
    assertEquals("pr:Codertocat/Hello-World#2:opened", e.id());
    assertEquals("pr.opened", e.type().wireName());
    assertEquals("github", e.source());
    assertEquals(REPO, e.repo());
    assertEquals(Instant.parse("2019-05-15T15:20:33Z"), e.occurredAt());
    JsonNode d = data(e);
    assertEquals(2, d.get("number").asInt());
    assertEquals("Update the README with new information.", d.get("title").asText());
    assertEquals("Codertocat", d.get("author").asText());
    assertEquals("changes", d.get("headBranch").asText());
    assertEquals("master", d.get("baseBranch").asText());
    assertEquals("[\"bug\"]", d.get("labels").toString());
    assertFalse(d.get("draft").asBoolean());
    assertEquals(
        "This is a pretty simple change that we need to pull into master.", d.get("body").asText());
  }

  @Test
  void everyUpdateActionIsAPrUpdatedAtItsTime() {
    Map<String, String> updatedAt =
        Map.of(
            "reopened", "2019-05-15T15:20:33Z",
            "labeled", "2019-05-15T15:20:35Z",
            "synchronize", "2019-05-15T15:20:33Z",
            "review_requested", "2019-05-15T15:20:33Z",
            "converted_to_draft", "2019-05-15T15:21:18Z");
    updatedAt.forEach(
        (action, at) -> {
          CanonicalEvent e = one("pull_request", fixture("pull_request." + action));
          assertEquals("pr:Codertocat/Hello-World#2:updated:" + at, e.id(), action);
          assertEquals("pr.updated", e.type().wireName(), action);
          assertEquals(action, data(e).get("action").asText());
          assertEquals(at, data(e).get("at").asText(), action);
        });
    CanonicalEvent labeled = one("pull_request", fixture("pull_request.labeled"));
    assertEquals("[\"bug\"]", data(labeled).get("labels").toString());
    CanonicalEvent sync = one("pull_request", fixture("pull_request.synchronize"));
    assertEquals("ec26c3e57ca3a959ca5aad62de7213c562f8c821", data(sync).get("headSha").asText());
    CanonicalEvent requested = one("pull_request", fixture("pull_request.review_requested"));
    assertEquals("octocat", data(requested).get("requestedReviewer").asText());
    CanonicalEvent draft = one("pull_request", fixture("pull_request.converted_to_draft"));
    assertTrue(data(draft).get("draft").asBoolean());
    // an edit carries the same PR with what changed
    CanonicalEvent edited =
        one(
            "pull_request",
            edited(
                "pull_request.reopened",
                b -> {
                  b.put("action", "edited");
                  b.putObject("changes").putObject("title").put("from", "Update README");
                }));
    assertEquals("edited", data(edited).get("action").asText());
  }

  @Test
  void readyForReview() {
    CanonicalEvent e = one("pull_request", fixture("pull_request.ready_for_review"));
    assertEquals("pr:Codertocat/Hello-World#2:ready", e.id());
    assertEquals("pr.ready_for_review", e.type().wireName());
    assertEquals("2019-05-15T15:21:18Z", data(e).get("at").asText());
  }

  @Test
  void trapAPullRequestClosedWithoutMergeStillCarriesAMergeCommitSha() {
    ObjectNode closed = fixture("pull_request.closed");
    // GitHub's example: merged false, merged_at null, merge_commit_sha set (its test merge)
    assertFalse(closed.at("/pull_request/merge_commit_sha").isNull());
    CanonicalEvent e = one("pull_request", closed);
    assertEquals("pr:Codertocat/Hello-World#2:closed", e.id());
    assertEquals("pr.closed", e.type().wireName());
    assertEquals("2019-05-15T15:21:18Z", data(e).get("closedAt").asText());
  }

  @Test
  void aMergedPullRequest() {
    // the closed example as GitHub sends it when the PR merged
    ObjectNode merged =
        edited(
            "pull_request.closed",
            b -> {
              ObjectNode pr = (ObjectNode) b.get("pull_request");
              pr.put("merged", true);
              pr.put("merged_at", "2019-05-15T15:21:18Z");
              pr.set("merged_by", pr.get("user"));
            });
    CanonicalEvent e = one("pull_request", merged);
    assertEquals("pr:Codertocat/Hello-World#2:merged", e.id());
    assertEquals("pr.merged", e.type().wireName());
    JsonNode d = data(e);
    assertEquals("2019-05-15T15:21:18Z", d.get("mergedAt").asText());
    assertEquals("c4295bd74fb0f4fda03689c3df3f2803b658fd85", d.get("mergeCommitSha").asText());
    assertEquals(1, d.get("additions").asInt());
    assertEquals(1, d.get("deletions").asInt());
    assertEquals(1, d.get("changedFiles").asInt());
    assertEquals("Codertocat", d.get("author").asText());
    assertEquals("Codertocat", d.get("mergedBy").asText());
    assertEquals("changes", d.get("headBranch").asText());
  }

  @Test
  void trapAPersonsPullRequestOnAnAgentsBranchKeepsTheBranchForAttribution() {
    // Copilot's coding agent opens PRs in the name of the person who asked, on copilot/…
    ObjectNode body =
        edited(
            "pull_request.opened",
            b -> ((ObjectNode) b.at("/pull_request/head")).put("ref", "copilot/fix-readme"));
    CanonicalEvent e = one("pull_request", body);
    assertEquals("Codertocat", data(e).get("author").asText());
    assertEquals("copilot/fix-readme", data(e).get("headBranch").asText());
    // the engine reads the branch against the agents' patterns
    assertEquals(
        java.util.Optional.of("copilot"),
        io.podometer.engine.identity.AgentDirectory.defaults()
            .agentForPullRequest(
                data(e).get("author").asText(), data(e).get("headBranch").asText()));
  }

  @Test
  void trapADeliveryWithoutATopLevelRepositoryTakesThePullRequestsBase() {
    ObjectNode body = edited("pull_request.opened", b -> b.remove("repository"));
    ((ObjectNode) body.at("/pull_request/base/repo")).put("full_name", REPO);
    assertEquals(REPO, one("pull_request", body).repo());
    ObjectNode nowhere = edited("pull_request.opened", b -> b.remove("repository"));
    ((ObjectNode) nowhere.at("/pull_request/base")).remove("repo");
    UnmappablePayload refused =
        assertThrows(UnmappablePayload.class, () -> map("pull_request", nowhere));
    assertEquals("repository.full_name: missing", refused.getMessage());
  }

  @Test
  void unreadActionsAreIgnoredSayingWhich() {
    Mapping assigned = map("pull_request", fixture("pull_request.assigned"));
    assertTrue(assigned.isIgnored());
    assertEquals("action assigned of pull_request is not read", assigned.ignoredBecause());
    assertEquals(List.of(), assigned.events());
    assertTrue(map("ping", fixture("ping")).isIgnored());
    assertEquals("event star is not read", map("star", fixture("ping")).ignoredBecause());
  }

  @Test
  void aSubmittedReview() {
    CanonicalEvent e = one("pull_request_review", fixture("pull_request_review.submitted"));
    assertEquals("review:Codertocat/Hello-World#2:237895671", e.id());
    assertEquals("pr.review_submitted", e.type().wireName());
    JsonNode d = data(e);
    assertEquals("commented", d.get("state").asText());
    assertEquals("Codertocat", d.get("reviewer").asText());
    assertEquals("2019-05-15T15:20:38Z", d.get("submittedAt").asText());
    assertEquals("237895671", d.get("reviewId").asText());
    // the REST API writes states in upper case: the same review
    ObjectNode approved =
        edited(
            "pull_request_review.submitted",
            b -> ((ObjectNode) b.get("review")).put("state", "APPROVED"));
    assertEquals("approved", data(one("pull_request_review", approved)).get("state").asText());
  }

  @Test
  void aDismissedReviewRevisesTheSameReview() {
    CanonicalEvent e = one("pull_request_review", fixture("pull_request_review.dismissed"));
    assertEquals("review:Codertocat/Hello-World#2:237895671", e.id());
    assertEquals("dismissed", data(e).get("state").asText());
    // dismissed after it was submitted: the dismissal is the later event of the fact
    ObjectNode later =
        edited(
            "pull_request_review.dismissed",
            b -> ((ObjectNode) b.get("pull_request")).put("updated_at", "2019-05-16T09:00:00Z"));
    assertEquals(
        Instant.parse("2019-05-16T09:00:00Z"), one("pull_request_review", later).occurredAt());
  }

  @Test
  void trapAPendingReviewHasNoSubmittedAtAndIsNoReviewYet() {
    ObjectNode pending =
        edited(
            "pull_request_review.submitted",
            b -> {
              ObjectNode review = (ObjectNode) b.get("review");
              review.put("state", "PENDING");
              review.remove("submitted_at");
            });
    Mapping mapping = map("pull_request_review", pending);
    assertFalse(mapping.isIgnored());
    assertEquals(List.of(), mapping.events());
  }

  @Test
  void aPushesCommitsWithTrailersAndPullRequestNumbers() {
    CanonicalEvent e = one("push", fixture("push"));
    assertEquals("commit:Codertocat/Hello-World@6113728f27ae82c7b1a177c8d03f9e96e0adf246", e.id());
    JsonNode d = data(e);
    assertEquals("Codertocat", d.at("/author/name").asText());
    assertEquals("21031067+Codertocat@users.noreply.github.com", d.at("/author/email").asText());
    assertEquals("Codertocat", d.at("/author/login").asText());
    assertEquals("2019-05-15T15:19:25Z", d.get("authoredAt").asText());
    assertEquals("master", d.get("branch").asText());
    assertEquals("Initial commit", d.get("message").asText());
    assertNull(d.get("prNumber"));
    // a squash merge with an agent co-author, at a time with an offset as pushes write them
    ObjectNode squash =
        edited(
            "push",
            b -> {
              ObjectNode commit = (ObjectNode) b.get("commits").get(0);
              commit.put(
                  "message",
                  "Add cart API (#41)\n\n* wip\n\nCo-authored-by: Claude <noreply@anthropic.com>");
              commit.put("timestamp", "2019-05-15T08:19:25-07:00");
            });
    JsonNode s = data(one("push", squash));
    assertEquals(41, s.get("prNumber").asInt());
    assertEquals("2019-05-15T15:19:25Z", s.get("committedAt").asText());
    assertEquals(
        "[{\"key\":\"Co-authored-by\",\"value\":\"Claude <noreply@anthropic.com>\"}]",
        s.get("trailers").toString());
  }

  @Test
  void trapATagDeletionPushesNoCommitAndNoHeadCommit() {
    ObjectNode deletion = fixture("push.tag_deleted");
    assertTrue(deletion.get("head_commit").isNull());
    Mapping mapping = map("push", deletion);
    assertFalse(mapping.isIgnored());
    assertEquals(List.of(), mapping.events());
    // a tag pushed with commits is no branch's work either
    ObjectNode tag = edited("push", b -> b.put("ref", "refs/tags/v1.0"));
    assertEquals(List.of(), map("push", tag).events());
  }

  @Test
  void trapAWorkflowRunWithAnEmptyNameTakesTheWorkflows() {
    ObjectNode run = fixture("workflow_run.completed");
    assertEquals("", run.at("/workflow_run/name").asText());
    CanonicalEvent e = one("workflow_run", run);
    assertEquals("ci:octo-org/octo-repo:289782451", e.id());
    JsonNode d = data(e);
    assertEquals("test", d.get("workflow").asText());
    assertEquals("success", d.get("conclusion").asText());
    assertEquals("2020-10-05T16:33:49Z", d.get("completedAt").asText());
    assertEquals("3484a3fb816e0859fd6e1cea078d76385ff50625", d.get("headSha").asText());
    assertEquals("master", d.get("branch").asText());
    // a run still going is not read; GitHub's extra conclusions map to the contract's
    assertTrue(
        map("workflow_run", edited("workflow_run.completed", b -> b.put("action", "in_progress")))
            .isIgnored());
    ObjectNode startup =
        edited(
            "workflow_run.completed",
            b -> ((ObjectNode) b.get("workflow_run")).put("conclusion", "startup_failure"));
    assertEquals("failure", data(one("workflow_run", startup)).get("conclusion").asText());
  }

  @Test
  void aCompletedCheckSuiteOfAnotherApp() {
    CanonicalEvent e = one("check_suite", fixture("check_suite.completed"));
    assertEquals("ci:Codertocat/Hello-World:suite-118578147", e.id());
    JsonNode d = data(e);
    assertEquals("octocoders-linter", d.get("workflow").asText());
    assertEquals("[2]", d.get("prNumbers").toString());
    assertEquals("2019-05-15T15:20:31Z", d.get("startedAt").asText());
    assertEquals("2019-05-15T15:21:14Z", d.get("completedAt").asText());
    // GitHub Actions opens a suite for each workflow run: that run is counted once, as the run
    ObjectNode actions =
        edited(
            "check_suite.completed",
            b -> ((ObjectNode) b.at("/check_suite/app")).put("slug", "github-actions"));
    assertTrue(map("check_suite", actions).isIgnored());
  }

  @Test
  void aSuccessfulDeploymentStatusFinishesTheDeployment() {
    // created, the deployment has not run yet
    Mapping created = map("deployment", fixture("deployment.created"));
    assertFalse(created.isIgnored());
    assertEquals(List.of(), created.events());
    CanonicalEvent e = one("deployment_status", fixture("deployment_status.created"));
    assertEquals("deploy:hello-api:145988746", e.id());
    JsonNode d = data(e);
    assertEquals("hello-api", d.get("service").asText());
    assertEquals("production", d.get("environment").asText());
    assertEquals("success", d.get("status").asText());
    assertEquals("2019-05-15T15:20:55Z", d.get("finishedAt").asText());
    assertEquals("2019-05-15T15:20:53Z", d.get("startedAt").asText());
    assertEquals("f95f852bd8fca8fcc58a9a2d6c842781e32a215e", d.get("sha").asText());
    ObjectNode error =
        edited(
            "deployment_status.created",
            b -> ((ObjectNode) b.get("deployment_status")).put("state", "error"));
    assertEquals("failure", data(one("deployment_status", error)).get("status").asText());
  }

  @Test
  void trapAQueuedOrInProgressDeploymentStatusIsNotADeployment() {
    for (String state : List.of("queued", "pending", "in_progress", "inactive")) {
      ObjectNode status =
          edited(
              "deployment_status.created",
              b -> ((ObjectNode) b.get("deployment_status")).put("state", state));
      assertEquals(List.of(), map("deployment_status", status).events(), state);
    }
  }

  @Test
  void aRepositoryNoServiceListsDeploysUnderItsOwnName() {
    ObjectNode other =
        edited(
            "deployment_status.created",
            b -> ((ObjectNode) b.get("repository")).put("full_name", "acme/shop"));
    assertEquals("deploy:shop:145988746", one("deployment_status", other).id());
  }

  @Test
  void anIssueIsAnIncidentOnlyWithAnIncidentLabel() {
    // GitHub's example is labelled bug: no incident
    assertEquals(List.of(), map("issues", fixture("issues.opened")).events());
    ObjectNode incident =
        edited(
            "issues.labeled",
            b ->
                ((com.fasterxml.jackson.databind.node.ArrayNode) b.at("/issue/labels"))
                    .addObject()
                    .put("name", "Incident"));
    CanonicalEvent opened = one("issues", incident);
    assertEquals("incident:Codertocat/Hello-World#1:opened", opened.id());
    assertEquals("hello-api", data(opened).get("service").asText());
    assertEquals("2019-05-15T15:20:18Z", data(opened).get("at").asText());
    assertEquals("Spelling error in the README file", data(opened).get("title").asText());
    // closed: resolved at its closing time (the opening is the same event again)
    ObjectNode closed = incident.deepCopy();
    closed.put("action", "closed");
    ((ObjectNode) closed.get("issue"))
        .put("state", "closed")
        .put("closed_at", "2019-05-16T08:00:00Z");
    List<CanonicalEvent> events = map("issues", closed).events();
    assertEquals(2, events.size());
    assertEquals(opened, events.get(0));
    assertEquals("incident:Codertocat/Hello-World#1:resolved", events.get(1).id());
    assertEquals("2019-05-16T08:00:00Z", data(events.get(1)).get("at").asText());
  }

  @Test
  void payloadsThatBreakGitHubsShapeAreRefusedNamingTheField() {
    assertEquals(
        "body: malformed JSON at line 1, column 12",
        assertThrows(
                UnmappablePayload.class,
                () ->
                    mapper.map(
                        new RawPayload(
                            "github-webhook",
                            RawPayload.WEBHOOK,
                            "push",
                            "x",
                            Map.of(),
                            "{\"ref\": 12,",
                            Instant.EPOCH)))
            .getMessage());
    ObjectNode textNumber =
        edited("pull_request.opened", b -> ((ObjectNode) b.get("pull_request")).put("number", "2"));
    assertEquals(
        "pull_request.number: must be a whole number",
        assertThrows(UnmappablePayload.class, () -> map("pull_request", textNumber)).getMessage());
    ObjectNode noTime =
        edited(
            "pull_request.opened", b -> ((ObjectNode) b.get("pull_request")).remove("created_at"));
    assertEquals(
        "pull_request.created_at: missing",
        assertThrows(UnmappablePayload.class, () -> map("pull_request", noTime)).getMessage());
    ObjectNode badTime =
        edited(
            "pull_request.opened",
            b -> ((ObjectNode) b.get("pull_request")).put("created_at", "yesterday"));
    assertTrue(
        assertThrows(UnmappablePayload.class, () -> map("pull_request", badTime))
            .getMessage()
            .startsWith("pull_request.created_at: not an ISO-8601 time"));
    // a title longer than the contract allows is cut, not refused
    ObjectNode longTitle =
        edited(
            "pull_request.opened",
            b -> ((ObjectNode) b.get("pull_request")).put("title", "t".repeat(5_000)));
    assertEquals(1_000, data(one("pull_request", longTitle)).get("title").asText().length());
  }

  @Test
  void aWebhookAndARestItemOfTheSamePullRequestGiveTheSameEvent() {
    // the REST API answers GET /repos/{o}/{r}/pulls/{n} with the object a webhook nests
    ObjectNode delivery = fixture("pull_request.opened");
    CanonicalEvent viaWebhook = one("pull_request", delivery);
    // the backfill's page of that pull request, as it keeps and maps it
    CanonicalEvent viaRest =
        new GitHubPageMapper(new EventCodec(), new GitHubSettings(Set.of(), Map.of()))
            .map(
                new RawPayload(
                    "github-1",
                    RawPayload.PAGE,
                    "GET /repos/Codertocat/Hello-World/pulls/2",
                    null,
                    Map.of(),
                    delivery.get("pull_request").toString(),
                    Instant.EPOCH))
            .events()
            .get(0);
    // one fact, one payload: only the source says which way it came
    assertEquals(viaWebhook.id(), viaRest.id());
    assertEquals(viaWebhook.occurredAt(), viaRest.occurredAt());
    assertEquals(viaWebhook.dataTree(), viaRest.dataTree());
    assertEquals("github-api", viaRest.source());
  }
}
