package io.podometer.engine.org;

import java.util.List;
import java.util.Objects;

/**
 * How one agent tool shows up in sources. {@code emails} are case-insensitive globs where {@code *}
 * matches any run of characters; {@code logins} are GitHub logins (case-insensitive); {@code
 * footers} are commit-message lines; {@code trailerKeys} are trailer keys whose presence alone
 * marks the tool (besides {@code Co-authored-by} trailers matched on their e-mail); {@code
 * authorNameSuffix} (null for none) is matched on a commit's author name only; {@code
 * branchPrefixes} are pull-request head branch prefixes (case-insensitive) of agents that open PRs
 * under the name of the person who asked for the work (Copilot coding agent's {@code copilot/}).
 */
public record AgentPattern(
    String tool,
    List<String> emails,
    List<String> logins,
    List<String> footers,
    List<String> trailerKeys,
    String authorNameSuffix,
    List<String> branchPrefixes) {

  public AgentPattern(
      String tool,
      List<String> emails,
      List<String> logins,
      List<String> footers,
      List<String> trailerKeys,
      String authorNameSuffix) {
    this(tool, emails, logins, footers, trailerKeys, authorNameSuffix, List.of());
  }

  public AgentPattern {
    Objects.requireNonNull(tool, "tool");
    emails = emails == null ? List.of() : List.copyOf(emails);
    logins = logins == null ? List.of() : List.copyOf(logins);
    footers = footers == null ? List.of() : List.copyOf(footers);
    trailerKeys = trailerKeys == null ? List.of() : List.copyOf(trailerKeys);
    branchPrefixes = branchPrefixes == null ? List.of() : List.copyOf(branchPrefixes);
  }
}
