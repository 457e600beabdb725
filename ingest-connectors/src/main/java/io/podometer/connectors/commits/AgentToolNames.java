package io.podometer.connectors.commits;

import java.util.Locale;
import java.util.Map;

/**
 * Agent tool names as attribution sources write them (git-ai's {@code claude}, Agent Trace's {@code
 * claude-code}, {@code github-copilot}…) → the tool ids of the agent patterns, so that one agent is
 * one tool whichever source names it.
 */
public final class AgentToolNames {

  private static final Map<String, String> TOOLS =
      Map.of(
          "claude", "claude_code",
          "claude-code", "claude_code",
          "claude_code", "claude_code",
          "github-copilot", "copilot",
          "copilot", "copilot",
          "cursor", "cursor",
          "codex", "codex",
          "gemini", "gemini",
          "aider", "aider");

  private AgentToolNames() {}

  /** The tool id: a known name's, else the name in lower case with dashes as underscores. */
  public static String toolId(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return TOOLS.getOrDefault(lower, lower.replace('-', '_'));
  }
}
