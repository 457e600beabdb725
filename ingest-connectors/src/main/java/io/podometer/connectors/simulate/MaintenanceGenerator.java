package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Change.FileChange;
import io.podometer.connectors.simulate.ChangeFactory.Marks;
import io.podometer.connectors.simulate.Org.Member;
import io.podometer.connectors.simulate.Org.Stack;
import io.podometer.connectors.simulate.PullRequestFlow.Profile;
import io.podometer.connectors.simulate.PullRequestFlow.Timing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The work around the features, per repository: Dependabot bumps (an ignored bot), reverts of
 * recent merges (as pull requests, now and then straight on the default branch), and commits pushed
 * to the default branch without a pull request, a few of them by an agent.
 */
final class MaintenanceGenerator {
  private static final long STREAM = 0x4d4e54L;

  private final Workplace w;

  MaintenanceGenerator(Workplace w) {
    this.w = w;
  }

  void planDay(LocalDate day) {
    if (SimulatedRange.weekend(day)) {
      return;
    }
    Rng r = Rng.of(w.seed, STREAM, day.toEpochDay());
    boolean monday = day.getDayOfWeek() == java.time.DayOfWeek.MONDAY;
    for (Repo repo : w.repos()) {
      if (monday && r.chance(0.5)) {
        dependencyBump(r, repo, day);
      }
      if (r.chance(0.04)) {
        directCommit(r, repo, day);
      }
      List<Repo.Merged> recent = repo.recentMerges();
      if (!recent.isEmpty() && r.chance(0.012)) {
        revertPr(r, repo, day, r.pick(recent));
      } else if (!recent.isEmpty() && r.chance(0.004)) {
        revertCommit(r, repo, day, r.pick(recent));
      }
    }
  }

  private void dependencyBump(Rng r, Repo repo, LocalDate day) {
    String dependency = dependency(repo.service.stack());
    int minor = r.between(1, 30);
    String from = "2." + minor + "." + r.between(0, 4);
    String to = "2." + minor + "." + r.between(5, 9);
    String subject = "Bump " + dependency + " from " + from + " to " + to;
    List<FileChange> files = manifest(r, repo.service.stack());
    int number = repo.nextNumber();
    String branch =
        "dependabot/"
            + ecosystem(repo.service.stack())
            + "/"
            + ChangeFactory.slug(dependency)
            + "-"
            + to;
    long start = Times.start(day) + r.between(5 * Times.HOUR, 7 * Times.HOUR);
    Timing t =
        PullRequestFlow.plan(
            r, start, 1, 0, Profile.DEPENDENCY, w.reviewers(r, repo.service.pod(), day, null));
    String message =
        ChangeFactory.message(
            subject, "Bumps " + dependency + " from " + from + " to " + to + ".", Marks.NONE);
    Change c =
        new Change(r.sha(), Author.DEPENDABOT, start, message, List.of(), files, branch, number);
    String approver = t.approver();
    Member merger =
        approver != null ? w.member(approver) : w.org.engineersOn(repo.service.pod(), day).get(0);
    PullRequest pr =
        new PullRequest(
            repo,
            number,
            Author.DEPENDABOT,
            subject,
            branch,
            message.substring(subject.length() + 2),
            List.of("dependencies"),
            List.of(c),
            r.sha());
    w.pullRequests.schedule(
        new PullRequestEvents.Plan(pr, t, pr.labels, -1, Author.of(merger), new boolean[1]), r);
  }

  private void revertPr(Rng r, Repo repo, LocalDate day, Repo.Merged target) {
    Member m = r.pick(w.org.engineersOn(repo.service.pod(), day));
    int number = repo.nextNumber();
    String subject = "Revert \"" + target.title() + "\"";
    String because = "This reverts commit " + target.mergeSha() + ".";
    String branch = "revert-" + target.number() + "-" + ChangeFactory.slug(target.title());
    long start = Times.start(day) + r.between(8 * Times.HOUR, 18 * Times.HOUR);
    Timing t =
        PullRequestFlow.plan(
            r, start, 1, 0, Profile.REVERT, w.reviewers(r, repo.service.pod(), day, m.github()));
    Author author = Author.of(m);
    Change c =
        new Change(
            r.sha(),
            author,
            start,
            ChangeFactory.message(subject, because, Marks.NONE),
            List.of(),
            ChangeFactory.reverted(target.files()),
            branch,
            number);
    PullRequest pr =
        new PullRequest(
            repo,
            number,
            author,
            subject,
            branch,
            "Reverts " + repo.name + "#" + target.number() + "\n\n" + because,
            List.of(),
            List.of(c),
            r.sha());
    w.pullRequests.schedule(
        new PullRequestEvents.Plan(pr, t, List.of(), -1, author, new boolean[1]), r);
  }

  private void revertCommit(Rng r, Repo repo, LocalDate day, Repo.Merged target) {
    Member m = r.pick(w.org.engineersOn(repo.service.pod(), day));
    String message =
        ChangeFactory.message(
            "Revert \"" + target.title() + "\"",
            "This reverts commit " + target.mergeSha() + ".",
            Marks.NONE);
    long at = Times.start(day) + r.between(8 * Times.HOUR, 19 * Times.HOUR);
    onDefaultBranch(
        r,
        repo,
        new Change(
            r.sha(),
            Author.of(m),
            at,
            message,
            List.of(),
            ChangeFactory.reverted(target.files()),
            Repo.DEFAULT_BRANCH,
            null));
  }

  private void directCommit(Rng r, Repo repo, LocalDate day) {
    long at = Times.start(day) + r.between(7 * Times.HOUR, 20 * Times.HOUR);
    Author author;
    Marks marks;
    // only a pod taking security shortcuts lets agents' work reach the default branch unreviewed
    boolean shortcuts =
        w.org.pod(repo.service.pod()).traits().securityShortcuts() && Stories.on(w.range, day);
    boolean agent = r.chance(0.08);
    if (agent && shortcuts) {
      author = Author.COPILOT_AGENT;
      marks = Marks.NONE;
    } else {
      Member m = r.pick(w.org.engineersOn(repo.service.pod(), day));
      author = Author.of(m);
      Marks drawn = ChangeFactory.marks(r, w.plan.day(m, day));
      marks = shortcuts ? drawn : Marks.NONE;
    }
    List<FileChange> files = ChangeFactory.split(r, repo, 1, 12, 0.1).get(0);
    String subject = r.chance(0.3) ? "Fix typo in README" : ChangeFactory.subject(r);
    if (subject.startsWith("Fix typo")) {
      files = List.of(new FileChange("README.md", r.between(1, 3), r.between(1, 3)));
    }
    onDefaultBranch(
        r,
        repo,
        new Change(
            r.sha(),
            author,
            at,
            ChangeFactory.message(subject, null, marks),
            marks.trailers(),
            files,
            Repo.DEFAULT_BRANCH,
            null));
  }

  private void onDefaultBranch(Rng r, Repo repo, Change c) {
    w.timeline.at(
        c.at(),
        () -> {
          String parent = repo.head();
          repo.advance(c.sha());
          return CanonicalEvents.commit(repo, c, List.of(parent), c.author());
        });
    w.pullRequests.ci(r, repo, c.sha(), c.at() + 15, Repo.DEFAULT_BRANCH, null);
  }

  private static String dependency(Stack stack) {
    return switch (stack) {
      case JAVA -> "com.fasterxml.jackson.core:jackson-databind";
      case PYTHON -> "requests";
      case TYPESCRIPT -> "axios";
      case GO -> "golang.org/x/net";
    };
  }

  private static String ecosystem(Stack stack) {
    return switch (stack) {
      case JAVA -> "maven";
      case PYTHON -> "pip";
      case TYPESCRIPT -> "npm_and_yarn";
      case GO -> "go_modules";
    };
  }

  private static List<FileChange> manifest(Rng r, Stack stack) {
    List<FileChange> files = new ArrayList<>();
    switch (stack) {
      case JAVA -> files.add(new FileChange("pom.xml", 1, 1));
      case PYTHON -> files.add(new FileChange("requirements.txt", 1, 1));
      case TYPESCRIPT -> {
        files.add(new FileChange("package.json", 1, 1));
        int lock = r.between(8, 60);
        files.add(new FileChange("package-lock.json", lock, lock - r.between(0, 4)));
      }
      case GO -> {
        files.add(new FileChange("go.mod", 1, 1));
        files.add(new FileChange("go.sum", 2, 2));
      }
    }
    return files;
  }
}
