package io.podometer.engine.metric.ai;

import static io.podometer.engine.metric.ai.AiGolden.assertRatio;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agents that open pull requests in the name of the person who asked (Copilot's coding agent,
 * Codex, Cursor, Claude): their work shows by the head branch's prefix (agent_branches.ndjson, all
 * merged in 2026-W10 by ana-l, no commits known).
 *
 * <pre>
 * PR  head branch                added  AI  why
 * #21 copilot/fix-cart-rounding     60  60  built-in prefix copilot/ → author source, copilot
 * #22 ana-l/cart-badge              40   0  a person's branch
 * #23 Codex/search-hints            25  25  prefixes match whatever the case → codex
 * #24 fix/copilot/typo              15   0  a prefix only matches at the start
 * </pre>
 */
class AgentBranchTest {

  @Test
  void aPullRequestOnAnAgentsBranchIsAgentWorkThoughAPersonOpenedIt() {
    EngineResult result =
        AiGolden.compute(
            AiGolden.org(),
            AiGolden.events(AgentBranchTest.class, "agent_branches.ndjson"),
            "2026-W10",
            "2026-W10");
    // added 60 + 40 + 25 + 15 = 140; AI 60 + 25 = 85, all from the author source
    Figure share = assertRatio(result, MetricId.AI_CODE_SHARE, "org", "2026-W10", 85, 140, 4);
    assertEquals(Map.of("author", 85.0 / 140), share.bySource());
    // the tools behind them: copilot's 60 lines, codex's 25
    assertEquals(Map.of("copilot", 60.0 / 140, "codex", 25.0 / 140), share.byTool());
    // agent-authored: 2 of the 4 merged PRs
    assertRatio(result, MetricId.AGENT_AUTHORED_PRS, "org", "2026-W10", 2, 4, 4);
  }
}
