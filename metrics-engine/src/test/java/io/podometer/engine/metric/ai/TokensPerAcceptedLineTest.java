package io.podometer.engine.metric.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code agent_tokens_per_accepted_line} in 2026-W10 (AiGolden's organization): tokens over the
 * lines people kept — Copilot's accepted lines, else the lines an agent's accepted edits added.
 *
 * <pre>
 * ben (checkout)  copilot      03-03  3,000 tokens, 30 lines accepted        → 30 kept
 * cyd (checkout)  claude_code  03-04  2,000 tokens, 70 lines added            → 70 kept
 * ana (checkout)  claude_code  03-02    500 tokens, no line added             → nothing kept: left out
 * sam (search)    cursor       03-04  1,000 tokens, 60 added, 50 accepted     → 50 kept
 * </pre>
 */
class TokensPerAcceptedLineTest {

  private static final String W10 = "2026-W10";

  private static final String EVENTS =
      """
      {"id":"u1","type":"agent.usage","source":"api","occurredAt":"2026-03-03T23:00:00Z","schema":1,"data":{"tool":"copilot","user":"ben-k","day":"2026-03-03","tokens":3000,"linesAccepted":30}}
      {"id":"u2","type":"agent.usage","source":"api","occurredAt":"2026-03-04T23:00:00Z","schema":1,"data":{"tool":"claude_code","user":"cyd@acme.example","day":"2026-03-04","tokens":2000,"linesAdded":70}}
      {"id":"u3","type":"agent.usage","source":"api","occurredAt":"2026-03-02T23:00:00Z","schema":1,"data":{"tool":"claude_code","user":"ana@acme.example","day":"2026-03-02","tokens":500,"linesAdded":0}}
      {"id":"u4","type":"agent.usage","source":"api","occurredAt":"2026-03-04T23:00:00Z","schema":1,"data":{"tool":"cursor","user":"sam@acme.example","day":"2026-03-04","tokens":1000,"linesAdded":60,"linesAccepted":50}}
      """;

  @Test
  void tokensOverTheLinesKept() {
    EngineResult r = AiGolden.compute(AiGolden.org(), GoldenData.events(EVENTS), W10, W10);
    // checkout: (3,000 + 2,000) / (30 + 70) = 50 tokens a line; ana's day kept nothing
    AiGolden.assertRatio(
        r, MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE, "pod:checkout", W10, 5_000, 100, 2);
    // each tool its own: Copilot 3,000 / 30 = 100, Claude Code 2,000 / 70
    assertEquals(
        Map.of("copilot", 100.0, "claude_code", 2_000.0 / 70),
        AiGolden.figure(r, MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE, "pod:checkout", W10).byTool());
    // the organization: (5,000 + 1,000) / (100 + 50) = 40
    AiGolden.assertRatio(r, MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE, "org", W10, 6_000, 150, 3);
    assertNull(
        r.figure(
            MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE,
            ScopeId.pod("search"),
            IsoWeek.parse("2026-W11")));
  }
}
