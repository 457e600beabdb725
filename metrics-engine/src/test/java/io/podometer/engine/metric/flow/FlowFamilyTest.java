package io.podometer.engine.metric.flow;

import static io.podometer.engine.metric.flow.Golden.assertNoFigure;
import static io.podometer.engine.metric.flow.Golden.assertPerDistinct;
import static io.podometer.engine.metric.flow.Golden.assertPercentile;
import static io.podometer.engine.metric.flow.Golden.assertPooledRatio;
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
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden scenarios (UTC; 2026-W10 is Mon 2026-03-02 .. Sun 2026-03-08): {@code throughput.ndjson}
 * (merged PRs, activity, pulse and meetings), {@code reverts.ndjson}, {@code churn.ndjson} and
 * {@code w53.ndjson}.
 */
class FlowFamilyTest {

  private final Golden golden = new Golden(FlowFamilyTest.class, new FlowFamily());

  private EngineResult throughput() {
    return golden.compute("throughput.ndjson", "2026-W10", "2026-W11", "2026-03-23T00:00:00Z");
  }

  @Test
  void throughputIsMergedPullRequestsPerActiveEngineer() {
    EngineResult r = throughput();
    // checkout W10 merged: #1 #2 (ana), #3 #6 (bob), #4 (an agent, for the repository's pod);
    // dependabot's #5 counts for nobody → 5
    // active engineers: ana, bob (PRs), cy (a review), raj (merged search #21 and a commit on
    // Thursday, in checkout since Wednesday); pam is a PM → 4 → 5 / 4
    assertPerDistinct(
        r, MetricId.THROUGHPUT_PER_ENGINEER, "pod:checkout", "2026-W10", 1.25, 5, 4, 9);
    assertEquals(
        Set.of("ana", "bob", "cy", "raj"),
        denKeys(r, MetricId.THROUGHPUT_PER_ENGINEER, "pod:checkout", "2026-W10"));
    // search W10 merged: #20 (sam), #21 (raj opened it on Monday, in search) → 2
    // active: sam, raj (opened #21 on Monday), sue (agent used on Tuesday) → 2 / 3
    assertPerDistinct(
        r, MetricId.THROUGHPUT_PER_ENGINEER, "pod:search", "2026-W10", 2.0 / 3, 2, 3, 5);
    assertEquals(
        Set.of("raj", "sam", "sue"),
        denKeys(r, MetricId.THROUGHPUT_PER_ENGINEER, "pod:search", "2026-W10"));
    // org: 5 + 2 + tiny's #30 = 8 over ana, bob, cy, raj, sam, sue, tom = 7 (raj once)
    assertEquals(
        8.0 / 7, figure(r, MetricId.THROUGHPUT_PER_ENGINEER, "org", "2026-W10").value(), 1e-9);
    assertEquals(8, figure(r, MetricId.THROUGHPUT_PER_ENGINEER, "org", "2026-W10").num());
    assertEquals(7, figure(r, MetricId.THROUGHPUT_PER_ENGINEER, "org", "2026-W10").den());
    // sue's W11 usage day is marked inactive: nothing in W11
    assertNoFigure(r, MetricId.THROUGHPUT_PER_ENGINEER, "pod:search", "2026-W11");
    assertWithheld(r, MetricId.THROUGHPUT_PER_ENGINEER, "pod:tiny", "2026-W10");
  }

  @Test
  void prSizeIsTheMedianOfChangedLines() {
    EngineResult r = throughput();
    // checkout W10: #1 120, #2 40, #3 200, #4 100, #6 10 → [10, 40, 100, 120, 200] → 100
    assertPercentile(
        r, MetricId.PR_SIZE_P50, "pod:checkout", "2026-W10", 100, 120, 40, 200, 100, 10);
    // org: + #20 80, #21 400, #30 10 → [10, 10, 40, 80, 100, 120, 200, 400] → (80 + 100) / 2
    assertPercentile(
        r, MetricId.PR_SIZE_P50, "org", "2026-W10", 90, 120, 40, 200, 100, 10, 80, 400, 10);
    // a repository's group is the people who contributed there that week: ana and bob (the
    // agent is nobody) are under the floor of 3; withheld, it does not tell its group's size or
    // its number of items either
    assertWithheld(r, MetricId.PR_SIZE_P50, "repo:acme/checkout", "2026-W10");
    assertEquals(0, figure(r, MetricId.PR_SIZE_P50, "repo:acme/checkout", "2026-W10").people());
    assertEquals(0, figure(r, MetricId.PR_SIZE_P50, "repo:acme/checkout", "2026-W10").n());
  }

  @Test
  void pulseAveragesAnswersPerPodWithoutNamingRespondents() {
    EngineResult r = throughput();
    // checkout satisfaction: ana 4, bob 5, cy 3, raj 2 (in checkout at the end of W10) → 14 / 4
    assertPooledRatio(r, MetricId.PULSE_SATISFACTION, "pod:checkout", "2026-W10", 3.5, 14, 4, 4);
    assertPooledRatio(r, MetricId.PULSE_SATISFACTION, "pod:search", "2026-W10", 5, 5, 1, 1);
    // org: + sam 5, tom 4, an unmapped respondent 1 → 24 / 7; the pillar leaves the unmapped out
    assertPooledRatio(r, MetricId.PULSE_SATISFACTION, "org", "2026-W10", 24.0 / 7, 24, 7, 7);
    assertPooledRatio(
        r, MetricId.PULSE_SATISFACTION, "pillar:commerce", "2026-W10", 23.0 / 6, 23, 6, 6);
    assertPooledRatio(r, MetricId.PULSE_FLOW, "pod:checkout", "2026-W10", 3.5, 7, 2, 2);
    assertPooledRatio(r, MetricId.PULSE_COLLABORATION, "pod:search", "2026-W10", 3, 6, 2, 2);
    assertWithheld(r, MetricId.PULSE_SATISFACTION, "pod:tiny", "2026-W10");
    for (MetricId metric :
        List.of(MetricId.PULSE_SATISFACTION, MetricId.PULSE_FLOW, MetricId.PULSE_COLLABORATION)) {
      for (Contribution c : r.drilldown(metric, ScopeId.ORG, IsoWeek.parse("2026-W10"))) {
        assertNull(c.person());
        assertTrue(c.evidence().ref().startsWith("pulse:2026-W10:"), c.evidence().ref());
        for (String who : List.of("ana", "bob", "cy", "raj", "sam", "sue", "tom", "ghost")) {
          assertFalse(c.evidence().ref().contains(who), c.evidence().ref());
          assertFalse(c.evidence().rule().contains(who), c.evidence().rule());
        }
        assertFalse(
            c.scopes().stream()
                .anyMatch(s -> s.kind() == io.podometer.engine.scope.ScopeKind.MEMBER));
      }
    }
  }

  @Test
  void meetingHoursPerEngineerWithMeetingData() {
    EngineResult r = throughput();
    // checkout W10: ana 5 + bob 3.5 + pam 10 (a PM: hours, not an engineer) + raj 6 = 24.5 h
    // over the engineers with meeting data ana, bob, raj = 3 → 8.1666…
    assertPerDistinct(
        r, MetricId.MEETING_HOURS_PER_ENGINEER, "pod:checkout", "2026-W10", 24.5 / 3, 24.5, 3, 4);
    // search: sam 2 h / 1; the unmapped identity's 9 h count for nobody
    assertPerDistinct(r, MetricId.MEETING_HOURS_PER_ENGINEER, "pod:search", "2026-W10", 2, 2, 1, 1);
    // org: 26.5 h / 4 engineers
    assertPerDistinct(r, MetricId.MEETING_HOURS_PER_ENGINEER, "org", "2026-W10", 6.625, 26.5, 4, 5);
    assertEquals(
        List.of(
            "meeting:ana:2026-W10",
            "meeting:bob:2026-W10",
            "meeting:pam:2026-W10",
            "meeting:raj:2026-W10"),
        refs(r, MetricId.MEETING_HOURS_PER_ENGINEER, "pod:checkout", "2026-W10"));
  }

  @Test
  void revertRateCountsRevertsBySharAndNumberWithinThirtyDays() {
    EngineResult r =
        golden.compute("reverts.ndjson", "2026-W10", "2026-W11", "2026-04-20T00:00:00Z");
    // checkout W10 merged #40 #41 #42 #43 #44 #45:
    //   #40 reverted Wed by a pushed commit naming its merge sha → yes
    //   #41 reverted Fri by PR #45 "Revert #41: …" → yes
    //   #42 reverted on 2026-04-10, 37 days after its merge → no
    //   #43 named by a revert commit on the unmerged PR #47 → no (never landed)
    //   #44 reverted by a commit of PR #46 naming "abcdef1" (a 7-character sha), landed with #46
    //       on Mon 03-09 → yes
    //   #45 (the revert itself) → no
    // → 3 / 6
    assertPooledRatio(r, MetricId.REVERT_RATE, "pod:checkout", "2026-W10", 0.5, 3, 6, 6);
    assertEquals(
        List.of("pr:acme/checkout#40", "pr:acme/checkout#41", "pr:acme/checkout#44"),
        countedRefs(r, MetricId.REVERT_RATE, "pod:checkout", "2026-W10"));
    String late =
        r
            .drilldown(
                MetricId.REVERT_RATE, ScopeId.parse("pod:checkout"), IsoWeek.parse("2026-W10"))
            .stream()
            .filter(c -> c.evidence().ref().equals("pr:acme/checkout#42"))
            .findFirst()
            .orElseThrow()
            .evidence()
            .rule();
    assertTrue(late.contains("outside the 30-day window"), late);
    assertPooledRatio(r, MetricId.REVERT_RATE, "pod:checkout", "2026-W11", 0, 0, 1, 1);
  }

  @Test
  void revertAndChurnWeeksArePendingUntilTheirWindowsPass() {
    IsoWeek w10 = IsoWeek.parse("2026-W10");
    // W10 ends Mon 2026-03-09 00:00: reverts final 30 days later, churn 21 days later
    assertEquals(
        Instant.parse("2026-04-08T00:00:00Z"),
        OutcomeWindows.finalAt(MetricId.REVERT_RATE, w10, ZoneOffset.UTC).orElseThrow());
    assertEquals(
        Instant.parse("2026-03-30T00:00:00Z"),
        OutcomeWindows.finalAt(MetricId.AI_CHURN_PROXY, w10, ZoneOffset.UTC).orElseThrow());
    Instant april1 = Instant.parse("2026-04-01T00:00:00Z");
    assertTrue(OutcomeWindows.pending(MetricId.REVERT_RATE, w10, ZoneOffset.UTC, april1));
    assertFalse(OutcomeWindows.pending(MetricId.AI_CHURN_PROXY, w10, ZoneOffset.UTC, april1));
    assertFalse(OutcomeWindows.pending(MetricId.PR_SIZE_P50, w10, ZoneOffset.UTC, april1));
    // a pending week is still computed from what is known
    EngineResult early =
        golden.compute("reverts.ndjson", "2026-W10", "2026-W11", "2026-03-23T00:00:00Z");
    assertPooledRatio(early, MetricId.REVERT_RATE, "pod:checkout", "2026-W10", 0.5, 3, 6, 6);
  }

  @Test
  void aiChurnIsTheShareOfAiLinesInFilesChangedAgainWithin21Days() {
    EngineResult r = golden.compute("churn.ndjson", "2026-W10", "2026-W14", "2026-04-20T00:00:00Z");
    // checkout W10 PRs with AI lines:
    //   #50 Claude trailer commit: src/a.py 60 + src/b.py 40 = 100 AI lines (src/c.py is human);
    //       a.py changed again by #51 after 9 days, b.py by #52 only after 28 days → 60 / 100
    //   #54 agent-authored: src/d.py 50, changed by #55 after 17 days → 50 / 50
    //   #56 line-level: src/x.py 30 + src/y.py 10 AI lines; y.py changed by #57 after 8 days → 10 /
    // 40
    //   #53 is human: no AI lines
    // → (60 + 50 + 10) / (100 + 50 + 40) = 120 / 190
    assertPooledRatio(
        r, MetricId.AI_CHURN_PROXY, "pod:checkout", "2026-W10", 120.0 / 190, 120, 190, 3);
    assertEquals(
        List.of("pr:acme/checkout#50", "pr:acme/checkout#54", "pr:acme/checkout#56"),
        refs(r, MetricId.AI_CHURN_PROXY, "pod:checkout", "2026-W10"));
    // the human PRs of later weeks have no AI lines: no figure
    assertNoFigure(r, MetricId.AI_CHURN_PROXY, "pod:checkout", "2026-W11");
  }

  @Test
  void week53OfTheWeekBasedYear2026() {
    EngineResult r = golden.compute("w53.ndjson", "2026-W52", "2027-W02", "2027-03-01T00:00:00Z");
    // #60 merged Thu 2026-12-31 (2026-W53), reverted by #61 on 2027-01-05, which names #60
    assertPooledRatio(r, MetricId.REVERT_RATE, "pod:checkout", "2026-W53", 1, 1, 1, 1);
    assertPooledRatio(r, MetricId.REVERT_RATE, "pod:checkout", "2027-W01", 0, 0, 1, 1);
    // 1 merged PR over ana, active in 2026-W53
    assertPerDistinct(r, MetricId.THROUGHPUT_PER_ENGINEER, "pod:checkout", "2026-W53", 1, 1, 1, 2);
    // pulse of week "2026-W53": (4 + 2 + 3) / 3
    assertPooledRatio(r, MetricId.PULSE_SATISFACTION, "pod:checkout", "2026-W53", 3, 9, 3, 3);
  }

  @ParameterizedTest
  @CsvSource({
    "throughput.ndjson, 2026-W10, 2026-W11, 2026-03-23T00:00:00Z",
    "reverts.ndjson, 2026-W10, 2026-W11, 2026-04-20T00:00:00Z",
    "churn.ndjson, 2026-W10, 2026-W14, 2026-04-20T00:00:00Z",
    "w53.ndjson, 2026-W52, 2027-W02, 2027-03-01T00:00:00Z"
  })
  void shuffledAndDuplicatedEventsGiveIdenticalFigures(
      String scenario, String from, String to, String now) {
    var events = golden.events(scenario);
    EngineResult ordered = golden.compute(events, from, to, now);
    assertFalse(ordered.figures().isEmpty());
    for (long seed = 1; seed <= 5; seed++) {
      EngineResult shuffled =
          golden.compute(Golden.shuffledWithDuplicates(events, seed), from, to, now);
      assertEquals(ordered.figureMap(), shuffled.figureMap(), scenario + " seed " + seed);
      assertEquals(ordered.contributionCount(), shuffled.contributionCount());
    }
  }

  private static Set<String> denKeys(EngineResult r, MetricId metric, String scope, String week) {
    return r.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(week)).stream()
        .map(Contribution::denKey)
        .filter(k -> k != null)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
