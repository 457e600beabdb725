package io.podometer.engine.metric;

import io.podometer.engine.attribution.ChangeAttribution;
import io.podometer.engine.attribution.PathGlobs;
import io.podometer.engine.attribution.PullRequestAttributor;
import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.org.AgentDirectory;
import io.podometer.engine.org.MemberDirectory;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pod;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weekly merged PRs per pod and the organization's AI-attributed share of added lines, over changes
 * that landed on the default branch: merged PRs by merge week, and commits belonging to no PR by
 * commit week. Ignored bots count for nobody. Thread-safe.
 */
public final class OverviewCalculator {

  private final OrgModel org;
  private final ZoneId zone;
  private final PodAttribution pods;
  private final PullRequestAttributor attributor;

  public OverviewCalculator(OrgModel org, MemberDirectory members, AgentDirectory agents) {
    this.org = org;
    this.zone = org.org().timeZone();
    this.pods = new PodAttribution(members, agents);
    this.attributor =
        new PullRequestAttributor(
            agents, new PathGlobs(org.org().excludedPaths()), org.org().declaredAiLabels());
  }

  public WeeklyOverview compute(FactSet facts, IsoWeek from, IsoWeek to, Instant now) {
    List<IsoWeek> weeks = new ArrayList<>();
    for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
      weeks.add(week);
    }
    Map<IsoWeek, Integer> index = new HashMap<>();
    for (int i = 0; i < weeks.size(); i++) {
      index.put(weeks.get(i), i);
    }
    Map<String, int[]> mergedByPod = new HashMap<>();
    long[] aiLines = new long[weeks.size()];
    long[] addedLines = new long[weeks.size()];

    CommitIndex commits = new CommitIndex(facts);
    for (PullRequestFact pr : facts.pullRequests()) {
      if (pr.mergedAt() == null || pods.isIgnored(pr)) {
        continue;
      }
      Integer w = index.get(IsoWeek.of(pr.mergedAt(), zone));
      if (w == null) {
        continue;
      }
      pods.podOf(pr)
          .ifPresent(pod -> mergedByPod.computeIfAbsent(pod, p -> new int[weeks.size()])[w]++);
      ChangeAttribution a =
          attributor.attribute(
              pr, commits.branchCommits(pr), commits.landed(pr), commits.attributionsBySha());
      aiLines[w] += a.aiLines();
      addedLines[w] += a.addedLines();
    }
    for (CommitFact commit : commits.withoutPullRequest()) {
      if (pods.isIgnored(commit) || commit.committedAt() == null) {
        continue;
      }
      Integer w = index.get(IsoWeek.of(commit.committedAt(), zone));
      if (w == null) {
        continue;
      }
      ChangeAttribution a =
          attributor
              .commitAttributor()
              .attribute(commit, commits.attributionsBySha().getOrDefault(commit.sha(), List.of()));
      aiLines[w] += a.aiLines();
      addedLines[w] += a.addedLines();
    }

    List<WeeklyOverview.PodSeries> series = new ArrayList<>();
    for (Pod pod : org.pods()) {
      int[] values = mergedByPod.getOrDefault(pod.id(), new int[weeks.size()]);
      series.add(
          new WeeklyOverview.PodSeries(
              pod.id(), pod.name(), java.util.Arrays.stream(values).boxed().toList()));
    }
    IsoWeek current = IsoWeek.of(now, zone);
    List<WeeklyOverview.ShareCell> share = new ArrayList<>();
    for (int i = 0; i < weeks.size(); i++) {
      Double value = addedLines[i] == 0 ? null : (double) aiLines[i] / addedLines[i];
      share.add(
          new WeeklyOverview.ShareCell(
              weeks.get(i),
              aiLines[i],
              addedLines[i],
              value,
              weeks.get(i).compareTo(current) >= 0));
    }
    return new WeeklyOverview(weeks, series, share);
  }

  /** Commits by PR and by sha, and the commits that belong to no PR. */
  private static final class CommitIndex {
    private final Map<String, List<CommitFact>> byPullRequest = new HashMap<>();
    private final Map<String, CommitFact> bySha = new HashMap<>();
    private final Map<String, List<CommitAttributionFact>> attributions = new HashMap<>();
    private final List<CommitFact> withoutPullRequest = new ArrayList<>();

    CommitIndex(FactSet facts) {
      Set<String> landedShas = new HashSet<>();
      for (PullRequestFact pr : facts.pullRequests()) {
        if (pr.mergeCommitSha() != null) {
          landedShas.add(pr.repo() + "@" + pr.mergeCommitSha());
        }
      }
      for (CommitFact commit : facts.commits()) {
        bySha.put(commit.repo() + "@" + commit.sha(), commit);
        if (commit.prNumber() != null) {
          byPullRequest
              .computeIfAbsent(commit.repo() + "#" + commit.prNumber(), k -> new ArrayList<>())
              .add(commit);
        } else if (!landedShas.contains(commit.repo() + "@" + commit.sha()) && !commit.isMerge()) {
          withoutPullRequest.add(commit);
        }
      }
      for (CommitAttributionFact a : facts.attributions()) {
        attributions.computeIfAbsent(a.sha(), k -> new ArrayList<>()).add(a);
      }
    }

    List<CommitFact> branchCommits(PullRequestFact pr) {
      List<CommitFact> commits =
          byPullRequest.getOrDefault(pr.repo() + "#" + pr.number(), List.of());
      // the landed squash commit may carry the PR number too; it repeats the branch commits
      return commits.stream().filter(c -> !c.sha().equals(pr.mergeCommitSha())).toList();
    }

    CommitFact landed(PullRequestFact pr) {
      return pr.mergeCommitSha() == null ? null : bySha.get(pr.repo() + "@" + pr.mergeCommitSha());
    }

    Map<String, List<CommitAttributionFact>> attributionsBySha() {
      return attributions;
    }

    List<CommitFact> withoutPullRequest() {
      return withoutPullRequest;
    }
  }
}
