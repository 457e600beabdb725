package io.podometer.engine.metric.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.FactSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which commits a pull request brought and which one its merge produced, and which commits landed
 * without a pull request, across repositories that share commits (a fork merging the same sha).
 */
class LandedChangesTest {

  private static final Instant T = Instant.parse("2026-03-03T10:00:00Z");

  @Test
  void aMergeShaSharedByAForkLandsEachRepositorysOwnCommit() {
    PullRequestFact upstream = pr("acme/shop", 1, "main", "feature/a", "m1");
    PullRequestFact fork = pr("fork/shop", 1, "main", "feature/a", "m1");
    CommitFact upstreamMerge = commit("acme/shop", "m1", 1, T.plusSeconds(60), null);
    CommitFact forkMerge = commit("fork/shop", "m1", 1, T.plusSeconds(60), null);
    CommitFact upstreamWork = commit("acme/shop", "c1", 1, T, null);
    CommitFact forkWork = commit("fork/shop", "c2", 1, T, null);
    LandedChanges changes =
        changes(List.of(upstream, fork), List.of(forkMerge, upstreamWork, upstreamMerge, forkWork));

    assertSame(upstreamMerge, changes.landed(upstream));
    assertSame(forkMerge, changes.landed(fork));
    assertEquals(List.of(upstreamWork), changes.branchCommits(upstream));
    assertEquals(List.of(forkWork), changes.branchCommits(fork));
    assertEquals(List.of(), changes.withoutPullRequest());
  }

  @Test
  void branchCommitsAreOldestFirstThenBySha() {
    PullRequestFact pr = pr("acme/shop", 2, "main", "feature/b", "m2");
    CommitFact late = commit("acme/shop", "a-late", 2, T.plusSeconds(10), null);
    CommitFact tiedB = commit("acme/shop", "b-tied", 2, T, null);
    CommitFact tiedA = commit("acme/shop", "a-tied", 2, T, null);
    CommitFact undated = commit("acme/shop", "0-undated", 2, null, null);
    CommitFact merge = commit("acme/shop", "m2", null, T.plusSeconds(20), null);
    LandedChanges changes = changes(List.of(pr), List.of(undated, late, merge, tiedB, tiedA));

    assertEquals(List.of(tiedA, tiedB, late, undated), changes.branchCommits(pr));
    assertSame(merge, changes.landed(pr));
  }

  @Test
  void aCommitFactGivenTwiceIsLeftOutOfTheBranchBothTimes() {
    PullRequestFact pr = pr("acme/shop", 3, "main", "feature/c", "m3");
    CommitFact work = commit("acme/shop", "c3", 3, T, null);
    CommitFact merge = commit("acme/shop", "m3", 3, T.plusSeconds(5), null);
    CommitFact again = commit("acme/shop", "m3", 3, T.plusSeconds(5), null);
    LandedChanges changes = changes(List.of(pr), List.of(merge, work, again));

    assertEquals(List.of(work), changes.branchCommits(pr));
  }

  @Test
  void commitsWithoutAPullRequestLandUnlessTheirBranchSaysOtherwise() {
    PullRequestFact pr = pr("acme/shop", 4, "main", "feature/x", "m4");
    CommitFact onMain = commit("acme/shop", "d1", null, T, "main");
    CommitFact onHead = commit("acme/shop", "d2", null, T, "feature/x");
    CommitFact onOtherBranch = commit("acme/shop", "d3", null, T, "release");
    CommitFact branchUnknown = commit("acme/shop", "d4", null, T, null);
    CommitFact gitOnly = commit("gitonly/lib", "d5", null, T, "trunk");
    CommitFact unknownPr = commit("acme/shop", "d6", 99, T, null);
    CommitFact mergeCommit =
        new CommitFact(
            "acme/shop",
            "d7",
            null,
            T,
            T,
            null,
            List.of("p1", "p2"),
            null,
            null,
            null,
            null,
            null,
            "main",
            null);
    CommitFact merged = commit("acme/shop", "m4", null, T, "main");
    LandedChanges changes =
        changes(
            List.of(pr),
            List.of(
                onMain,
                onHead,
                onOtherBranch,
                branchUnknown,
                gitOnly,
                unknownPr,
                mergeCommit,
                merged));

    assertEquals(List.of(onMain, branchUnknown, gitOnly, unknownPr), changes.withoutPullRequest());
  }

  private static LandedChanges changes(List<PullRequestFact> prs, List<CommitFact> commits) {
    return new LandedChanges(FactSet.ofChanges(prs, new ArrayList<>(commits), List.of()));
  }

  private static PullRequestFact pr(
      String repo, int number, String base, String head, String mergeSha) {
    return new PullRequestFact(
        repo,
        number,
        "a change",
        "ana",
        T,
        head,
        base,
        false,
        null,
        null,
        null,
        null,
        null,
        "merged",
        null,
        null,
        T.plusSeconds(60),
        mergeSha,
        10,
        0,
        1,
        null,
        null,
        null,
        null);
  }

  private static CommitFact commit(
      String repo, String sha, Integer prNumber, Instant at, String branch) {
    return new CommitFact(
        repo, sha, null, at, at, null, List.of("parent"), null, null, null, 1, 0, branch, prNumber);
  }
}
