package io.podometer.engine.metric.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import org.junit.jupiter.api.Test;

/**
 * The figures the shortcut and junior detectors read, in 2026-W10 (03-02 … 03-08) of one pod, shop:
 * ana (L5), sec (L6, the security reviewer), and three juniors at or under L3: ben, cy, dee.
 *
 * <pre>
 * PR  author       files (added lines)                         AI          approvals          merged
 * #1  Copilot      src/app.js 60                               agent       none               03-03
 * #2  Copilot      src/auth/login.js 20, src/auth/LoginTest.js 30  agent   ana                03-04
 * #3  ben          docs/guide.md 80                            ai-assisted claude[bot] only   03-05
 * #4  cy           src/cart.js 100                             ai-assisted ana                03-05
 * #5  dee          src/x.js 40                                 none        ana                03-06
 * agent use: ana 03-04 (claude_code, 2 permission bypasses), cy 03-05 (claude_code)
 * reviews by juniors: ben commented on #5 (03-06)
 * </pre>
 */
class SafeguardFiguresTest {

  private static final String W10 = "2026-W10";

  private static final String ORG =
      """
      org: {name: Acme, timeZone: UTC, privacyFloor: 2, securityReviewers: [sec]}
      pods: [{id: shop, name: Shop}]
      members:
        - {id: ana, name: Ana, role: engineer, level: L5, identities: {github: [ana], emails: [ana@acme.example]}, memberships: [{pod: shop, from: 2026-01-05}]}
        - {id: sec, name: Sec, role: engineer, level: L6, identities: {github: [sec]}, memberships: [{pod: shop, from: 2026-01-05}]}
        - {id: ben, name: Ben, role: engineer, level: L2, identities: {github: [ben]}, memberships: [{pod: shop, from: 2026-01-05}]}
        - {id: cy, name: Cy, role: engineer, level: L3, identities: {github: [cy], emails: [cy@acme.example]}, memberships: [{pod: shop, from: 2026-01-05}]}
        - {id: dee, name: Dee, role: engineer, level: L2, identities: {github: [dee]}, memberships: [{pod: shop, from: 2026-01-05}]}
      services: [{id: shop, pod: shop, repos: [acme/shop]}]
      """;

  private static String pr(
      int n, String author, String at, String labels, String files, int added) {
    return ("{\"id\":\"m%1$d\",\"type\":\"pr.merged\",\"source\":\"api\",\"occurredAt\":\"%3$s\","
            + "\"repo\":\"acme/shop\",\"schema\":1,\"data\":{\"number\":%1$d,\"author\":\"%2$s\","
            + "\"mergedAt\":\"%3$s\",\"mergeCommitSha\":\"%6$s\",\"additions\":%5$d,\"deletions\":0,"
            + "\"labels\":[%4$s],\"files\":[%7$s]}}")
        .formatted(n, author, at, labels, added, "%040d".formatted(n), files);
  }

  private static String file(String path, int added) {
    return "{\"path\":\"%s\",\"additions\":%d,\"deletions\":0}".formatted(path, added);
  }

  private static String review(int n, String reviewer, String state, String at) {
    return ("{\"id\":\"r%1$d%2$s\",\"type\":\"pr.review_submitted\",\"source\":\"api\","
            + "\"occurredAt\":\"%4$s\",\"repo\":\"acme/shop\",\"schema\":1,\"data\":{\"number\":%1$d,"
            + "\"reviewer\":\"%2$s\",\"state\":\"%3$s\",\"submittedAt\":\"%4$s\"}}")
        .formatted(n, reviewer, state, at);
  }

  private static final String EVENTS =
      String.join(
          "\n",
          pr(1, "copilot-swe-agent[bot]", "2026-03-03T12:00:00Z", "", file("src/app.js", 60), 60),
          pr(
              2,
              "copilot-swe-agent[bot]",
              "2026-03-04T12:00:00Z",
              "",
              file("src/auth/login.js", 20) + "," + file("src/auth/LoginTest.js", 30),
              50),
          review(2, "ana", "approved", "2026-03-04T11:00:00Z"),
          pr(3, "ben", "2026-03-05T12:00:00Z", "\"ai-assisted\"", file("docs/guide.md", 80), 80),
          review(3, "claude[bot]", "approved", "2026-03-05T11:00:00Z"),
          pr(4, "cy", "2026-03-05T15:00:00Z", "\"ai-assisted\"", file("src/cart.js", 100), 100),
          review(4, "ana", "approved", "2026-03-05T14:00:00Z"),
          pr(5, "dee", "2026-03-06T12:00:00Z", "", file("src/x.js", 40), 40),
          review(5, "ben", "commented", "2026-03-06T10:00:00Z"),
          review(5, "ana", "approved", "2026-03-06T11:00:00Z"),
          "{\"id\":\"u1\",\"type\":\"agent.usage\",\"source\":\"api\",\"occurredAt\":\"2026-03-04T23:00:00Z\",\"schema\":1,\"data\":{\"tool\":\"claude_code\",\"user\":\"ana@acme.example\",\"day\":\"2026-03-04\",\"sessions\":1,\"permissionBypasses\":2}}",
          "{\"id\":\"u2\",\"type\":\"agent.usage\",\"source\":\"api\",\"occurredAt\":\"2026-03-05T23:00:00Z\",\"schema\":1,\"data\":{\"tool\":\"claude_code\",\"user\":\"cy@acme.example\",\"day\":\"2026-03-05\",\"sessions\":1}}");

  private final EngineResult r =
      AiGolden.compute(GoldenData.org(ORG), GoldenData.events(EVENTS), W10, W10);

  private Figure shop(MetricId metric) {
    return AiGolden.figure(r, metric, "pod:shop", W10);
  }

  @Test
  void securityShortcutsCountEachShortcut() {
    // #1: Copilot's PR merged with no human approval; #2: Copilot changed src/auth/** approved by
    // ana, who is no security reviewer; ana's day with permissions bypassed → 1 + 1 + 1
    assertEquals(3, shop(MetricId.SECURITY_SHORTCUTS).value());
  }

  @Test
  void untestedAiPrsAreTheAiHeavyOnesChangingNoTestOrDocs() {
    // AI-heavy (AI share ≥ 50 %, ≥ 50 added lines): #1 (60, no test) #2 (50, LoginTest.js)
    // #3 (80, docs/guide.md) #4 (100, no test); #5 has no AI → untested #1 #4 → 2 / 4
    AiGolden.assertRatio(r, MetricId.UNTESTED_AI_PR_SHARE, "pod:shop", W10, 2, 4, 4);
  }

  @Test
  void uncorroboratedAiIsDeclaredWorkWithoutTheAuthorsAgentUse() {
    // declared only, by people: #3 (ben used no agent) #4 (cy used claude_code on 03-05) → 1 / 2
    AiGolden.assertRatio(r, MetricId.UNCORROBORATED_AI_SHARE, "pod:shop", W10, 1, 2, 2);
  }

  @Test
  void juniorsAsAGroup() {
    // ben's one review; cy and dee, juniors of the pod that week, gave none → 1, over 3 juniors
    Figure reviews = shop(MetricId.JUNIOR_REVIEWS_GIVEN);
    assertEquals(1, reviews.value());
    assertEquals(3, reviews.people());
    // by hand: ben 0 of 80, cy 0 of 100, dee 40 of 40 → 40 / 220
    AiGolden.assertRatio(r, MetricId.JUNIOR_HUMAN_SHARE, "pod:shop", W10, 40, 220, 3);
    // approved: #3 by claude[bot] only, #4 and #5 by ana → 1 / 3
    AiGolden.assertRatio(r, MetricId.JUNIOR_AGENT_ONLY_APPROVALS, "pod:shop", W10, 1, 3, 3);
    // every item is about a junior: a drill-down sums them, it never lists one junior's PR
    assertTrue(
        r.drilldown(MetricId.JUNIOR_HUMAN_SHARE, ScopeId.pod("shop"), IsoWeek.parse(W10)).stream()
            .allMatch(c -> c.evidence().aboutAPerson()));
    // no junior figure for a member's own scope
    assertNull(r.figure(MetricId.JUNIOR_HUMAN_SHARE, ScopeId.member("ben"), IsoWeek.parse(W10)));
  }

  @Test
  void theJuniorsFiguresKeepTheFloorOnTheJuniors() {
    // a floor of 4: the pod's 5 members clear it, its 3 juniors do not
    EngineResult floored =
        AiGolden.compute(
            GoldenData.org(ORG.replace("privacyFloor: 2", "privacyFloor: 4")),
            GoldenData.events(EVENTS),
            W10,
            W10);
    assertTrue(
        AiGolden.figure(floored, MetricId.JUNIOR_HUMAN_SHARE, "pod:shop", W10).withheld() != null);
    assertTrue(
        AiGolden.figure(floored, MetricId.JUNIOR_REVIEWS_GIVEN, "pod:shop", W10).withheld()
            != null);
    assertNull(AiGolden.figure(floored, MetricId.UNTESTED_AI_PR_SHARE, "pod:shop", W10).withheld());
  }

  @Test
  void withoutAReviewerListAnyHumanApprovalCoversASensitivePath() {
    EngineResult open =
        AiGolden.compute(
            GoldenData.org(ORG.replace(", securityReviewers: [sec]", "")),
            GoldenData.events(EVENTS),
            W10,
            W10);
    // #2 was approved by ana: only #1 and the bypass day remain → 2
    assertEquals(2, AiGolden.figure(open, MetricId.SECURITY_SHORTCUTS, "pod:shop", W10).value());
  }
}
