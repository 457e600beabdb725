package io.podometer.engine.metric.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.testing.GoldenData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agent usage figures split by tool, in 2026-W10 (AiGolden's organization): each tool's own rate
 * where its items carry the den, its part of the whole where the den is the week's merged PRs.
 *
 * <pre>
 * ben   copilot 03-03  100 suggestions, 30 accepted;              cost 0
 * sam   cursor  03-04   50 suggestions,  5 accepted;              cost 2.00
 * ana   claude  03-02  edits 9 accepted, 1 rejected;               cost 6.00
 * merged PRs: checkout #41 (ana), search #42 (sam)
 * </pre>
 */
class UsageByToolTest {

  private static final String W10 = "2026-W10";

  private static final String EVENTS =
      """
      {"id":"u1","type":"agent.usage","source":"api","occurredAt":"2026-03-03T23:00:00Z","schema":1,"data":{"tool":"copilot","user":"ben-k","day":"2026-03-03","suggestions":100,"acceptances":30}}
      {"id":"u2","type":"agent.usage","source":"api","occurredAt":"2026-03-04T23:00:00Z","schema":1,"data":{"tool":"cursor","user":"sam@acme.example","day":"2026-03-04","suggestions":50,"acceptances":5,"costUsd":2.0}}
      {"id":"u3","type":"agent.usage","source":"api","occurredAt":"2026-03-02T23:00:00Z","schema":1,"data":{"tool":"claude_code","user":"ana@acme.example","day":"2026-03-02","editAccepts":9,"editRejects":1,"costUsd":6.0}}
      {"id":"p41","type":"pr.merged","source":"api","occurredAt":"2026-03-05T10:00:00Z","repo":"acme/checkout-api","schema":1,"data":{"number":41,"author":"ana-l","mergedAt":"2026-03-05T10:00:00Z","mergeCommitSha":"4141414141414141414141414141414141414141","additions":10,"deletions":0}}
      {"id":"p42","type":"pr.merged","source":"api","occurredAt":"2026-03-05T11:00:00Z","repo":"acme/search","schema":1,"data":{"number":42,"author":"sam-ito","mergedAt":"2026-03-05T11:00:00Z","mergeCommitSha":"4242424242424242424242424242424242424242","additions":10,"deletions":0}}
      """;

  @Test
  void eachToolHasItsOwnRateOrItsPartOfTheWhole() {
    EngineResult result = AiGolden.compute(AiGolden.org(), GoldenData.events(EVENTS), W10, W10);
    // acceptance: (30 + 5) / (100 + 50) overall; Copilot 30 / 100, Cursor 5 / 50
    AiGolden.assertRatio(result, MetricId.AGENT_ACCEPTANCE_RATE, "org", W10, 35, 150, 2);
    assertEquals(
        Map.of("copilot", 0.30, "cursor", 0.10),
        AiGolden.figure(result, MetricId.AGENT_ACCEPTANCE_RATE, "org", W10).byTool());
    // cost per merged PR: (2 + 6) / 2 = 4.00, of which Claude Code 6 / 2 = 3.00, Cursor 2 / 2 =
    // 1.00
    AiGolden.assertRatio(result, MetricId.AGENT_COST_PER_PR_USD, "org", W10, 8, 2, 4);
    assertEquals(
        Map.of("claude_code", 3.0, "cursor", 1.0),
        AiGolden.figure(result, MetricId.AGENT_COST_PER_PR_USD, "org", W10).byTool());
    // edit rejects: Claude Code alone, 1 / 10
    assertEquals(
        Map.of("claude_code", 0.1),
        AiGolden.figure(result, MetricId.AGENT_EDIT_REJECT_RATE, "org", W10).byTool());
  }
}
