package io.podometer.engine.identity;

import io.podometer.engine.org.Member;
import io.podometer.engine.org.OrgModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one place that says what an identity seen in the events is (SPEC §3, §5): a member (by a
 * login or e-mail, case-insensitively, a GitHub no-reply address standing for its login, or a
 * telemetry id exactly), an agent (the agent patterns, see {@link AgentDirectory}), an ignored bot,
 * or unmapped. The engine, the privacy floor, the viewer and the unmapped-identities list all ask
 * here. An ignored bot is one whatever else it matches; a member's identity is the member's even
 * when an agent pattern would match it.
 *
 * <p>Immutable and thread-safe. Every fact's author is classified, and the same few thousand
 * identities come back on every fact: each answer is remembered.
 */
public final class IdentityDirectory {

  private final OrgModel model;
  private final AgentDirectory agents;
  private final Map<String, String> memberByTelemetryId = new HashMap<>();
  private final Map<String, String> memberByLoginOrEmail = new HashMap<>();
  private final Map<String, String> memberBySignInEmail = new HashMap<>();
  private final ConcurrentMap<String, Optional<String>> members = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Classification> classified = new ConcurrentHashMap<>();

  public IdentityDirectory(OrgModel model) {
    this.model = model;
    this.agents = new AgentDirectory(model.org());
    for (Member member : model.members()) {
      member.identities().telemetry().forEach(id -> memberByTelemetryId.put(id, member.id()));
      member
          .identities()
          .github()
          .forEach(login -> memberByLoginOrEmail.put(IdentityText.lower(login), member.id()));
      for (String email : member.identities().emails()) {
        memberByLoginOrEmail.put(IdentityText.lower(email), member.id());
        memberBySignInEmail.putIfAbsent(IdentityText.lower(email), member.id());
      }
    }
  }

  public OrgModel model() {
    return model;
  }

  /** The agent patterns and ignored bots, for the attribution rules that read commit messages. */
  public AgentDirectory agents() {
    return agents;
  }

  /**
   * What a login, e-mail or telemetry id is: an ignored bot first, then a member, then an agent (by
   * login or e-mail), else unmapped. A null or blank identity is unmapped.
   */
  public Classification classify(String identity) {
    if (identity == null || identity.isBlank()) {
      return Classification.UNMAPPED;
    }
    return classified.computeIfAbsent(identity, this::decide);
  }

  private Classification decide(String identity) {
    if (agents.isIgnoredBot(identity)) {
      return Classification.IGNORED_BOT;
    }
    Optional<String> member = memberOf(identity);
    if (member.isPresent()) {
      return new Classification.Member(member.get());
    }
    Optional<String> tool = agents.agentForLogin(identity).or(() -> agents.agentForEmail(identity));
    return tool.<Classification>map(Classification.Agent::new).orElse(Classification.UNMAPPED);
  }

  /**
   * What a commit's author is, from all it carries: an ignored bot by login or e-mail, then the
   * member of its login, else of its e-mail, then an agent — by login, e-mail or, for an author
   * only, the tool's name suffix (aider's {@code " (aider)"}) — else unmapped.
   */
  public Classification classifyAuthor(String name, String email, String login) {
    if (isIgnoredBot(login) || isIgnoredBot(email)) {
      return Classification.IGNORED_BOT;
    }
    Optional<String> member = memberOf(login).or(() -> memberOf(email));
    if (member.isPresent()) {
      return new Classification.Member(member.get());
    }
    return agents
        .agentForAuthor(name, email, login)
        .<Classification>map(Classification.Agent::new)
        .orElse(Classification.UNMAPPED);
  }

  /**
   * The member an identity names, whatever else it matches: a telemetry id (exact), a GitHub login
   * or an e-mail address (case-insensitive; a GitHub no-reply address stands for its login).
   */
  public Optional<String> memberOf(String identity) {
    if (identity == null || identity.isBlank()) {
      return Optional.empty();
    }
    return members.computeIfAbsent(identity, this::lookUp);
  }

  private Optional<String> lookUp(String identity) {
    String byTelemetry = memberByTelemetryId.get(identity.strip());
    if (byTelemetry != null) {
      return Optional.of(byTelemetry);
    }
    String byLoginOrEmail = memberByLoginOrEmail.get(IdentityText.lower(identity));
    if (byLoginOrEmail != null) {
      return Optional.of(byLoginOrEmail);
    }
    return IdentityText.githubLoginOf(identity).map(memberByLoginOrEmail::get);
  }

  /**
   * The member a person signing in is: one of the member's e-mails exactly (case aside). Not a
   * login, telemetry id or no-reply address, which prove nothing about who signed in.
   */
  public Optional<String> memberBySignInEmail(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(memberBySignInEmail.get(IdentityText.lower(email)));
  }

  /** Whether a login or e-mail (a GitHub no-reply address included) is an ignored bot. */
  public boolean isIgnoredBot(String loginOrEmail) {
    return loginOrEmail != null && agents.isIgnoredBot(loginOrEmail);
  }
}
