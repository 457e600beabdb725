package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.CanonicalEvents.Review;
import io.podometer.connectors.simulate.PullRequestFlow.PlannedReview;
import io.podometer.connectors.simulate.PullRequestFlow.Timing;
import java.util.List;
import java.util.TreeSet;

/**
 * Puts a planned pull request on the timeline: its commits (parents read when they land), pushes
 * and CI runs, opened/ready/updated, reviews, and the merge commit on the default branch with
 * {@code pr.merged}, or {@code pr.closed}.
 */
final class PullRequestEvents {
  private static final String WORKFLOW = "ci";
  private static final String LINT = "lint";
  private static final String CODE_SCANNING = "codeql";

  /**
   * @param openLabels labels when opened; the rest of {@code pr.labels} arrive at {@code labelAt}
   *     (ignored when negative)
   * @param lineNotes per commit: whether line-level attribution arrives for it
   */
  record Plan(
      PullRequest pr,
      Timing timing,
      List<String> openLabels,
      long labelAt,
      Author mergedBy,
      boolean[] lineNotes) {}

  private final Timeline timeline;
  private final Sequences sequences;

  PullRequestEvents(Timeline timeline, Sequences sequences) {
    this.timeline = timeline;
    this.sequences = sequences;
  }

  void schedule(Plan plan, Rng r) {
    PullRequest pr = plan.pr();
    Timing t = plan.timing();
    Repo repo = pr.repo;
    TreeSet<Long> updates = new TreeSet<>();
    for (int i = 0; i < pr.commits.size(); i++) {
      Change c = pr.commits.get(i);
      String parent = i == 0 ? null : pr.commits.get(i - 1).sha();
      timeline.at(
          c.at(),
          () ->
              CanonicalEvents.commit(
                  repo, c, List.of(parent == null ? repo.head() : parent), c.author()));
      if (plan.lineNotes()[i]) {
        long noted = c.at() + r.between(30, 900);
        double share = r.uniform(0.55, 0.95);
        timeline.at(
            noted,
            () ->
                CanonicalEvents.attribution(
                    repo, c, noted, "claude_code", "claude-sonnet-4-5", share));
      }
      if (i >= t.preOpen()) {
        long pushed = unique(updates, c.at() + 20);
        timeline.at(
            pushed,
            () ->
                CanonicalEvents.prUpdated(
                    pr, pushed, "synchronize", c.author().login(), null, c.sha(), null));
        ci(r, repo, c.sha(), pushed + 10, pr.headBranch, pr.number);
      }
    }
    // some authors open with a placeholder title and fix it once the description is written
    String openTitle = pr.author.human() && r.chance(0.12) ? "WIP: " + pr.title : pr.title;
    ci(r, repo, pr.commits.get(t.preOpen() - 1).sha(), t.openedAt() + 20, pr.headBranch, pr.number);
    timeline.at(
        t.openedAt(),
        () -> CanonicalEvents.prOpened(pr, t.openedAt(), openTitle, t.draft(), plan.openLabels()));
    if (!openTitle.equals(pr.title)) {
      long edited = unique(updates, t.openedAt() + r.between(60, 2 * Times.HOUR));
      timeline.at(
          edited,
          () ->
              CanonicalEvents.prUpdated(pr, edited, "edited", pr.author.login(), null, null, null));
    }
    if (plan.labelAt() >= 0) {
      long labelled = unique(updates, plan.labelAt());
      timeline.at(
          labelled,
          () ->
              CanonicalEvents.prUpdated(
                  pr, labelled, "labeled", pr.author.login(), pr.labels, null, null));
    }
    if (t.draft()) {
      timeline.at(t.readyAt(), () -> CanonicalEvents.prReady(pr, t.readyAt()));
    }
    if (t.requestAt() >= 0) {
      long requested = unique(updates, t.requestAt());
      String reviewer = t.reviews().get(0).reviewer();
      timeline.at(
          requested,
          () ->
              CanonicalEvents.prUpdated(
                  pr, requested, "review_requested", pr.author.login(), null, null, reviewer));
    }
    for (PlannedReview review : t.reviews()) {
      timeline.at(
          review.at(),
          () ->
              CanonicalEvents.review(
                  pr,
                  new Review(sequences.review(), review.reviewer(), review.state(), review.at())));
    }
    if (t.merged()) {
      merge(r, plan, t.end());
    } else {
      timeline.at(t.end(), () -> CanonicalEvents.prClosed(pr, t.end(), pr.author.login()));
    }
  }

  private void merge(Rng r, Plan plan, long at) {
    PullRequest pr = plan.pr();
    Repo repo = pr.repo;
    String head = pr.commits.get(pr.commits.size() - 1).sha();
    Change merge =
        new Change(
            pr.mergeSha,
            plan.mergedBy(),
            at,
            "Merge pull request #"
                + pr.number
                + " from "
                + repo.name.substring(0, repo.name.indexOf('/') + 1)
                + pr.headBranch
                + "\n\n"
                + pr.title,
            List.of(),
            List.of(),
            Repo.DEFAULT_BRANCH,
            pr.number);
    timeline.at(
        at,
        () -> {
          String parent = repo.head();
          repo.advance(pr.mergeSha);
          repo.merged(new Repo.Merged(pr.number, pr.title, pr.mergeSha, pr.files(), at));
          return CanonicalEvents.commit(repo, merge, List.of(parent, head), Author.GITHUB);
        });
    timeline.at(at, () -> CanonicalEvents.prMerged(pr, at, plan.mergedBy()));
    ci(r, repo, pr.mergeSha, at + 15, Repo.DEFAULT_BRANCH, null);
  }

  /**
   * The CI runs a push starts at {@code startedAt}: build and code scanning everywhere, lint on
   * pull request branches; each occurs when it completes.
   */
  void ci(Rng r, Repo repo, String sha, long startedAt, String branch, Integer prNumber) {
    run(r, repo, WORKFLOW, 8 * Times.MINUTE, sha, startedAt, branch, prNumber);
    run(r, repo, CODE_SCANNING, 5 * Times.MINUTE, sha, startedAt, branch, prNumber);
    if (!Repo.DEFAULT_BRANCH.equals(branch)) {
      run(r, repo, LINT, 2 * Times.MINUTE, sha, startedAt, branch, prNumber);
    }
  }

  private void run(
      Rng r,
      Repo repo,
      String workflow,
      long typicalSeconds,
      String sha,
      long startedAt,
      String branch,
      Integer prNumber) {
    long completedAt = startedAt + r.duration(typicalSeconds, 0.5, 30, Times.HOUR);
    String conclusion =
        switch (r.weighted(0.88, 0.09, 0.03)) {
          case 0 -> "success";
          case 1 -> "failure";
          default -> "cancelled";
        };
    timeline.at(
        completedAt,
        () ->
            CanonicalEvents.ciRun(
                repo,
                sequences.run(),
                workflow,
                conclusion,
                startedAt,
                completedAt,
                sha,
                branch,
                prNumber));
  }

  private static long unique(TreeSet<Long> taken, long at) {
    while (!taken.add(at)) {
      at++;
    }
    return at;
  }
}
