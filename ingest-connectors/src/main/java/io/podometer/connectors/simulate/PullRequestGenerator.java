package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Change.FileChange;
import io.podometer.connectors.simulate.Change.Trailer;
import io.podometer.connectors.simulate.ChangeFactory.Marks;
import io.podometer.connectors.simulate.Org.Bet;
import io.podometer.connectors.simulate.Org.Member;
import io.podometer.connectors.simulate.Org.Pod;
import io.podometer.connectors.simulate.Org.Tool;
import io.podometer.connectors.simulate.PullRequestFlow.PlannedReview;
import io.podometer.connectors.simulate.PullRequestFlow.Profile;
import io.podometer.connectors.simulate.PullRequestFlow.Timing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the pull requests engineers and agents open each day: about 2.7 merged per engineer-week,
 * more on days with agent help and in pilot pods; some linked to the pod's bets; agent-authored
 * ones (Copilot coding agent, Devin) assigned by a pod member; hotfixes after incidents.
 */
final class PullRequestGenerator {
  private static final long STREAM = 0x505247L;
  private static final long HOTFIX = 0x484658L;
  private static final double[] COMMIT_WEIGHTS = {0.4, 0.27, 0.15, 0.1, 0.05, 0.03};

  /** Hears when a hotfix merges, so a deployment can carry it out. */
  interface HotfixMerged {
    void merged(Repo repo, long at);
  }

  private final Workplace w;
  private final HotfixMerged hotfixMerged;

  PullRequestGenerator(Workplace w, HotfixMerged hotfixMerged) {
    this.w = w;
    this.hotfixMerged = hotfixMerged;
  }

  void planDay(LocalDate day) {
    Rng r = Rng.of(w.seed, STREAM, day.toEpochDay());
    boolean weekend = SimulatedRange.weekend(day);
    for (Member m : w.org.members) {
      if (!m.engineer()) {
        continue;
      }
      int bits = w.plan.day(m, day);
      if (!UsagePlan.present(bits)) {
        continue;
      }
      Org.Traits traits = w.plan.podOn(m, day).traits();
      double lambda =
          (weekend ? 0.2 : 0.5)
              * m.habits().prRate()
              * (UsagePlan.usesAny(bits) ? 1.2 : 1.0)
              // a pilot changes how the pod works, not only its tools
              * (w.plan.inPilot(m, day) ? 1.5 : 1.0)
              // a pod gaming its figures slices its work into many small PRs
              * (traits.metricsGaming() && Stories.on(w.range, day) ? 1.8 : 1.0)
              // meetings eat into the time of a pod whose meetings creep
              * (traits.meetingCreep() && w.range.weeksToEnd(day) < 10 ? 0.75 : 1.0);
      for (int k = r.poisson(lambda); k > 0; k--) {
        humanPr(r, m, day, bits);
      }
    }
    if (weekend) {
      return;
    }
    double elsewhere = 0.01 + 0.1 * Math.max(0, 0.5 - 0.015 * w.range.weeksToEnd(day));
    for (Pod pod : w.org.pods) {
      // a pod piling up knowledge debt hands most of its work to agents, untested
      boolean untested = pod.traits().untestedAi() && Stories.on(w.range, day);
      if (r.chance(pod.traits().pilotOn(day) ? 0.35 : untested ? 0.8 : elsewhere)) {
        agentPr(r, pod, day);
      }
    }
  }

  private void humanPr(Rng r, Member m, LocalDate day, int bits) {
    Pod pod = w.plan.podOn(m, day);
    Repo repo = w.repoOf(pod, r);
    int number = repo.nextNumber();
    long start = Times.start(day) + r.between(7 * Times.HOUR, 18 * Times.HOUR);
    int commits = 1 + r.weighted(COMMIT_WEIGHTS);
    boolean story = Stories.on(w.range, day);
    boolean gaming = pod.traits().metricsGaming() && story;
    double median = (UsagePlan.usesAny(bits) ? 95 : 70) * (gaming ? 0.4 : 1.0);
    // AI users of a pod piling up knowledge debt leave tests and docs out
    boolean untested = pod.traits().untestedAi() && story && UsagePlan.usesAny(bits);
    List<List<FileChange>> parts =
        untested
            ? ChangeFactory.split(r, repo, commits, median, 0, 0)
            : ChangeFactory.split(r, repo, commits, median, testChance(pod, bits));
    String subject = ChangeFactory.subject(r);
    String slug = ChangeFactory.slug(subject);

    List<Bet> bets = activeBets(pod, day);
    Bet bet = !bets.isEmpty() && r.chance(linkChance(pod)) ? r.pick(bets) : null;
    int link = bet == null ? -1 : r.weighted(0.55, 0.3, 0.15);
    String title = link == 2 ? "[" + bet.id() + "] " + subject : subject;
    String branch = link == 1 ? "bet/" + bet.id() + "/" + slug : m.github() + "/" + slug;
    List<String> labels = new ArrayList<>();
    if (link == 0) {
      labels.add("bet:" + bet.id());
    }
    // gamed figures label everything
    if (gaming
        || UsagePlan.uses(bits, Tool.CURSOR) && r.chance(0.6)
        || UsagePlan.uses(bits, Tool.COPILOT) && r.chance(0.08)) {
      labels.add("ai-assisted");
    }
    if (r.chance(0.012)) {
      labels.add("hotfix");
    }
    Profile profile = pod.traits().reviewBottleneck() ? Profile.BOTTLENECK : Profile.TEAM;
    Timing t =
        w.checked(
            PullRequestFlow.plan(
                r,
                start,
                commits,
                changed(parts),
                profile,
                w.reviewers(r, pod.id(), day, m.github())),
            pod,
            day,
            m,
            parts);
    Author author = Author.of(m);
    boolean[] notes = new boolean[commits];
    List<Change> changes = humanCommits(r, author, t, parts, subject, branch, number, notes);
    List<String> openLabels = labels;
    long labelAt = -1;
    if (!labels.isEmpty() && r.chance(0.3)) {
      openLabels = labels.subList(0, labels.size() - 1);
      labelAt = t.openedAt() + r.between(60, 1_800);
    }
    PullRequest pr =
        new PullRequest(repo, number, author, title, branch, null, labels, changes, r.sha());
    w.pullRequests.schedule(
        new PullRequestEvents.Plan(pr, t, openLabels, labelAt, author, notes), r);
  }

  private void agentPr(Rng r, Pod pod, LocalDate day) {
    List<Member> engineers = w.org.engineersOn(pod.id(), day);
    Member assigner = r.pick(engineers);
    Author bot = r.chance(0.7) ? Author.COPILOT_AGENT : Author.DEVIN;
    Repo repo = w.repoOf(pod, r);
    int number = repo.nextNumber();
    long start = Times.start(day) + r.between(8 * Times.HOUR, 20 * Times.HOUR);
    int commits = 1 + r.weighted(0.4, 0.3, 0.2, 0.1);
    boolean untested = pod.traits().untestedAi() && Stories.on(w.range, day);
    List<List<FileChange>> parts =
        untested
            ? ChangeFactory.split(r, repo, commits, 90, 0, 0)
            : ChangeFactory.split(r, repo, commits, 90, 0.9);
    String subject = ChangeFactory.subject(r);
    String slug = ChangeFactory.slug(subject);
    String branch = bot == Author.COPILOT_AGENT ? "copilot/" + slug : "devin/" + start + "-" + slug;
    List<Bet> bets = activeBets(pod, day);
    List<String> labels =
        !bets.isEmpty() && r.chance(linkChance(pod) - 0.05)
            ? List.of("bet:" + r.pick(bets).id())
            : List.of();
    // a pod taking security shortcuts merges its agents' PRs unreviewed; the others review them all
    Profile agentProfile =
        pod.traits().securityShortcuts() && Stories.on(w.range, day)
            ? Profile.AGENT.unreviewed(1)
            : Profile.AGENT.unreviewed(0);
    Timing t =
        w.checked(
            PullRequestFlow.plan(
                r,
                start,
                commits,
                changed(parts),
                agentProfile,
                w.reviewers(r, pod.id(), day, null)),
            pod,
            day,
            null,
            parts);
    Marks coAuthored =
        new Marks(
            List.of(new Trailer("Co-authored-by", assigner.name() + " <" + assigner.email() + ">")),
            false,
            false);
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < commits; i++) {
      String s = i == 0 ? subject : ChangeFactory.followUp(r);
      changes.add(
          new Change(
              r.sha(),
              bot,
              t.commitAt()[i],
              ChangeFactory.message(s, null, coAuthored),
              coAuthored.trailers(),
              parts.get(i),
              branch,
              number));
    }
    String approver = t.approver();
    Member merger = approver == null ? assigner : w.member(approver);
    PullRequest pr =
        new PullRequest(
            repo,
            number,
            bot,
            subject,
            branch,
            "Assigned by @" + assigner.github() + ".",
            labels,
            changes,
            r.sha());
    w.pullRequests.schedule(
        new PullRequestEvents.Plan(pr, t, labels, -1, Author.of(merger), new boolean[commits]), r);
  }

  /** A fix for an incident, opened soon after it and deployed as soon as it merges. */
  void hotfix(Repo repo, long at, String incidentTitle) {
    Rng r = Rng.of(w.seed, HOTFIX, at, repo.service.index());
    LocalDate day = Times.day(at);
    List<Member> engineers = w.org.engineersOn(repo.service.pod(), day);
    Member m = r.pick(engineers);
    int number = repo.nextNumber();
    int commits = r.chance(0.3) ? 2 : 1;
    List<List<FileChange>> parts = ChangeFactory.split(r, repo, commits, 15, 0.5);
    String subject =
        "Fix " + Character.toLowerCase(incidentTitle.charAt(0)) + incidentTitle.substring(1);
    String branch = "hotfix/" + ChangeFactory.slug(subject);
    long start = at + r.duration(25 * Times.MINUTE, 0.6, 5 * Times.MINUTE, 6 * Times.HOUR);
    // a hotfix touching a sensitive path waits for the security reviewer like any other PR
    Timing t =
        w.checked(
            PullRequestFlow.plan(
                r,
                start,
                commits,
                changed(parts),
                Profile.HOTFIX,
                w.reviewers(r, repo.service.pod(), day, m.github())),
            w.org.pod(repo.service.pod()),
            day,
            m,
            parts);
    Author author = Author.of(m);
    boolean[] notes = new boolean[commits];
    List<Change> changes = humanCommits(r, author, t, parts, subject, branch, number, notes);
    PullRequest pr =
        new PullRequest(
            repo, number, author, subject, branch, null, List.of("hotfix"), changes, r.sha());
    w.pullRequests.schedule(new PullRequestEvents.Plan(pr, t, pr.labels, -1, author, notes), r);
    if (t.merged()) {
      hotfixMerged.merged(
          repo, t.end() + r.duration(25 * Times.MINUTE, 0.5, 5 * Times.MINUTE, 3 * Times.HOUR));
    }
  }

  /**
   * A member's commits for a planned timing: AI marks follow the author's agent use on each
   * commit's day; the commit answering a change request says so.
   *
   * @param notes filled with whether line-level attribution arrives for each commit
   */
  private List<Change> humanCommits(
      Rng r,
      Author author,
      Timing t,
      List<List<FileChange>> parts,
      String subject,
      String branch,
      int number,
      boolean[] notes) {
    boolean fixRequested = hasReview(t, "changes_requested");
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      long at = t.commitAt()[i];
      Marks marks = ChangeFactory.marks(r, w.plan.day(author.member(), Times.day(at)));
      String s;
      if (i == 0) {
        s = subject;
      } else if (fixRequested && i == parts.size() - 1) {
        s = ChangeFactory.followUp(r);
      } else {
        s = ChangeFactory.subject(r);
      }
      changes.add(
          new Change(
              r.sha(),
              author,
              at,
              ChangeFactory.message(s, null, marks),
              marks.trailers(),
              parts.get(i),
              branch,
              number));
      notes[i] = marks.lineNotes();
    }
    return changes;
  }

  /** How often a PR names one of its pod's bets: rarely in a pod working outside any bet. */
  private static double linkChance(Pod pod) {
    return pod.traits().unownedWork() ? 0.15 : 0.85;
  }

  /** Tests come with most changes; less so in a pod whose agents are used without care. */
  private static double testChance(Pod pod, int bits) {
    return UsagePlan.usesAny(bits) ? 0.9 : pod.traits().poorAcceptance() ? 0.25 : 0.6;
  }

  private List<Bet> activeBets(Pod pod, LocalDate day) {
    List<Bet> bets = new ArrayList<>(w.org.betsOf(pod.id()));
    bets.removeIf(b -> !b.activeOn(day));
    return bets;
  }

  static int changed(List<List<FileChange>> parts) {
    int sum = 0;
    for (List<FileChange> part : parts) {
      for (FileChange f : part) {
        sum += f.additions() + f.deletions();
      }
    }
    return sum;
  }

  private static boolean hasReview(Timing t, String state) {
    for (PlannedReview v : t.reviews()) {
      if (v.state().equals(state)) {
        return true;
      }
    }
    return false;
  }
}
