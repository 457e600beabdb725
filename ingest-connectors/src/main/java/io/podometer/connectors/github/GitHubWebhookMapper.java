package io.podometer.connectors.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.connectors.source.Mapping;
import io.podometer.connectors.source.PayloadMapper;
import io.podometer.connectors.source.RawPayload;
import io.podometer.connectors.source.UnmappablePayload;
import io.podometer.engine.event.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A GitHub webhook delivery (its {@code X-GitHub-Event} name and JSON body) as canonical events:
 * {@code pull_request}, {@code pull_request_review}, {@code push}, {@code workflow_run}, {@code
 * check_suite}, {@code deployment} and {@code deployment_status}, {@code issues}. Any other event
 * or action is ignored, saying which.
 */
public final class GitHubWebhookMapper implements PayloadMapper {

  public static final String SOURCE = "github";

  /** The name GitHub gives the event header; a delivery is kept under it. */
  public static final String EVENT_HEADER = "x-github-event";

  private static final Set<String> PR_UPDATES =
      Set.of(
          "reopened",
          "edited",
          "labeled",
          "unlabeled",
          "converted_to_draft",
          "synchronize",
          "review_requested");

  private static final ObjectMapper JSON = EventCodec.mapper();

  private final PullRequestEvents pullRequests;
  private final ReviewEvents reviews;
  private final PushEvents pushes;
  private final RunEvents runs;
  private final DeploymentEvents deployments;
  private final IssueEvents issues;

  public GitHubWebhookMapper(EventCodec codec, GitHubSettings settings) {
    CanonicalEventBuilder events = new CanonicalEventBuilder(codec, SOURCE);
    this.pullRequests = new PullRequestEvents(events);
    this.reviews = new ReviewEvents(events);
    this.pushes = new PushEvents(events);
    this.runs = new RunEvents(events);
    this.deployments = new DeploymentEvents(events, settings);
    this.issues = new IssueEvents(events, settings);
  }

  @Override
  public Mapping map(RawPayload payload) {
    GitHubObject root = GitHubObject.root(parse(payload.body()));
    String event = payload.name();
    String action = root.optionalText("action");
    return switch (event) {
      case "pull_request" -> pullRequest(root, action);
      case "pull_request_review" -> review(root, action);
      case "push" -> Mapping.of(pushes.commits(repo(root), root));
      case "workflow_run" ->
          "completed".equals(action)
              ? Mapping.of(
                  List.of(
                      runs.workflowRun(
                          repo(root),
                          root.requiredObject("workflow_run"),
                          root.object("workflow"))))
              : ignored(event, action);
      case "check_suite" -> checkSuite(root, action);
      // a deployment is created before it runs: its final status says how it ended
      case "deployment" -> Mapping.of(List.of());
      case "deployment_status" ->
          Mapping.of(
              deployments
                  .finished(
                      repo(root),
                      root.requiredObject("deployment"),
                      root.requiredObject("deployment_status"))
                  .map(List::of)
                  .orElse(List.of()));
      case "issues" -> issue(root, action);
      default -> Mapping.ignored("event " + event + " is not read");
    };
  }

  private Mapping pullRequest(GitHubObject root, String action) {
    String repo = repo(root);
    GitHubObject pr = root.requiredObject("pull_request");
    String actor = root.object("sender") == null ? null : root.login("sender");
    if ("opened".equals(action)) {
      return Mapping.of(List.of(pullRequests.opened(repo, pr)));
    }
    if ("ready_for_review".equals(action)) {
      return Mapping.of(List.of(pullRequests.readyForReview(repo, pr, actor)));
    }
    if ("closed".equals(action)) {
      return Mapping.of(List.of(pullRequests.closed(repo, pr)));
    }
    if (action != null && PR_UPDATES.contains(action)) {
      String reviewer =
          root.object("requested_reviewer") == null ? null : root.login("requested_reviewer");
      return Mapping.of(List.of(pullRequests.updated(repo, pr, action, reviewer, actor)));
    }
    return ignored("pull_request", action);
  }

  private Mapping review(GitHubObject root, String action) {
    if (!"submitted".equals(action) && !"dismissed".equals(action)) {
      return ignored("pull_request_review", action);
    }
    String repo = repo(root);
    GitHubObject pr = root.requiredObject("pull_request");
    GitHubObject review = root.requiredObject("review");
    var dismissedAt =
        "dismissed".equals(action)
            ? Optional.ofNullable(pr.optionalInstant("updated_at"))
                .orElse(review.instant("submitted_at"))
            : null;
    return Mapping.of(
        reviews
            .review(repo, pr.number("number"), review, dismissedAt)
            .map(List::of)
            .orElse(List.of()));
  }

  private Mapping checkSuite(GitHubObject root, String action) {
    if (!"completed".equals(action)) {
      return ignored("check_suite", action);
    }
    GitHubObject suite = root.requiredObject("check_suite");
    // GitHub Actions opens a check suite for each workflow run: the run is the one counted
    if ("github-actions".equals(suite.optionalText("app.slug"))) {
      return Mapping.ignored("check_suite of GitHub Actions (its workflow_run is read)");
    }
    return Mapping.of(List.of(runs.checkSuite(repo(root), suite)));
  }

  private Mapping issue(GitHubObject root, String action) {
    if (!List.of("opened", "labeled", "closed", "reopened", "edited").contains(action)) {
      return ignored("issues", action);
    }
    GitHubObject issue = root.requiredObject("issue");
    // a pull request is an issue too, but its own events describe it
    if (issue.has("pull_request")) {
      return Mapping.ignored("issues event of a pull request");
    }
    return Mapping.of(new ArrayList<>(issues.incident(repo(root), issue)));
  }

  /**
   * The repository, {@code owner/name}: the delivery's {@code repository}, else the pull request's
   * base repository (deliveries of some installations leave the top-level one out).
   */
  static String repo(GitHubObject root) {
    String repo = root.optionalText("repository.full_name");
    if (repo == null) {
      repo = root.optionalText("pull_request.base.repo.full_name");
    }
    if (repo == null) {
      throw new UnmappablePayload("repository.full_name: missing");
    }
    return repo;
  }

  private static Mapping ignored(String event, String action) {
    return Mapping.ignored("action " + action + " of " + event + " is not read");
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new UnmappablePayload(
          "body: malformed JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr(),
          e);
    }
  }
}
