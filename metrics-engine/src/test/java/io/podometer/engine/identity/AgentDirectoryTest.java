package io.podometer.engine.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.org.AgentPattern;
import io.podometer.engine.org.OrgFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentDirectoryTest {

  private final AgentDirectory agents = new AgentDirectory(OrgFixtures.example().org());

  @Test
  void knowsTheBuiltInBotLogins() {
    AgentDirectory builtIn = AgentDirectory.defaults();
    assertEquals(Optional.of("copilot"), builtIn.agentForLogin("copilot-swe-agent[bot]"));
    assertEquals(Optional.of("devin"), builtIn.agentForLogin("Devin-AI-Integration[bot]"));
    assertEquals(Optional.of("codex"), builtIn.agentForLogin("chatgpt-codex-connector[bot]"));
    assertEquals(Optional.of("claude_code"), builtIn.agentForLogin("claude[bot]"));
    assertEquals(Optional.of("cursor"), builtIn.agentForLogin("cursor[bot]"));
    assertEquals(Optional.of("gemini"), builtIn.agentForLogin("gemini-code-assist[bot]"));
    assertEquals(Optional.empty(), builtIn.agentForLogin("claude"));
    assertEquals(Optional.empty(), builtIn.agentForLogin("ana-l"));
    assertEquals(Optional.empty(), builtIn.agentForLogin(null));
  }

  @Test
  void matchesEmailGlobsIgnoringCase() {
    assertEquals(
        Optional.of("copilot"), agents.agentForEmail("198982749+Copilot@users.noreply.github.com"));
    assertEquals(
        Optional.of("copilot"), agents.agentForEmail("198982749+copilot@USERS.noreply.github.com"));
    assertEquals(Optional.of("claude_code"), agents.agentForEmail("NoReply@Anthropic.com"));
    assertEquals(Optional.of("aider"), agents.agentForEmail("aider@aider.chat"));
    assertEquals(
        Optional.of("cursor"),
        agents.agentForEmail("206951365+cursor[bot]@users.noreply.github.com"));
    assertEquals(Optional.empty(), agents.agentForEmail("Copilot@users.noreply.github.com.evil"));
    assertEquals(Optional.empty(), agents.agentForEmail("12345+ana-l@users.noreply.github.com"));
  }

  @Test
  void coAuthorTrailersMatchOnTheirEmailWhateverTheKeysCase() {
    assertEquals(
        Optional.of("claude_code"),
        agents.agentForTrailer("Co-Authored-By", "Claude <noreply@anthropic.com>"));
    assertEquals(
        Optional.of("claude_code"),
        agents.agentForTrailer("co-authored-by", "Claude Opus 4.1 <noreply@anthropic.com>"));
    assertEquals(
        Optional.of("copilot"),
        agents.agentForTrailer(
            "CO-AUTHORED-BY", "Copilot <175728472+Copilot@users.noreply.github.com>"));
    assertEquals(
        Optional.of("cursor"),
        agents.agentForTrailer("Co-authored-by", "<cursoragent@cursor.com>"));
    assertEquals(
        Optional.of("claude_code"),
        agents.agentForTrailer("Co-authored-by", "noreply@anthropic.com"));
  }

  @Test
  void aNameOrAnotherTrailerKeyIsNotAnAgent() {
    assertEquals(Optional.empty(), agents.agentForTrailer("Co-authored-by", "Claude"));
    assertEquals(
        Optional.empty(),
        agents.agentForTrailer("Signed-off-by", "Claude <noreply@anthropic.com>"));
    assertEquals(Optional.empty(), agents.agentForTrailer(null, "Claude <noreply@anthropic.com>"));
    assertEquals(Optional.empty(), agents.agentForTrailer("Co-authored-by", null));
  }

  @Test
  void aPersonAtAnAiCompanyIsAPerson() {
    assertEquals(
        Optional.empty(), agents.agentForTrailer("Co-authored-by", "Claude <jane@anthropic.com>"));
    assertEquals(Optional.empty(), agents.agentForEmail("jane@anthropic.com"));
    assertEquals(Optional.empty(), agents.agentForAuthor("Claude", "jane@anthropic.com", "jane"));
    assertEquals(Optional.empty(), agents.agentForEmail("dev@cursor.com"));
  }

  @Test
  void aFooterAloneMarksTheCommit() {
    String message =
        """
        Add one-click checkout

        🤖 Generated with [Claude Code](https://claude.com/claude-code)
        """;
    assertEquals(Optional.of("claude_code"), agents.agentForMessageFooter(message));
    assertEquals(
        Optional.of("claude_code"),
        agents.agentForMessageFooter("Fix\n\ngenerated WITH [claude code]"));
    assertEquals(
        Optional.empty(),
        agents.agentForMessageFooter("Docs: explain what Generated with [Claude Code] means"));
    assertEquals(Optional.empty(), agents.agentForMessageFooter("Fix typo"));
    assertEquals(Optional.empty(), agents.agentForMessageFooter(null));
  }

  @Test
  void aWholeMessageIsReadForTrailersThenFooters() {
    assertEquals(
        Optional.of("copilot"),
        agents.agentForMessage(
            "Fix\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\n"));
    assertEquals(
        Optional.empty(),
        agents.agentForMessage("Fix\n\nCo-authored-by: Jane <jane@anthropic.com>\n"));
    assertEquals(
        Optional.of("claude_code"),
        agents.agentForMessage("Fix\n\n🤖 Generated with [Claude Code]"));
  }

  @Test
  void theAiderSuffixCountsOnTheAuthorOnly() {
    assertEquals(
        Optional.of("aider"), agents.agentForAuthor("Ana Lima (aider)", "ana@acme.example", null));
    assertEquals(
        Optional.empty(), agents.agentForCommitter("Ana Lima (aider)", "ana@acme.example", null));
    assertEquals(Optional.empty(), agents.agentForAuthor("Ana Lima", "ana@acme.example", "ana-l"));
    assertEquals(Optional.empty(), agents.agentForAuthor("aider fan", null, null));
    assertEquals(Optional.of("aider"), agents.agentForCommitter("Ana", "noreply@aider.chat", null));
    assertEquals(
        Optional.of("copilot"), agents.agentForAuthor("Copilot", null, "copilot-swe-agent[bot]"));
    assertEquals(Optional.empty(), agents.agentForAuthor("Claude", null, null));
    assertEquals(Optional.empty(), agents.agentForAuthor(null, null, null));
  }

  @Test
  void theOrganizationExtendsTheBuiltInPatterns() {
    AgentDirectory extended =
        new AgentDirectory(
            OrgFixtures.load(
                    """
                    org:
                      name: Acme
                      agents:
                        - {tool: claude_code, emails: ["claude-bot@acme.example"]}
                        - {tool: windsurf, logins: ["windsurf[bot]"], trailerKeys: [Windsurf-Session]}
                    """)
                .org());
    assertEquals(Optional.of("claude_code"), extended.agentForEmail("claude-bot@acme.example"));
    assertEquals(Optional.of("claude_code"), extended.agentForEmail("noreply@anthropic.com"));
    assertEquals(Optional.of("windsurf"), extended.agentForLogin("windsurf[bot]"));
    assertEquals(Optional.of("windsurf"), extended.agentForTrailer("windsurf-session", "abc"));
    AgentPattern claude =
        extended.patterns().stream()
            .filter(p -> p.tool().equals("claude_code"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("noreply@anthropic.com", "claude-bot@acme.example"), claude.emails());
    assertEquals(List.of("claude[bot]"), claude.logins());
    assertEquals(8, extended.patterns().size());
    assertEquals(AgentDirectory.BUILT_IN, AgentDirectory.defaults().patterns());
    assertEquals(AgentDirectory.BUILT_IN, agents.patterns());
  }

  @Test
  void ignoredBotsAreNeitherPeopleNorAgents() {
    assertTrue(agents.isIgnoredBot("dependabot[bot]"));
    assertTrue(agents.isIgnoredBot("Renovate[bot]"));
    assertTrue(agents.isIgnoredBot("49699333+dependabot[bot]@users.noreply.github.com"));
    assertFalse(agents.isIgnoredBot("copilot-swe-agent[bot]"));
    assertFalse(agents.isIgnoredBot("ana-l"));
    assertFalse(agents.isIgnoredBot(null));
    assertEquals(Optional.empty(), agents.agentForLogin("dependabot[bot]"));
    AgentDirectory custom = new AgentDirectory(List.of(), List.of("*@ci.acme.example"));
    assertTrue(custom.isIgnoredBot("deploy@ci.acme.example"));
    assertFalse(custom.isIgnoredBot("dependabot[bot]"));
  }

  @Test
  void agentBranchPrefixesNameTheToolBehindAPersonsPullRequest() {
    AgentDirectory builtIn = AgentDirectory.defaults();
    assertEquals(Optional.of("copilot"), builtIn.agentForPullRequest("ana-l", "copilot/fix-1"));
    assertEquals(Optional.of("codex"), builtIn.agentForPullRequest("ana-l", "CODEX/x"));
    assertEquals(Optional.of("cursor"), builtIn.agentForPullRequest("ana-l", "cursor/y"));
    assertEquals(Optional.of("claude_code"), builtIn.agentForPullRequest("ana-l", "claude/z"));
    assertEquals(Optional.empty(), builtIn.agentForPullRequest("ana-l", "feature/copilot/x"));
    assertEquals(Optional.empty(), builtIn.agentForPullRequest("ana-l", "copilotish"));
    assertEquals(Optional.empty(), builtIn.agentForPullRequest("ana-l", null));
    // the author's login decides first
    assertEquals(
        Optional.of("devin"),
        builtIn.agentForPullRequest("devin-ai-integration[bot]", "copilot/x"));
    AgentDirectory extended =
        new AgentDirectory(
            List.of(
                new AgentPattern(
                    "jules", List.of(), List.of(), List.of(), List.of(), null, List.of("jules-"))),
            List.of());
    assertEquals(Optional.of("jules"), extended.agentForPullRequest("ana-l", "jules-123"));
  }
}
