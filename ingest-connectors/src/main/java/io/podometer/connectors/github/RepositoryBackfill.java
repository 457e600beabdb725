package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.connectors.source.Mapping;
import io.podometer.connectors.source.RawPayload;
import io.podometer.connectors.source.Retrying;
import io.podometer.connectors.source.SourceRun;
import io.podometer.connectors.source.UnmappablePayload;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.GHDeployment;
import org.kohsuke.github.GHDirection;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestCommitDetail;
import org.kohsuke.github.GHPullRequestQueryBuilder;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHWorkflowRunQueryBuilder;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.PagedIterator;

/**
 * One repository's history: its pull requests (by update time, newest first, down to the cursor),
 * each with its reviews and commits; its workflow runs, deployments with their statuses, and its
 * incident-labelled issues. Every page is kept and mapped as fetched; a stream's cursor moves only
 * once all it read is published, so a sync stopped anywhere starts that stream again from its
 * cursor (what it publishes twice counts once: events are idempotent).
 */
final class RepositoryBackfill {

  /** Runs and deployments finish after they start: their streams look this far behind. */
  static final Duration SETTLING = Duration.ofDays(1);

  private static final int PAGE_SIZE = 100;

  /** Events stored per transaction: a page's few events wait for those of the next pages. */
  static final int BATCH = 2_000;

  private final List<CanonicalEvent> pending = new ArrayList<>();

  private final GitHub gitHub;
  private final String repo;
  private final SourceRun run;
  private final CapturedPages pages;
  private final Retrying retrying;
  private final GitHubPageMapper mapper;
  private final GitHubSettings settings;
  private final boolean commitDetails;

  RepositoryBackfill(
      GitHub gitHub,
      String repo,
      SourceRun run,
      CapturedPages pages,
      GitHubPageMapper mapper,
      GitHubSettings settings,
      boolean commitDetails) {
    this.gitHub = gitHub;
    this.repo = repo;
    this.run = run;
    this.pages = pages;
    this.retrying = run.retrying();
    this.mapper = mapper;
    this.settings = settings;
    this.commitDetails = commitDetails;
  }

  void run() throws InterruptedException {
    GHRepository repository = fetch("repository " + repo, () -> gitHub.getRepository(repo));
    publish(pages.drain());
    pullRequests(repository);
    workflowRuns(repository);
    deployments(repository);
    incidents(repository);
    flush();
  }

  /**
   * Pull requests, newest update first, down to the cursor. A long listing (a first backfill of
   * years) leaves a mark after each page — the pass's newest update and how far down it got — so a
   * pass cut short is resumed: the pull requests it had done and that did not change since are not
   * fetched again.
   */
  private void pullRequests(GHRepository repository) throws InterruptedException {
    String stream = repo + ":pulls";
    String resumeStream = stream + ":resume";
    Instant cursor = cursor(stream);
    Instant newest = cursor;
    Instant doneFrom = null;
    Instant doneTo = null;
    String resume = run.checkpoints().cursor(resumeStream).orElse("");
    if (resume.contains("|")) {
      doneTo = Instant.parse(resume.substring(0, resume.indexOf('|')));
      doneFrom = Instant.parse(resume.substring(resume.indexOf('|') + 1));
    }
    PagedIterator<GHPullRequest> list =
        repository
            .queryPullRequests()
            .state(GHIssueState.ALL)
            .sort(GHPullRequestQueryBuilder.Sort.UPDATED)
            .direction(GHDirection.DESC)
            .list()
            .withPageSize(PAGE_SIZE)
            .iterator();
    boolean more = true;
    Instant passNewest = null;
    Instant reached = null;
    while (more && fetch("pull requests of " + repo, list::hasNext)) {
      fetch("pull requests of " + repo, list::nextPage);
      List<RawPayload> fetched = pages.drain();
      publish(fetched);
      for (JsonNode pr : items(fetched)) {
        Instant updated = Instant.parse(pr.path("updated_at").asText());
        if (cursor != null && updated.isBefore(cursor)) {
          more = false;
          break;
        }
        // done by the pass that was cut short, and not updated since
        boolean done = doneTo != null && updated.isAfter(doneFrom) && !updated.isAfter(doneTo);
        if (!done) {
          pullRequest(repository, pr.path("number").asInt());
        }
        passNewest = passNewest == null || updated.isAfter(passNewest) ? updated : passNewest;
        reached = updated;
      }
      if (more && reached != null) {
        flush();
        Instant top = doneTo != null && doneTo.isAfter(passNewest) ? doneTo : passNewest;
        run.checkpoints().save(resumeStream, top + "|" + reached);
      }
    }
    if (passNewest != null) {
      newest = newest == null || passNewest.isAfter(newest) ? passNewest : newest;
    }
    save(stream, newest);
    if ((!resume.isEmpty() || reached != null) && !run.progress().cancelled()) {
      // the pass is complete: the cursor says it all
      run.checkpoints().save(resumeStream, "");
    }
  }

  private void pullRequest(GHRepository repository, int number) throws InterruptedException {
    String what = "pull request " + repo + "#" + number;
    GHPullRequest pr = fetch(what, () -> repository.getPullRequest(number));
    fetch("reviews of " + what, () -> pr.listReviews().withPageSize(PAGE_SIZE).toList());
    List<GHPullRequestCommitDetail> commits =
        fetch("commits of " + what, () -> pr.listCommits().withPageSize(PAGE_SIZE).toList());
    publish(pages.drain());
    if (commitDetails) {
      for (GHPullRequestCommitDetail commit : commits) {
        String sha = commit.getSha();
        fetch("commit " + sha + " of " + repo, () -> repository.getCommit(sha));
        publish(pages.drain());
      }
    }
  }

  private void workflowRuns(GHRepository repository) throws InterruptedException {
    String stream = repo + ":runs";
    Instant cursor = cursor(stream);
    GHWorkflowRunQueryBuilder query = repository.queryWorkflowRuns();
    if (cursor != null) {
      query.created(">=" + LocalDate.ofInstant(cursor.minus(SETTLING), ZoneOffset.UTC));
    }
    var list = query.list().withPageSize(PAGE_SIZE).iterator();
    Instant newest = cursor;
    Instant unfinished = null;
    while (fetch("workflow runs of " + repo, list::hasNext)) {
      fetch("workflow runs of " + repo, list::nextPage);
      List<RawPayload> fetched = pages.drain();
      publish(fetched);
      for (RawPayload page : fetched) {
        for (JsonNode runNode : json(page).path("workflow_runs")) {
          Instant created = Instant.parse(runNode.path("created_at").asText());
          newest = newest == null || created.isAfter(newest) ? created : newest;
          if (!"completed".equals(runNode.path("status").asText())) {
            unfinished = unfinished == null || created.isBefore(unfinished) ? created : unfinished;
          }
        }
      }
    }
    save(stream, unfinished != null ? unfinished : newest);
  }

  private void deployments(GHRepository repository) throws InterruptedException {
    String stream = repo + ":deployments";
    Instant cursor = cursor(stream);
    PagedIterator<GHDeployment> list =
        repository.listDeployments(null, null, null, null).withPageSize(PAGE_SIZE).iterator();
    Instant newest = cursor;
    Instant unfinished = null;
    boolean more = true;
    while (more && fetch("deployments of " + repo, list::hasNext)) {
      List<GHDeployment> page = fetch("deployments of " + repo, list::nextPage);
      Map<Long, JsonNode> byId = new HashMap<>();
      for (JsonNode deployment : items(pages.drain())) {
        byId.put(deployment.path("id").asLong(), deployment);
      }
      for (GHDeployment deployment : page) {
        JsonNode json = byId.get(deployment.getId());
        if (json == null) {
          continue;
        }
        Instant created = Instant.parse(json.path("created_at").asText());
        if (cursor != null && created.isBefore(cursor.minus(SETTLING))) {
          more = false;
          break;
        }
        fetch(
            "statuses of deployment " + deployment.getId(),
            () -> deployment.listStatuses().withPageSize(PAGE_SIZE).toList());
        boolean finished = false;
        for (RawPayload statuses : pages.drain()) {
          RawPayload kept = withDeployment(statuses, json);
          finished |= !mapped(kept).isEmpty();
          publish(List.of(kept));
        }
        newest = newest == null || created.isAfter(newest) ? created : newest;
        if (!finished) {
          unfinished = unfinished == null || created.isBefore(unfinished) ? created : unfinished;
        }
      }
    }
    save(stream, unfinished != null ? unfinished : newest);
  }

  private void incidents(GHRepository repository) throws InterruptedException {
    String stream = repo + ":incidents";
    Instant cursor = cursor(stream);
    Instant newest = cursor;
    for (String label : settings.incidentLabels()) {
      var query = repository.queryIssues().state(GHIssueState.ALL).label(label).pageSize(PAGE_SIZE);
      if (cursor != null) {
        query.since(Date.from(cursor));
      }
      var list = query.list().iterator();
      while (fetch("issues of " + repo, list::hasNext)) {
        fetch("issues of " + repo, list::nextPage);
        List<RawPayload> fetched = pages.drain();
        publish(fetched);
        for (JsonNode issue : items(fetched)) {
          Instant updated = Instant.parse(issue.path("updated_at").asText());
          newest = newest == null || updated.isAfter(newest) ? updated : newest;
        }
      }
    }
    save(stream, newest);
  }

  /** A statuses page kept with its deployment, as the mapper reads it. */
  private static RawPayload withDeployment(RawPayload statuses, JsonNode deployment) {
    ObjectNode kept = CanonicalEventBuilder.data();
    kept.set("deployment", deployment);
    kept.set(
        "statuses",
        json(statuses).isArray() ? json(statuses) : EventCodec.mapper().createArrayNode());
    return new RawPayload(
        statuses.source(),
        statuses.kind(),
        statuses.name(),
        null,
        statuses.headers(),
        kept.toString(),
        statuses.receivedAt());
  }

  private <T> T fetch(String what, GitHubErrors.Call<T> call) throws InterruptedException {
    if (run.progress().cancelled() || Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("the sync was stopped");
    }
    return retrying.call(what, () -> GitHubErrors.call(what, call));
  }

  private List<CanonicalEvent> mapped(RawPayload page) {
    try {
      Mapping mapping = mapper.map(page);
      return mapping.events();
    } catch (UnmappablePayload e) {
      return List.of();
    }
  }

  /**
   * Keeps each page that gives events (or cannot be mapped, for a later remap); their events are
   * stored in batches, all of them before a cursor moves.
   */
  private void publish(List<RawPayload> fetched) {
    List<CanonicalEvent> events = pending;
    for (RawPayload page : fetched) {
      Mapping mapping;
      try {
        mapping = mapper.map(page);
      } catch (UnmappablePayload e) {
        run.payloads().keep(page);
        run.progress().error(page.name() + ": " + e.getMessage());
        continue;
      }
      if (mapping.isIgnored()) {
        continue;
      }
      run.payloads().keep(page);
      events.addAll(mapping.events());
    }
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  private void flush() {
    if (!pending.isEmpty()) {
      run.sink().publish(List.copyOf(pending)).toCompletableFuture().join();
      run.progress().done(pending.size());
      pending.clear();
    }
  }

  private Instant cursor(String stream) {
    return run.checkpoints().cursor(stream).map(Instant::parse).orElse(null);
  }

  private void save(String stream, Instant cursor) {
    flush();
    if (cursor != null && !run.progress().cancelled()) {
      run.checkpoints().save(stream, cursor.toString());
    }
  }

  private static List<JsonNode> items(List<RawPayload> fetched) {
    List<JsonNode> items = new ArrayList<>();
    for (RawPayload page : fetched) {
      json(page).forEach(items::add);
    }
    return items;
  }

  private static JsonNode json(RawPayload page) {
    try {
      return EventCodec.mapper().readTree(page.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UnmappablePayload(page.name() + ": malformed JSON", e);
    }
  }
}
