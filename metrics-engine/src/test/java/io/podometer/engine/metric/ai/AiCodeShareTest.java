package io.podometer.engine.metric.ai;

import static io.podometer.engine.metric.ai.AiGolden.assertRatio;
import static io.podometer.engine.metric.ai.AiGolden.figure;
import static io.podometer.engine.metric.ai.AiGolden.items;
import static io.podometer.engine.metric.ai.AiGolden.refs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AI code share, agent-assisted diffs and agent-authored PRs over the changes that landed in
 * 2026-W10 (landed_changes.ndjson; one more PR landed on Sunday 2026-03-01, in 2026-W09).
 *
 * <pre>
 * change                 pod       added  AI   source
 * checkout-api#1 (squash) checkout  150   100  trailer: branch commits 100 Claude + 50 human;
 *                                                the squash commit repeats them and is not counted
 * checkout-api#2          checkout   80    80  author: copilot-swe-agent[bot] (pod owning the repo)
 * checkout-api#3          nobody                dependabot[bot], ignored
 * search#4                search    100    70  trailer: mixed-case key 40, e-mail-only 20, footer 10;
 *                                                a person at anthropic.com 30 is human
 * search#5                search    100    60  author: "(aider)" author name 60; on the committer 40 human
 * checkout-api#6          checkout  120    50  line 30 beats that commit's trailer (100 added);
 *                                                trailer (copilot) 20 on the other commit
 * checkout-api#7          checkout   40    40  trailer; vendor/ 500 and package-lock.json 900 excluded
 * checkout-api#8          checkout   30    30  declared (label ai-assisted)
 * search#9                search     50     0  human; opened by raj while in search (moved Wednesday)
 * search#10               search     20     0  human
 * search@d1000001         search     25    25  trailer, commit without a PR
 * search@d2000002         search     10     0  lee@openai.com: a person, unmapped (pod owning the repo)
 * search@d3000003                     0        merge commit: adds nothing
 * checkout-api@a1000003                         pushed to #1's head branch: lands through #1 only
 * checkout-api@a9000009                         on spike/x, a branch no PR of the repo targets
 * </pre>
 */
class AiCodeShareTest {

  private static final String W10 = "2026-W10";
  private static EngineResult result;

  @BeforeAll
  static void compute() {
    result =
        AiGolden.compute(
            AiGolden.org(),
            AiGolden.events(AiCodeShareTest.class, "landed_changes.ndjson"),
            "2026-W09",
            W10);
  }

  @Test
  void organizationShareCountsEveryLandedChangeOnce() {
    // added 150+80+100+100+120+40+30+50+20+25+10 = 725; AI 100+80+70+60+50+40+30+25 = 455;
    // 11 changes, #6 split in two items (line, trailer) → 12 items
    Figure share = assertRatio(result, MetricId.AI_CODE_SHARE, "org", W10, 455, 725, 12);
    // exact = line 30 + author (80 + 60) = 170
    assertEquals(170.0 / 725, share.exact(), 1e-12);
    // trailer 100+70+20+40+25 = 255, author 140, line 30, declared 30: 255+140+30+30 = 455
    assertEquals(
        Map.of(
            "trailer", 255.0 / 725,
            "author", 140.0 / 725,
            "line", 30.0 / 725,
            "declared", 30.0 / 725),
        share.bySource());
    assertEquals(
        share.value(), share.bySource().values().stream().mapToDouble(d -> d).sum(), 1e-12);
  }

  @Test
  void eachChangeIsAttributedByItsStrongestSourcePerCommit() {
    assertEquals(
        List.of(
            "commit:acme/search@d1000001 25/25 trailer exact 0",
            "commit:acme/search@d2000002 0/10",
            "pr:acme/checkout-api#1 100/150 trailer exact 0",
            "pr:acme/checkout-api#2 80/80 author exact 80",
            "pr:acme/checkout-api#6 20/0 trailer exact 0",
            "pr:acme/checkout-api#6 30/120 line exact 30",
            "pr:acme/checkout-api#7 40/40 trailer exact 0",
            "pr:acme/checkout-api#8 30/30 declared exact 0",
            "pr:acme/search#10 0/20",
            "pr:acme/search#4 70/100 trailer exact 0",
            "pr:acme/search#5 60/100 author exact 60",
            "pr:acme/search#9 0/50"),
        items(result, MetricId.AI_CODE_SHARE, "org", W10));
  }

  @Test
  void evidenceNamesTheSourcesAndTools() {
    Map<String, String> rules =
        result.drilldown(MetricId.AI_CODE_SHARE, ScopeId.ORG, IsoWeek.parse(W10)).stream()
            .filter(c -> c.den() > 0) // the first item of each change
            .collect(Collectors.toMap(c -> c.evidence().ref(), c -> c.evidence().rule()));
    assertEquals(
        "merged 2026-03-03; 100 of 150 added lines AI by trailer (claude_code)",
        rules.get("pr:acme/checkout-api#1"));
    assertEquals(
        "merged 2026-03-05; 50 of 120 added lines AI by 30 line (claude_code), 20 trailer (copilot);"
            + " this item: the line lines and all added lines",
        rules.get("pr:acme/checkout-api#6"));
    assertEquals(
        "merged 2026-03-05; 60 of 100 added lines AI by author (aider)",
        rules.get("pr:acme/search#5"));
    assertEquals(
        "committed 2026-03-06 without a pull request; 0 of 10 added lines AI (human)",
        rules.get("commit:acme/search@d2000002"));
  }

  @Test
  void podsGetTheChangesOfThePodTheAuthorWasInWhenTheyOpenedThem() {
    // checkout: #1 150/100, #2 80/80, #6 120/50 (2 items), #7 40/40, #8 30/30 → 300/420, 6 items
    assertRatio(result, MetricId.AI_CODE_SHARE, "pod:checkout", W10, 300, 420, 6);
    assertRatio(result, MetricId.AI_CODE_SHARE, "pillar:commerce", W10, 300, 420, 6);
    // search: #4 100/70, #5 100/60, #9 50/0, #10 20/0, d1 25/25, d2 10/0 → 155/305, 6 items
    assertRatio(result, MetricId.AI_CODE_SHARE, "pod:search", W10, 155, 305, 6);
    assertRatio(result, MetricId.AI_CODE_SHARE, "repo:acme/search", W10, 155, 305, 6);
    // raj opened #9 on Tuesday in search; he joined checkout on Wednesday, before the merge
    assertTrue(
        refs(result, MetricId.AI_CODE_SHARE, "pod:search", W10).contains("pr:acme/search#9"));
    assertFalse(
        refs(result, MetricId.AI_CODE_SHARE, "pod:checkout", W10).contains("pr:acme/search#9"));
    // repository contributors: sam, tia, raj and lee@openai.com (the agent is nobody)
    assertEquals(4, figure(result, MetricId.AI_CODE_SHARE, "repo:acme/search", W10).people());
  }

  @Test
  void ignoredBotsCountForNobody() {
    for (MetricId metric :
        List.of(
            MetricId.AI_CODE_SHARE,
            MetricId.AGENT_ASSISTED_DIFFS,
            MetricId.AGENT_AUTHORED_PRS,
            MetricId.AGENT_COST_PER_PR_USD)) {
      for (Contribution c : result.drilldown(metric, ScopeId.ORG, IsoWeek.parse(W10))) {
        assertFalse(c.evidence().ref().contains("#3"), metric + " leaves out dependabot's PR");
      }
    }
  }

  @Test
  void agentAssistedDiffsAddTheAuthorsAgentUseTheDayBefore() {
    // 9 merged PRs (#3 ignored); AI-attributed #1 #2 #4 #5 #6 #7 #8; #9: raj used claude_code on
    // 2026-03-04, the day before his commit of 2026-03-05; #10: sam's agent days (02-26, 03-06)
    // are neither a day of the PR (03-04 opened and commit, 03-05 merged) nor the day before
    assertRatio(result, MetricId.AGENT_ASSISTED_DIFFS, "org", W10, 8, 9, 9);
    assertRatio(result, MetricId.AGENT_ASSISTED_DIFFS, "pod:checkout", W10, 5, 5, 5);
    assertRatio(result, MetricId.AGENT_ASSISTED_DIFFS, "pod:search", W10, 3, 4, 4);
    Map<String, Contribution> byRef = byRef(MetricId.AGENT_ASSISTED_DIFFS, "pod:search");
    assertEquals(1, byRef.get("pr:acme/search#9").num());
    assertEquals(
        "merged 2026-03-05; no AI lines, but the author used claude_code on 2026-03-04"
            + " (agent.usage)",
        byRef.get("pr:acme/search#9").evidence().rule());
    assertEquals(0, byRef.get("pr:acme/search#10").num());
  }

  @Test
  void agentAuthoredPullRequests() {
    // only #2 (copilot-swe-agent[bot]), counted for the pod owning acme/checkout-api
    assertRatio(result, MetricId.AGENT_AUTHORED_PRS, "org", W10, 1, 9, 9);
    assertRatio(result, MetricId.AGENT_AUTHORED_PRS, "pod:checkout", W10, 1, 5, 5);
    assertRatio(result, MetricId.AGENT_AUTHORED_PRS, "pod:search", W10, 0, 4, 4);
    Contribution agentPr =
        byRef(MetricId.AGENT_AUTHORED_PRS, "pod:checkout").get("pr:acme/checkout-api#2");
    assertNull(agentPr.person(), "an agent is no person");
    assertFalse(agentPr.scopes().stream().anyMatch(s -> s.kind() == ScopeKind.MEMBER));
  }

  @Test
  void theWeekIsTheWeekTheChangeLanded() {
    // #11 merged Sunday 2026-03-01 23:30 UTC: 2026-W09, human 70 lines
    assertRatio(result, MetricId.AI_CODE_SHARE, "org", "2026-W09", 0, 70, 1);
    assertEquals(
        List.of("pr:acme/checkout-api#11 0/70"),
        items(result, MetricId.AI_CODE_SHARE, "org", "2026-W09"));
  }

  private static Map<String, Contribution> byRef(MetricId metric, String scope) {
    return result.drilldown(metric, ScopeId.parse(scope), IsoWeek.parse(W10)).stream()
        .collect(Collectors.toMap(c -> c.evidence().ref(), c -> c));
  }
}
