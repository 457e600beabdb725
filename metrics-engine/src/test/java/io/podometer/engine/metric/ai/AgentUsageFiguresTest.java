package io.podometer.engine.metric.ai;

import static io.podometer.engine.metric.ai.AiGolden.assertRatio;
import static io.podometer.engine.metric.ai.AiGolden.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agent cost and tokens per merged PR, acceptance and edit-reject rates in 2026-W10 (usage.ndjson).
 * A usage day counts for its user's pod that day; an unmapped user for the organization only.
 *
 * <pre>
 * user (member, pod that day)                 day    tool    cost   tokens    sugg/acc  edits acc/rej
 * ana@acme.example (ana, checkout), revised   03-02  claude  3.75   480 000             12/2
 * 5e1f0c2a-uuid (ana, checkout)               03-03  claude  1.25   200 000              8/8
 * ben-k (ben, checkout)                       03-03  copilot                  100/30
 * sam@acme.example (sam, search)              03-04  copilot                   50/10
 * raj@acme.example (raj, search on Tuesday)   03-03  claude  2.00   100 000              5/0
 * raj@acme.example (raj, checkout from Wed.)  03-05  claude  1.00    50 000
 * ghost@contractor.example (unmapped, org)    03-04  claude 10.00 1 000 000              0/10
 * merged PRs: checkout #31 (ana), #32 (ben); search #33 (sam); dependabot's #34 ignored
 * ana's day of 2026-03-01 (2026-W09) does not count
 * </pre>
 */
class AgentUsageFiguresTest {

  private static final String W10 = "2026-W10";
  private static EngineResult result;

  @BeforeAll
  static void compute() {
    result =
        AiGolden.compute(
            AiGolden.org(), AiGolden.events(AgentUsageFiguresTest.class, "usage.ndjson"), W10, W10);
  }

  @Test
  void costPerMergedPullRequest() {
    // checkout: (3.75 + 1.25 + 1.00) / 2 PRs = 3.00; 3 usage days + 2 PRs = 5 items
    assertRatio(result, MetricId.AGENT_COST_PER_PR_USD, "pod:checkout", W10, 6.00, 2, 5);
    // search: 2.00 / 1 PR
    assertRatio(result, MetricId.AGENT_COST_PER_PR_USD, "pod:search", W10, 2.00, 1, 2);
    // org: 3.75 + 1.25 + 2.00 + 1.00 + 10.00 = 18.00 / 3 PRs = 6.00; 5 days + 3 PRs
    assertRatio(result, MetricId.AGENT_COST_PER_PR_USD, "org", W10, 18.00, 3, 8);
    // every cost of the week is Claude Code's: its part of the org's cost per PR is all of it
    assertEquals(
        java.util.Map.of("claude_code", 18.00 / 3),
        AiGolden.figure(result, MetricId.AGENT_COST_PER_PR_USD, "org", W10).byTool());
    // ana's own: 3.75 + 1.25 over her 1 PR
    assertRatio(result, MetricId.AGENT_COST_PER_PR_USD, "member:ana", W10, 5.00, 1, 3);
    assertEquals(
        List.of(
            "pr:acme/checkout-api#31 0/1",
            "pr:acme/checkout-api#32 0/1",
            "pr:acme/search#33 0/1",
            "usage:claude_code:5e1f0c2a-uuid:2026-03-03 1.25/0",
            "usage:claude_code:ana@acme.example:2026-03-02 3.75/0",
            "usage:claude_code:ghost@contractor.example:2026-03-04 10/0",
            "usage:claude_code:raj@acme.example:2026-03-03 2/0",
            "usage:claude_code:raj@acme.example:2026-03-05 1/0"),
        items(result, MetricId.AGENT_COST_PER_PR_USD, "org", W10));
  }

  @Test
  void tokensPerMergedPullRequest() {
    // checkout: (480 000 + 200 000 + 50 000) / 2 = 365 000
    assertRatio(result, MetricId.AGENT_TOKENS_PER_PR, "pod:checkout", W10, 730_000, 2, 5);
    assertRatio(result, MetricId.AGENT_TOKENS_PER_PR, "pod:search", W10, 100_000, 1, 2);
    // org: 730 000 + 100 000 + 1 000 000 = 1 830 000 / 3 = 610 000
    assertRatio(result, MetricId.AGENT_TOKENS_PER_PR, "org", W10, 1_830_000, 3, 8);
  }

  @Test
  void acceptanceRate() {
    assertRatio(result, MetricId.AGENT_ACCEPTANCE_RATE, "pod:checkout", W10, 30, 100, 1);
    assertRatio(result, MetricId.AGENT_ACCEPTANCE_RATE, "pod:search", W10, 10, 50, 1);
    assertRatio(result, MetricId.AGENT_ACCEPTANCE_RATE, "org", W10, 40, 150, 2);
    // by tool, each its own rate: Copilot's 40 / 150
    assertEquals(
        java.util.Map.of("copilot", 40.0 / 150),
        AiGolden.figure(result, MetricId.AGENT_ACCEPTANCE_RATE, "org", W10).byTool());
    assertEquals(null, AiGolden.figure(result, MetricId.AGENT_ACCEPTANCE_RATE, "org", W10).exact());
  }

  @Test
  void editRejectRate() {
    // checkout: ana (2 + 8) / (14 + 16) = 10 / 30
    assertRatio(result, MetricId.AGENT_EDIT_REJECT_RATE, "pod:checkout", W10, 10, 30, 2);
    // search: raj on Tuesday 0 / 5
    assertRatio(result, MetricId.AGENT_EDIT_REJECT_RATE, "pod:search", W10, 0, 5, 1);
    // org: (2 + 8 + 0 + 10) / (14 + 16 + 5 + 10) = 20 / 45
    assertRatio(result, MetricId.AGENT_EDIT_REJECT_RATE, "org", W10, 20, 45, 4);
    assertEquals(
        List.of(
            "usage:claude_code:5e1f0c2a-uuid:2026-03-03 8/16",
            "usage:claude_code:ana@acme.example:2026-03-02 2/14",
            "usage:claude_code:ghost@contractor.example:2026-03-04 10/10",
            "usage:claude_code:raj@acme.example:2026-03-03 0/5"),
        items(result, MetricId.AGENT_EDIT_REJECT_RATE, "org", W10));
  }
}
