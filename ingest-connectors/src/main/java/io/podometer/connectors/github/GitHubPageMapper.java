package io.podometer.connectors.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.connectors.source.Mapping;
import io.podometer.connectors.source.PayloadMapper;
import io.podometer.connectors.source.RawPayload;
import io.podometer.connectors.source.UnmappablePayload;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page the REST backfill fetched, named {@code GET <path>?<query>}, as canonical events — the
 * same ids a webhook gives. A list of pull requests gives their openings and unmerged closings (the
 * list leaves out line counts: a merge comes from the single pull request); a deployment's statuses
 * are kept with the deployment they belong to ({@code {"deployment":…, "statuses":[…]}}).
 */
public final class GitHubPageMapper implements PayloadMapper {

  /**
   * The events' {@code source}: apart from the webhook's {@code github}, so that a remap of one
   * replaces only what it gave (a push and the REST API give the same commit differently).
   */
  public static final String SOURCE = "github-api";

  private static final String REPO = "/repos/([^/?]+)/([^/?]+)";
  private static final Pattern PULLS = Pattern.compile(REPO + "/pulls(?:\\?.*)?$");
  private static final Pattern PULL = Pattern.compile(REPO + "/pulls/(\\d+)(?:\\?.*)?$");
  private static final Pattern REVIEWS = Pattern.compile(REPO + "/pulls/(\\d+)/reviews(?:\\?.*)?$");
  private static final Pattern PR_COMMITS =
      Pattern.compile(REPO + "/pulls/(\\d+)/commits(?:\\?.*)?$");
  private static final Pattern COMMIT = Pattern.compile(REPO + "/commits/([0-9a-fA-F]{7,64})$");
  private static final Pattern RUNS = Pattern.compile(REPO + "/actions/runs(?:\\?.*)?$");
  private static final Pattern STATUSES =
      Pattern.compile(REPO + "/deployments/(\\d+)/statuses(?:\\?.*)?$");
  private static final Pattern ISSUES = Pattern.compile(REPO + "/issues(?:\\?.*)?$");

  private final PullRequestEvents pullRequests;
  private final ReviewEvents reviews;
  private final CommitEvents commits;
  private final RunEvents runs;
  private final DeploymentEvents deployments;
  private final IssueEvents issues;

  public GitHubPageMapper(EventCodec codec, GitHubSettings settings) {
    CanonicalEventBuilder events = new CanonicalEventBuilder(codec, SOURCE);
    this.pullRequests = new PullRequestEvents(events);
    this.reviews = new ReviewEvents(events);
    this.commits = new CommitEvents(events);
    this.runs = new RunEvents(events);
    this.deployments = new DeploymentEvents(events, settings);
    this.issues = new IssueEvents(events, settings);
  }

  @Override
  public Mapping map(RawPayload page) {
    String name = page.name();
    if (!name.startsWith("GET ")) {
      return Mapping.ignored("not a fetched page: " + name);
    }
    String path = name.substring(4);
    Matcher m;
    if ((m = PULLS.matcher(path)).find()) {
      return Mapping.of(pullRequestList(repo(m), items(page)));
    }
    if ((m = PULL.matcher(path)).find()) {
      GitHubObject pr = new GitHubObject(body(page), "");
      List<CanonicalEvent> events = new ArrayList<>();
      events.add(pullRequests.opened(repo(m), pr));
      if (pr.has("closed_at")) {
        events.add(pullRequests.closed(repo(m), pr));
      }
      return Mapping.of(events);
    }
    if ((m = REVIEWS.matcher(path)).find()) {
      long number = Long.parseLong(m.group(3));
      List<CanonicalEvent> events = new ArrayList<>();
      for (GitHubObject review : items(page)) {
        // the REST API shows a dismissed review with its state; its moment is its submission
        reviews.review(repo(m), number, review, null).ifPresent(events::add);
      }
      return Mapping.of(events);
    }
    if ((m = PR_COMMITS.matcher(path)).find()) {
      int number = Integer.parseInt(m.group(3));
      List<CanonicalEvent> events = new ArrayList<>();
      for (GitHubObject commit : items(page)) {
        events.add(commits.commit(repo(m), commit, number));
      }
      return Mapping.of(events);
    }
    if ((m = COMMIT.matcher(path)).find()) {
      return Mapping.of(List.of(commits.commit(repo(m), new GitHubObject(body(page), ""), null)));
    }
    if ((m = RUNS.matcher(path)).find()) {
      List<CanonicalEvent> events = new ArrayList<>();
      for (GitHubObject run : new GitHubObject(body(page), "").objects("workflow_runs")) {
        if ("completed".equals(run.optionalText("status")) && run.has("conclusion")) {
          events.add(runs.workflowRun(repo(m), run, null));
        }
      }
      return Mapping.of(events);
    }
    if ((m = STATUSES.matcher(path)).find()) {
      GitHubObject kept = new GitHubObject(body(page), "");
      GitHubObject deployment = kept.requiredObject("deployment");
      String repo = repo(m);
      return Mapping.of(
          latestFinal(kept.objects("statuses"))
              .flatMap(status -> deployments.finished(repo, deployment, status))
              .map(List::of)
              .orElse(List.of()));
    }
    if ((m = ISSUES.matcher(path)).find()) {
      List<CanonicalEvent> events = new ArrayList<>();
      for (GitHubObject issue : items(page)) {
        if (!issue.has("pull_request")) {
          events.addAll(issues.incident(repo(m), issue));
        }
      }
      return Mapping.of(events);
    }
    return Mapping.ignored("no events in " + path);
  }

  private List<CanonicalEvent> pullRequestList(String repo, List<GitHubObject> prs) {
    List<CanonicalEvent> events = new ArrayList<>();
    for (GitHubObject pr : prs) {
      events.add(pullRequests.opened(repo, pr));
      if (pr.has("closed_at") && !PullRequestEvents.merged(pr)) {
        events.add(pullRequests.closed(repo, pr));
      }
    }
    return events;
  }

  /** The newest status that finished the deployment (statuses come newest first; not trusted). */
  private static java.util.Optional<GitHubObject> latestFinal(List<GitHubObject> statuses) {
    GitHubObject latest = null;
    Instant at = null;
    for (GitHubObject status : statuses) {
      String state = status.text("state");
      if (!state.equals("success") && !state.equals("failure") && !state.equals("error")) {
        continue;
      }
      Instant created = status.instant("created_at");
      if (at == null || created.isAfter(at)) {
        latest = status;
        at = created;
      }
    }
    return java.util.Optional.ofNullable(latest);
  }

  private static String repo(Matcher m) {
    return m.group(1) + "/" + m.group(2);
  }

  private static JsonNode body(RawPayload page) {
    try {
      JsonNode node = EventCodec.mapper().readTree(page.body());
      if (node == null || node.isMissingNode()) {
        throw new UnmappablePayload("body: empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new UnmappablePayload("body: malformed JSON", e);
    }
  }

  private static List<GitHubObject> items(RawPayload page) {
    JsonNode body = body(page);
    if (!body.isArray()) {
      throw new UnmappablePayload("body: must be an array of items");
    }
    List<GitHubObject> items = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      if (!body.get(i).isObject()) {
        throw new UnmappablePayload("[" + i + "]: must be an object");
      }
      items.add(new GitHubObject(body.get(i), "[" + i + "]"));
    }
    return items;
  }
}
