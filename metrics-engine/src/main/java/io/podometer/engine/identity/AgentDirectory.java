package io.podometer.engine.identity;

import io.podometer.engine.org.AgentPattern;
import io.podometer.engine.org.OrgSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells agents from people: the built-in agent patterns extended by the organization's, and the
 * ignored bots. Matching is on logins, e-mail addresses, trailer keys, footers and an author-name
 * suffix, never on a bare name ("Claude"), and only configured addresses match: a person at an AI
 * company's domain is a person. Logins and e-mails compare case-insensitively. Immutable and
 * thread-safe; arguments may be null (no match).
 */
public final class AgentDirectory {

  private final java.util.concurrent.ConcurrentMap<String, Optional<String>> emailVerdicts =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentMap<String, Boolean> botVerdicts =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The patterns every organization gets. */
  public static final List<AgentPattern> BUILT_IN =
      List.of(
          new AgentPattern(
              "claude_code",
              List.of("noreply@anthropic.com"),
              List.of("claude[bot]"),
              List.of("Generated with [Claude Code]"),
              List.of(),
              null,
              List.of("claude/")),
          new AgentPattern(
              "copilot",
              List.of("*+Copilot@users.noreply.github.com", "copilot@github.com"),
              List.of("copilot-swe-agent[bot]"),
              List.of(),
              List.of(),
              null,
              List.of("copilot/")),
          new AgentPattern(
              "cursor",
              List.of("cursoragent@cursor.com"),
              List.of("cursor[bot]"),
              List.of(),
              List.of(),
              null,
              List.of("cursor/")),
          new AgentPattern(
              "devin",
              List.of(),
              List.of("devin-ai-integration[bot]"),
              List.of(),
              List.of(),
              null,
              List.of("devin/")),
          new AgentPattern(
              "codex",
              List.of(),
              List.of("chatgpt-codex-connector[bot]"),
              List.of(),
              List.of(),
              null,
              List.of("codex/")),
          new AgentPattern(
              "aider",
              List.of("aider@aider.chat", "noreply@aider.chat"),
              List.of(),
              List.of(),
              List.of(),
              " (aider)"),
          new AgentPattern(
              "gemini", List.of(), List.of("gemini-code-assist[bot]"), List.of(), List.of(), null));

  private static final String CO_AUTHOR_KEY = "co-authored-by";
  private static final Pattern ANGLE_EMAIL = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  private static final Pattern BARE_EMAIL = Pattern.compile("[^<>\\s]+@[^<>\\s]+");
  private static final Pattern TRAILER_LINE =
      Pattern.compile("([A-Za-z][A-Za-z0-9-]*)\\s*:\\s*(\\S.*)");

  private final List<AgentPattern> patterns;
  private final Map<String, String> toolByLogin = new LinkedHashMap<>();
  private final Map<Pattern, String> toolByEmail = new LinkedHashMap<>();
  private final Map<String, String> toolByTrailerKey = new LinkedHashMap<>();
  private final Map<String, String> toolByFooter = new LinkedHashMap<>();
  private final Map<String, String> toolByNameSuffix = new LinkedHashMap<>();
  private final Map<String, String> toolByBranchPrefix = new LinkedHashMap<>();
  private final List<Pattern> ignoredBots = new ArrayList<>();

  /** The built-in patterns extended by {@code settings.agents()}, ignoring its ignored bots. */
  public AgentDirectory(OrgSettings settings) {
    this(settings.agents(), settings.ignoredBots());
  }

  /**
   * @param extraPatterns patterns added to the built-in ones (a known tool gets more patterns)
   * @param ignoredBots logins or e-mail globs that are neither people nor agents
   */
  public AgentDirectory(List<AgentPattern> extraPatterns, List<String> ignoredBots) {
    this.patterns = merge(extraPatterns);
    for (AgentPattern pattern : patterns) {
      String tool = pattern.tool();
      pattern.logins().forEach(login -> toolByLogin.putIfAbsent(IdentityText.lower(login), tool));
      pattern.emails().forEach(email -> toolByEmail.putIfAbsent(IdentityText.compile(email), tool));
      pattern
          .trailerKeys()
          .forEach(key -> toolByTrailerKey.putIfAbsent(IdentityText.lower(key), tool));
      pattern
          .footers()
          .forEach(footer -> toolByFooter.putIfAbsent(IdentityText.lower(footer), tool));
      pattern
          .branchPrefixes()
          .forEach(prefix -> toolByBranchPrefix.putIfAbsent(IdentityText.lower(prefix), tool));
      if (pattern.authorNameSuffix() != null) {
        toolByNameSuffix.putIfAbsent(pattern.authorNameSuffix().toLowerCase(Locale.ROOT), tool);
      }
    }
    ignoredBots.forEach(bot -> this.ignoredBots.add(IdentityText.compile(bot)));
  }

  /** The built-in patterns with the default ignored bots. */
  public static AgentDirectory defaults() {
    return new AgentDirectory(List.of(), OrgSettings.DEFAULT_IGNORED_BOTS);
  }

  /** The effective patterns, one per tool, built-in tools first. */
  public List<AgentPattern> patterns() {
    return patterns;
  }

  public Optional<String> agentForLogin(String login) {
    return login == null
        ? Optional.empty()
        : Optional.ofNullable(toolByLogin.get(IdentityText.lower(login)));
  }

  /**
   * The agent that made a pull request: its author's login, else its head branch's prefix (agents
   * such as Copilot's coding agent open PRs in the name of the person who asked for the work).
   */
  public Optional<String> agentForPullRequest(String author, String headBranch) {
    Optional<String> byLogin = agentForLogin(author);
    if (byLogin.isPresent() || headBranch == null) {
      return byLogin;
    }
    String branch = IdentityText.lower(headBranch);
    for (Map.Entry<String, String> prefix : toolByBranchPrefix.entrySet()) {
      if (branch.startsWith(prefix.getKey())) {
        return Optional.of(prefix.getValue());
      }
    }
    return Optional.empty();
  }

  /** An agent's e-mail, including GitHub no-reply addresses of agent accounts. */
  public Optional<String> agentForEmail(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    // the same few thousand addresses come back on every commit: match each once
    return emailVerdicts.computeIfAbsent(email, this::matchEmail);
  }

  private Optional<String> matchEmail(String email) {
    for (Map.Entry<Pattern, String> entry : toolByEmail.entrySet()) {
      if (entry.getKey().matcher(email.strip()).matches()) {
        return Optional.of(entry.getValue());
      }
    }
    return IdentityText.githubLoginOf(email).flatMap(this::agentForLogin);
  }

  /**
   * The agent that authored a commit or PR: by login, by e-mail, or by the author-name suffix
   * (aider's {@code " (aider)"}), which only an author name carries meaningfully.
   */
  public Optional<String> agentForAuthor(String name, String email, String login) {
    Optional<String> byAccount = agentForCommitter(name, email, login);
    if (byAccount.isPresent() || name == null) {
      return byAccount;
    }
    String lowerName = name.stripTrailing().toLowerCase(Locale.ROOT);
    return toolByNameSuffix.entrySet().stream()
        .filter(entry -> lowerName.endsWith(entry.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * The agent that committed, by login or e-mail only: a committer name rewritten by a tool does
   * not make the commit the tool's.
   */
  public Optional<String> agentForCommitter(String name, String email, String login) {
    Optional<String> byLogin = agentForLogin(login);
    return byLogin.isPresent() ? byLogin : agentForEmail(email);
  }

  /**
   * The agent named by one commit trailer: a {@code Co-authored-by} trailer (key case-insensitive)
   * matched on the e-mail of its {@code Name <email>} value (or a bare e-mail), or a configured
   * trailer key.
   */
  public Optional<String> agentForTrailer(String key, String value) {
    if (key == null) {
      return Optional.empty();
    }
    String lowerKey = IdentityText.lower(key);
    if (lowerKey.equals(CO_AUTHOR_KEY)) {
      return emailInTrailer(value).flatMap(this::agentForEmail);
    }
    return Optional.ofNullable(toolByTrailerKey.get(lowerKey));
  }

  /**
   * The agent whose footer line (e.g. {@code 🤖 Generated with [Claude Code](…)}) ends a message.
   */
  public Optional<String> agentForMessageFooter(String message) {
    if (message == null) {
      return Optional.empty();
    }
    for (String line : LINE_BREAK.split(message)) {
      String lowerLine = line.toLowerCase(Locale.ROOT);
      for (Map.Entry<String, String> footer : toolByFooter.entrySet()) {
        int at = lowerLine.indexOf(footer.getKey());
        if (at >= 0
            && lowerLine.substring(0, at).codePoints().noneMatch(Character::isLetterOrDigit)) {
          return Optional.of(footer.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** The agent a whole commit message names, by its trailer lines first, then its footers. */
  public Optional<String> agentForMessage(String message) {
    if (message == null) {
      return Optional.empty();
    }
    for (String line : LINE_BREAK.split(message)) {
      Matcher trailer = TRAILER_LINE.matcher(line.strip());
      if (trailer.matches()) {
        Optional<String> tool = agentForTrailer(trailer.group(1), trailer.group(2));
        if (tool.isPresent()) {
          return tool;
        }
      }
    }
    return agentForMessageFooter(message);
  }

  /** Whether a login or e-mail (a GitHub no-reply address included) is an ignored bot. */
  public boolean isIgnoredBot(String loginOrEmail) {
    if (loginOrEmail == null || loginOrEmail.isBlank()) {
      return false;
    }
    return botVerdicts.computeIfAbsent(loginOrEmail, this::matchIgnoredBot);
  }

  private boolean matchIgnoredBot(String loginOrEmail) {
    String value = loginOrEmail.strip();
    Optional<String> login = IdentityText.githubLoginOf(value);
    return ignoredBots.stream()
        .anyMatch(
            bot ->
                bot.matcher(value).matches()
                    || login.isPresent() && bot.matcher(login.get()).matches());
  }

  private static Optional<String> emailInTrailer(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher angle = ANGLE_EMAIL.matcher(value);
    String email = null;
    while (angle.find()) {
      email = angle.group(1);
    }
    if (email == null && BARE_EMAIL.matcher(value.strip()).matches()) {
      email = value.strip();
    }
    return Optional.ofNullable(email);
  }

  private static List<AgentPattern> merge(List<AgentPattern> extra) {
    Map<String, AgentPattern> byTool = new LinkedHashMap<>();
    List<AgentPattern> all = new ArrayList<>(BUILT_IN);
    all.addAll(extra);
    for (AgentPattern pattern : all) {
      byTool.merge(pattern.tool(), pattern, AgentDirectory::union);
    }
    return List.copyOf(byTool.values());
  }

  private static AgentPattern union(AgentPattern base, AgentPattern more) {
    return new AgentPattern(
        base.tool(),
        union(base.emails(), more.emails()),
        union(base.logins(), more.logins()),
        union(base.footers(), more.footers()),
        union(base.trailerKeys(), more.trailerKeys()),
        more.authorNameSuffix() != null ? more.authorNameSuffix() : base.authorNameSuffix(),
        union(base.branchPrefixes(), more.branchPrefixes()));
  }

  private static List<String> union(List<String> base, List<String> more) {
    Set<String> all = new LinkedHashSet<>(base);
    all.addAll(more);
    return List.copyOf(all);
  }
}
