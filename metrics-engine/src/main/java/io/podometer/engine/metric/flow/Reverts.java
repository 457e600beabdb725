package io.podometer.engine.metric.flow;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which merged PRs were reverted, and by what: every landed revert (a merged PR, or a commit that
 * landed: its PR merged, or it belongs to no known PR) is read for what it names — a merge, head or
 * branch commit sha (abbreviations of 7+ characters included), a PR number, or the title in {@code
 * Revert "<title>"} (the latest PR of that title merged before the revert) — and each PR keeps its
 * earliest revert after its merge. Built once per computation over all facts, whatever the weeks;
 * the sha and title indexes hold only what some revert names.
 */
final class Reverts {

  /** The revert of a PR: when it landed, its fact ref and how it named the PR. */
  record Revert(Instant at, String ref, String how) {}

  /** A landed revert and what it names. */
  private record Mention(String repo, RevertMention names, int ownNumber, Instant at, String ref) {}

  /** A commit sha of a merged PR (its merge, head or a branch commit), lower case. */
  private record Landed(String sha, PullRequests.Counted pr) {}

  private static final int SHORT_SHA = 7;

  private final PullRequests prs;
  private final Map<String, List<Landed>> byShaPrefix = new HashMap<>();
  private final Map<String, List<PullRequests.Counted>> byTitle = new HashMap<>();
  private final Map<String, Revert> earliest = new HashMap<>();

  Reverts(PullRequests prs, List<CommitFact> commits) {
    this.prs = prs;
    List<Mention> mentions = mentions(commits);
    if (mentions.isEmpty()) {
      return;
    }
    Set<String> shaPrefixes = new HashSet<>();
    Set<String> titles = new HashSet<>();
    for (Mention m : mentions) {
      for (String sha : m.names().shas()) {
        shaPrefixes.add(sha.substring(0, SHORT_SHA));
      }
      if (m.names().title() != null) {
        titles.add(m.repo() + "\n" + m.names().title());
      }
      if (m.names().titleWithoutNumber() != null) {
        titles.add(m.repo() + "\n" + m.names().titleWithoutNumber());
      }
    }
    index(commits, shaPrefixes, titles);
    for (Mention m : mentions) {
      resolve(m);
    }
  }

  /** The PR's earliest revert at or after its merge, or null. */
  Revert of(PullRequests.Counted pr) {
    return earliest.get(pr.key());
  }

  private List<Mention> mentions(List<CommitFact> commits) {
    List<Mention> mentions = new ArrayList<>();
    for (PullRequests.Counted pr : prs.all()) {
      PullRequestFact fact = pr.fact();
      if (fact.mergedAt() == null || fact.title() == null) {
        continue;
      }
      String text = fact.body() == null ? fact.title() : fact.title() + "\n" + fact.body();
      RevertMention names = RevertMention.parse(text, false);
      if (names != null) {
        mentions.add(new Mention(fact.repo(), names, fact.number(), fact.mergedAt(), pr.ref()));
      }
    }
    for (CommitFact commit : commits) {
      if (commit.repo() == null || !RevertMention.mayBeRevert(commit.message())) {
        continue;
      }
      RevertMention names = RevertMention.parse(commit.message(), commit.prNumber() == null);
      Instant landed = names == null ? null : landedAt(commit);
      if (landed != null) {
        mentions.add(
            new Mention(
                commit.repo(),
                names,
                commit.prNumber() == null ? -1 : commit.prNumber(),
                landed,
                "commit:" + commit.repo() + "@" + commit.sha()));
      }
    }
    return mentions;
  }

  /** When a commit reached the default branch as far as known; null when its PR is unmerged. */
  private Instant landedAt(CommitFact commit) {
    if (commit.prNumber() != null) {
      PullRequests.Counted pr = prs.get(commit.repo(), commit.prNumber());
      if (pr != null) {
        return pr.fact().mergedAt();
      }
    }
    return commit.committedAt() != null ? commit.committedAt() : commit.authoredAt();
  }

  private void index(List<CommitFact> commits, Set<String> shaPrefixes, Set<String> titles) {
    for (PullRequests.Counted pr : prs.all()) {
      PullRequestFact fact = pr.fact();
      if (fact.mergedAt() == null) {
        continue;
      }
      indexSha(fact.repo(), fact.mergeCommitSha(), pr, shaPrefixes);
      indexSha(fact.repo(), fact.headSha(), pr, shaPrefixes);
      if (fact.title() != null && !titles.isEmpty()) {
        String key = fact.repo() + "\n" + fact.title();
        if (titles.contains(key)) {
          byTitle.computeIfAbsent(key, k -> new ArrayList<>(1)).add(pr);
        }
      }
    }
    if (shaPrefixes.isEmpty()) {
      return;
    }
    for (CommitFact commit : commits) {
      if (commit.prNumber() != null && commit.repo() != null && named(commit.sha(), shaPrefixes)) {
        PullRequests.Counted pr = prs.get(commit.repo(), commit.prNumber());
        if (pr != null && pr.fact().mergedAt() != null) {
          indexSha(commit.repo(), commit.sha(), pr, shaPrefixes);
        }
      }
    }
  }

  /** Whether some revert names a sha starting like this one (by its first 7 characters). */
  private static boolean named(String sha, Set<String> shaPrefixes) {
    return sha != null
        && sha.length() >= SHORT_SHA
        && shaPrefixes.contains(sha.substring(0, SHORT_SHA).toLowerCase(Locale.ROOT));
  }

  private void indexSha(String repo, String sha, PullRequests.Counted pr, Set<String> shaPrefixes) {
    if (named(sha, shaPrefixes)) {
      String lower = sha.toLowerCase(Locale.ROOT);
      byShaPrefix
          .computeIfAbsent(repo + "@" + lower.substring(0, SHORT_SHA), k -> new ArrayList<>(1))
          .add(new Landed(lower, pr));
    }
  }

  private void resolve(Mention m) {
    for (String sha : m.names().shas()) {
      for (Landed landed :
          byShaPrefix.getOrDefault(m.repo() + "@" + sha.substring(0, SHORT_SHA), List.of())) {
        if (landed.sha().startsWith(sha)) {
          reverted(landed.pr(), m.ownNumber(), m, "names commit " + sha);
        }
      }
    }
    for (RevertMention.Reference reference : m.names().numbers()) {
      boolean sameRepo = reference.repo() == null || reference.repo().equalsIgnoreCase(m.repo());
      String inRepo = sameRepo ? m.repo() : reference.repo();
      PullRequests.Counted target = prs.get(inRepo, reference.number());
      if (target != null) {
        String named = (sameRepo ? "#" : inRepo + "#") + reference.number();
        reverted(target, sameRepo ? m.ownNumber() : -1, m, "names " + named);
      }
    }
    for (String title : new String[] {m.names().title(), m.names().titleWithoutNumber()}) {
      if (title != null) {
        PullRequests.Counted target = latestBefore(byTitle.get(m.repo() + "\n" + title), m.at());
        if (target != null) {
          reverted(target, m.ownNumber(), m, "names its title \"" + title + "\"");
        }
      }
    }
  }

  private void reverted(PullRequests.Counted target, int ownNumber, Mention m, String how) {
    Instant merged = target.fact().mergedAt();
    if (merged == null || target.fact().number() == ownNumber || m.at().isBefore(merged)) {
      return;
    }
    earliest.merge(target.key(), new Revert(m.at(), m.ref(), how), Reverts::earlier);
  }

  private static Revert earlier(Revert a, Revert b) {
    int byTime = a.at().compareTo(b.at());
    if (byTime != 0) {
      return byTime < 0 ? a : b;
    }
    int byRef = a.ref().compareTo(b.ref());
    return byRef != 0 ? (byRef < 0 ? a : b) : a.how().compareTo(b.how()) <= 0 ? a : b;
  }

  private static PullRequests.Counted latestBefore(List<PullRequests.Counted> prs, Instant at) {
    if (prs == null) {
      return null;
    }
    PullRequests.Counted latest = null;
    for (PullRequests.Counted pr : prs) {
      Instant merged = pr.fact().mergedAt();
      if (!merged.isAfter(at)
          && (latest == null
              || merged.isAfter(latest.fact().mergedAt())
              || merged.equals(latest.fact().mergedAt()) && pr.key().compareTo(latest.key()) > 0)) {
        latest = pr;
      }
    }
    return latest;
  }
}
