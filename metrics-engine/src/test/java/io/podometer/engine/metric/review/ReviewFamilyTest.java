package io.podometer.engine.metric.review;

import static io.podometer.engine.metric.flow.Golden.assertNoFigure;
import static io.podometer.engine.metric.flow.Golden.assertPercentile;
import static io.podometer.engine.metric.flow.Golden.assertPooledRatio;
import static io.podometer.engine.metric.flow.Golden.assertRatio;
import static io.podometer.engine.metric.flow.Golden.assertSum;
import static io.podometer.engine.metric.flow.Golden.assertWithheld;
import static io.podometer.engine.metric.flow.Golden.countedRefs;
import static io.podometer.engine.metric.flow.Golden.figure;
import static io.podometer.engine.metric.flow.Golden.refs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.metric.flow.Golden;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Golden scenario {@code review.ndjson} (weeks 2026-W10..W12, all complete): checkout PRs #1–#10,
 * search #20–#21, tiny #30; {@code w53.ndjson} around the turn of 2026. Times are UTC; 2026-W10 is
 * Mon 2026-03-02 .. Sun 2026-03-08.
 */
class ReviewFamilyTest {

  private static final double MINUTE = 1.0 / 60;

  private final Golden golden = new Golden(ReviewFamilyTest.class, new ReviewFamily());

  private EngineResult review() {
    return golden.compute("review.ndjson", "2026-W10", "2026-W12", "2026-03-23T00:00:00Z");
  }

  @Test
  void timeToFirstReviewStartsWhenReadyAndIgnoresTheAuthorAgentsAndBots() {
    EngineResult r = review();
    // checkout W10, ready → first review by someone else:
    //   #1 draft, ready Tue 09:00 → dee Wed 09:00 = 24 h (not 48 h from creation)
    //   #2 Mon 10:00 → dee Mon 20:00 = 10 h
    //   #3 Mon 08:00 → cy's own comment skipped → dee Thu 08:00 = 72 h
    //   #4 approved only by an agent and an ignored bot: no sample
    //   #5 1 min, #6 3 min = 0.05 h, #7 1 min
    // sorted [1/60, 1/60, 0.05, 10, 24, 72] → median (0.05 + 10) / 2 = 5.025
    assertPercentile(
        r,
        MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS,
        "pod:checkout",
        "2026-W10",
        5.025,
        24,
        10,
        72,
        MINUTE,
        0.05,
        MINUTE);
    // p90: rank 0.9 × 5 = 4.5 → 24 + 0.5 × (72 − 24) = 48
    assertPercentile(
        r,
        MetricId.TIME_TO_FIRST_REVIEW_P90_HOURS,
        "pod:checkout",
        "2026-W10",
        48,
        24,
        10,
        72,
        MINUTE,
        0.05,
        MINUTE);
    // the org pools the items: + search #20 2 h, #21 1 h (raj), + tiny #30 1 h
    // sorted [1/60, 1/60, 0.05, 1, 1, 2, 10, 24, 72] → median 1; p90 rank 7.2 → 24 + 0.2 × 48 =
    // 33.6
    double[] org = {24, 10, 72, MINUTE, 0.05, MINUTE, 2, 1, 1};
    assertPercentile(r, MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, "org", "2026-W10", 1, org);
    assertPercentile(r, MetricId.TIME_TO_FIRST_REVIEW_P90_HOURS, "org", "2026-W10", 33.6, org);
    assertPercentile(
        r, MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, "pillar:commerce", "2026-W10", 1, org);
    // search W10: [2, 1] → 1.5 (raj's review counts for the PR's pod, not his)
    assertPercentile(
        r, MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, "pod:search", "2026-W10", 1.5, 2, 1);
    // week of the first review: #10 Sun 20:00 → Mon 08:00 = 12 h in W11; #8 288 h in W12
    assertPercentile(
        r, MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, "pod:checkout", "2026-W11", 12, 12);
    assertPercentile(
        r, MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, "pod:checkout", "2026-W12", 288, 288);
    assertEquals(
        List.of(
            "pr:acme/checkout#1",
            "pr:acme/checkout#2",
            "pr:acme/checkout#3",
            "pr:acme/checkout#5",
            "pr:acme/checkout#6",
            "pr:acme/checkout#7"),
        refs(r, MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, "pod:checkout", "2026-W10"));
    // the author's private scope holds their own PRs
    assertPercentile(r, MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, "member:ana", "2026-W10", 24, 24);
  }

  @Test
  void reviewWaitShareIsPickupOverCycleOfTheWeeksReviewedMerges() {
    EngineResult r = review();
    // checkout W10 (pickup / cycle, hours, ready → merge):
    //   #1 24/27, #2 10/24, #3 72/74, #5 (1/60)/1, #6 0.05/0.5, #7 (1/60)/0.5; #4 never reviewed
    // Σ pickup = 106 + 0.05 + 2/60 = 106.08333…; Σ cycle = 127 → 0.835302…
    double pickup = 24 + 10 + 72 + MINUTE + 0.05 + MINUTE;
    assertPooledRatio(
        r, MetricId.REVIEW_WAIT_SHARE, "pod:checkout", "2026-W10", pickup / 127, pickup, 127, 6);
    assertEquals(
        List.of(
            "pr:acme/checkout#1",
            "pr:acme/checkout#2",
            "pr:acme/checkout#3",
            "pr:acme/checkout#5",
            "pr:acme/checkout#6",
            "pr:acme/checkout#7"),
        refs(r, MetricId.REVIEW_WAIT_SHARE, "pod:checkout", "2026-W10"));
    // search: #20 2/3, #21 1/4 → 3/7
    assertPooledRatio(r, MetricId.REVIEW_WAIT_SHARE, "pod:search", "2026-W10", 3.0 / 7, 3, 7, 2);
  }

  @Test
  void unreviewedMergesNeedAHumanApprovalOtherThanTheAuthor() {
    EngineResult r = review();
    // checkout W10 merged #1..#7; only #4 (agent + ignored bot approvals) lacks one → 1/7
    assertPooledRatio(r, MetricId.UNREVIEWED_MERGES, "pod:checkout", "2026-W10", 1.0 / 7, 1, 7, 7);
    assertEquals(
        List.of("pr:acme/checkout#4"),
        countedRefs(r, MetricId.UNREVIEWED_MERGES, "pod:checkout", "2026-W10"));
    Contribution four =
        r
            .drilldown(
                MetricId.UNREVIEWED_MERGES,
                ScopeId.parse("pod:checkout"),
                IsoWeek.parse("2026-W10"))
            .stream()
            .filter(c -> c.num() > 0)
            .findFirst()
            .orElseThrow();
    assertTrue(
        four.evidence().rule().contains("copilot-swe-agent[bot]: an agent"),
        four.evidence().rule());
    assertTrue(
        four.evidence().rule().contains("github-actions[bot]: a bot"), four.evidence().rule());
    // org W10: + #20, #21, #30 all approved → 1/10
    assertPooledRatio(r, MetricId.UNREVIEWED_MERGES, "org", "2026-W10", 0.1, 1, 10, 10);
  }

  @Test
  void rubberStampsAreQuickApprovalsOfLargePullRequests() {
    EngineResult r = review();
    // checkout W10 human approvals: #1, #2, #3, #5, #6, #7 = 6
    //   #5 450 lines, 60 s after ready → stamp; #6 350 lines after 180 s → no; #7 25 lines → no
    assertPooledRatio(
        r, MetricId.RUBBER_STAMP_APPROVALS, "pod:checkout", "2026-W10", 1.0 / 6, 1, 6, 6);
    assertEquals(
        List.of("review:acme/checkout#5:r8"),
        countedRefs(r, MetricId.RUBBER_STAMP_APPROVALS, "pod:checkout", "2026-W10"));
    // org: + #20, #21 (tia), #30 → 1/9; W11: bob's approval of #10 → 0/1
    assertPooledRatio(r, MetricId.RUBBER_STAMP_APPROVALS, "org", "2026-W10", 1.0 / 9, 1, 9, 9);
    assertPooledRatio(r, MetricId.RUBBER_STAMP_APPROVALS, "pod:checkout", "2026-W11", 0, 0, 1, 1);
  }

  @Test
  void reviewQueueCountsReadyPullRequestsWaitingAtEachWeekEnd() {
    EngineResult r = review();
    // end of W10 (Mon 03-09 00:00): #8 (ready Thu) and #10 (ready Sun 20:00) wait; #9 is a draft,
    // #11 was closed on Saturday and #12 converted back to draft on Thursday
    assertSum(r, MetricId.REVIEW_QUEUE, "pod:checkout", "2026-W10", 2, 2);
    assertEquals(
        List.of("pr:acme/checkout#10", "pr:acme/checkout#8"),
        refs(r, MetricId.REVIEW_QUEUE, "pod:checkout", "2026-W10"));
    // end of W11: #8 still waits (#10 was reviewed Monday)
    assertSum(r, MetricId.REVIEW_QUEUE, "pod:checkout", "2026-W11", 1, 1);
    assertEquals(
        List.of("pr:acme/checkout#8"), refs(r, MetricId.REVIEW_QUEUE, "pod:checkout", "2026-W11"));
    // #8 was reviewed on Tue of W12: nothing waits at its end
    assertNoFigure(r, MetricId.REVIEW_QUEUE, "pod:checkout", "2026-W12");
  }

  @Test
  void topReviewerShareCountsForTheReviewersPodAtReviewTime() {
    EngineResult r = review();
    // checkout W10 reviews by checkout members: dee #1 #2 #3 #5 #7 = 5, ana #6, raj #21 on
    // Thursday (in checkout since Wednesday); cy's comment on her own #3 and the agent/bot
    // approvals of #4 count for nobody → top 5 / 7
    assertRatio(r, MetricId.TOP_REVIEWER_SHARE, "pod:checkout", "2026-W10", 5.0 / 7, 5, 7, 7);
    // search W10: sam on #2, raj on #20 (Monday, still in search), tia on #21 → 1/3
    assertRatio(r, MetricId.TOP_REVIEWER_SHARE, "pod:search", "2026-W10", 1.0 / 3, 1, 3, 3);
    // org W10: dee 5, raj 2, ana, sam, tia, tim 1 each → 5/11
    assertRatio(r, MetricId.TOP_REVIEWER_SHARE, "org", "2026-W10", 5.0 / 11, 5, 11, 11);
    Set<String> reviewers =
        r
            .drilldown(
                MetricId.TOP_REVIEWER_SHARE,
                ScopeId.parse("pod:checkout"),
                IsoWeek.parse("2026-W10"))
            .stream()
            .map(Contribution::numKey)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("ana", "dee", "raj"), reviewers);
  }

  @Test
  void reviewLoadGiniIncludesEngineersWhoGaveNoReview() {
    EngineResult r = review();
    // checkout W10 engineers: ana 1, bob 0, cy 0, dee 5, raj 1 (pam is a PM)
    // sorted [0, 0, 1, 1, 5]: Σ(2i − n − 1)x = 0·−4 + 0·−2 + 1·0 + 1·2 + 5·4 = 22 → 22 / (5 × 7)
    assertEquals(
        22.0 / 35, figure(r, MetricId.REVIEW_LOAD_GINI, "pod:checkout", "2026-W10").value(), 1e-9);
    // search W10 engineers: raj 1 (Monday), sam 1, tia 1, sue 0 → [0,1,1,1]: 3 / (4 × 3) = 0.25
    assertEquals(
        0.25, figure(r, MetricId.REVIEW_LOAD_GINI, "pod:search", "2026-W10").value(), 1e-9);
    // org W10, 10 engineers, 11 reviews: [0,0,0,0,1,1,1,1,2,5]
    // → (1·−1 + 1·1 + 1·3 + 1·5 + 2·7 + 5·9) / (10 × 11) = 67 / 110
    assertEquals(67.0 / 110, figure(r, MetricId.REVIEW_LOAD_GINI, "org", "2026-W10").value(), 1e-9);
    List<Contribution> items =
        r.drilldown(
            MetricId.REVIEW_LOAD_GINI, ScopeId.parse("pod:checkout"), IsoWeek.parse("2026-W10"));
    Set<String> engineers =
        items.stream()
            .map(Contribution::denKey)
            .filter(k -> k != null)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("ana", "bob", "cy", "dee", "raj"), engineers);
    assertEquals(7, items.stream().filter(c -> c.numKey() != null).count());
    assertEquals(12, figure(r, MetricId.REVIEW_LOAD_GINI, "pod:checkout", "2026-W10").n());
  }

  @Test
  void aPodUnderThePrivacyFloorIsWithheldButCountsInTheRollUps() {
    EngineResult r = review();
    for (MetricId metric :
        List.of(
            MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS,
            MetricId.REVIEW_WAIT_SHARE,
            MetricId.UNREVIEWED_MERGES,
            MetricId.RUBBER_STAMP_APPROVALS,
            MetricId.TOP_REVIEWER_SHARE,
            MetricId.REVIEW_LOAD_GINI)) {
      assertWithheld(r, metric, "pod:tiny", "2026-W10");
    }
    // withheld, the pod's figure does not tell its size or its number of PRs either
    assertEquals(0, figure(r, MetricId.UNREVIEWED_MERGES, "pod:tiny", "2026-W10").people());
    assertEquals(0, figure(r, MetricId.UNREVIEWED_MERGES, "pod:tiny", "2026-W10").n());
    assertFalse(
        refs(r, MetricId.UNREVIEWED_MERGES, "org", "2026-W10").stream()
            .noneMatch(ref -> ref.equals("pr:acme/tiny#30")));
  }

  @Test
  void week53OfTheWeekBasedYear2026() {
    EngineResult r = golden.compute("w53.ndjson", "2026-W52", "2027-W01", "2027-01-20T00:00:00Z");
    // #70 ready Tue 2026-12-29 09:00 → bob Wed 12-30 15:00 = 30 h, in 2026-W53
    assertPercentile(
        r, MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, "pod:checkout", "2026-W53", 30, 30);
    // merged Sat 2027-01-02: still 2026-W53, approved → 0/1
    assertPooledRatio(r, MetricId.UNREVIEWED_MERGES, "pod:checkout", "2026-W53", 0, 0, 1, 1);
    // #71 opened Fri 2027-01-01 waits at the end of 2026-W53 (Mon 2027-01-04 00:00)
    assertSum(r, MetricId.REVIEW_QUEUE, "pod:checkout", "2026-W53", 1, 1);
    // and is first reviewed Mon 2027-01-04 09:00: 72 h in 2027-W01
    assertPercentile(
        r, MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS, "pod:checkout", "2027-W01", 72, 72);
    assertNull(
        r.figure(MetricId.REVIEW_QUEUE, ScopeId.parse("pod:checkout"), IsoWeek.parse("2027-W01")));
  }

  @Test
  void shuffledAndDuplicatedEventsGiveIdenticalFigures() {
    var events = golden.events("review.ndjson");
    EngineResult ordered = golden.compute(events, "2026-W10", "2026-W12", "2026-03-23T00:00:00Z");
    for (long seed = 1; seed <= 5; seed++) {
      EngineResult shuffled =
          golden.compute(
              Golden.shuffledWithDuplicates(events, seed),
              "2026-W10",
              "2026-W12",
              "2026-03-23T00:00:00Z");
      assertEquals(ordered.figureMap(), shuffled.figureMap(), "seed " + seed);
      assertEquals(ordered.contributionCount(), shuffled.contributionCount(), "seed " + seed);
    }
  }
}
