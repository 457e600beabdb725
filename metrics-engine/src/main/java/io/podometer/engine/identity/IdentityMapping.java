package io.podometer.engine.identity;

import io.podometer.engine.event.EventLimits;
import io.podometer.engine.org.AgentPattern;
import io.podometer.engine.org.Identities;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.OrgModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an admin decides about an unmapped identity, as a change of the organization model: it is a
 * member's (added to the member's logins, e-mails or telemetry ids, by its {@link IdentityShape}),
 * an agent's (added to the tool's agent pattern, as a login or an e-mail), or an ignored bot's
 * (added to {@code ignoredBots}). Every request is checked before anything changes.
 *
 * @param action {@code member}, {@code agent} or {@code ignoredBot}
 * @param member the member's id, for {@code member} only
 * @param tool the agent tool (a built-in one such as {@code copilot}, or a new name), for {@code
 *     agent} only
 */
public record IdentityMapping(String identity, String action, String member, String tool) {

  public static final String TO_MEMBER = "member";
  public static final String TO_AGENT = "agent";
  public static final String TO_IGNORED_BOT = "ignoredBot";
  static final List<String> ACTIONS = List.of(TO_MEMBER, TO_AGENT, TO_IGNORED_BOT);

  /** Tool names as the agent patterns use them ({@code claude_code}, {@code copilot}). */
  private static final Pattern TOOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  /**
   * The model with this mapping made.
   *
   * @throws MappingRefused naming the field and rule: a malformed request, an unknown member, or (a
   *     conflict) an identity that the model already places
   */
  public OrgModel applyTo(OrgModel model) {
    String value = checkedIdentity();
    checkAction();
    Classification now = new IdentityDirectory(model).classify(value);
    if (!(now instanceof Classification.Unmapped)) {
      throw MappingRefused.conflict("identity", "'" + value + "' " + describe(now));
    }
    return switch (action) {
      case TO_MEMBER -> toMember(model, value);
      case TO_AGENT -> toAgent(model, value);
      default -> model.withOrg(model.org().withIgnoredBots(plus(model.org().ignoredBots(), value)));
    };
  }

  /** The identity as it will be stored (without surrounding blanks). */
  public String checkedIdentity() {
    if (identity == null || identity.isBlank()) {
      throw MappingRefused.invalid("identity", "required");
    }
    String value = identity.strip();
    if (value.length() > EventLimits.NAME) {
      throw MappingRefused.invalid(
          "identity", "at most " + EventLimits.NAME + " characters, got " + value.length());
    }
    if (value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw MappingRefused.invalid(
          "identity", "must not contain white space or control characters");
    }
    if (value.indexOf('*') >= 0) {
      // agent e-mails and ignored bots are patterns: a '*' would place more than this identity
      throw MappingRefused.invalid("identity", "must not contain '*'");
    }
    if (Sightings.isErasedPseudonym(value)) {
      throw MappingRefused.invalid(
          "identity", "an erased member's pseudonym: their history stays apart from any person");
    }
    return value;
  }

  private void checkAction() {
    if (action == null || action.isBlank()) {
      throw MappingRefused.invalid("action", "required, one of " + ACTIONS);
    }
    if (!ACTIONS.contains(action)) {
      throw MappingRefused.invalid(
          "action", "must be one of " + ACTIONS + ", got '" + action + "'");
    }
    if (!TO_MEMBER.equals(action) && member != null) {
      throw MappingRefused.invalid("member", "only for the action 'member'");
    }
    if (!TO_AGENT.equals(action) && tool != null) {
      throw MappingRefused.invalid("tool", "only for the action 'agent'");
    }
  }

  private OrgModel toMember(OrgModel model, String value) {
    if (member == null || member.isBlank()) {
      throw MappingRefused.invalid("member", "required for the action 'member'");
    }
    Member target =
        model
            .member(member)
            .orElseThrow(
                () ->
                    MappingRefused.invalid(
                        "member", "no member '" + member + "' in the organization model"));
    Identities ids = target.identities();
    Identities more =
        switch (IdentityShape.of(value)) {
          case EMAIL -> new Identities(ids.github(), plus(ids.emails(), value), ids.telemetry());
          case TELEMETRY_ID ->
              new Identities(ids.github(), ids.emails(), plus(ids.telemetry(), value));
          case LOGIN -> new Identities(plus(ids.github(), value), ids.emails(), ids.telemetry());
        };
    List<Member> members = new ArrayList<>(model.members());
    members.replaceAll(m -> m.id().equals(target.id()) ? m.withIdentities(more) : m);
    return model.withMembers(members);
  }

  private OrgModel toAgent(OrgModel model, String value) {
    if (tool == null || tool.isBlank()) {
      throw MappingRefused.invalid("tool", "required for the action 'agent'");
    }
    if (!TOOL.matcher(tool).matches()) {
      throw MappingRefused.invalid(
          "tool", "letters, digits, '_', '.' or '-', at most 64, got '" + tool + "'");
    }
    IdentityShape shape = IdentityShape.of(value);
    if (shape == IdentityShape.TELEMETRY_ID) {
      throw MappingRefused.invalid(
          "identity", "an agent is recognised by a login or an e-mail, not a telemetry id");
    }
    boolean email = shape == IdentityShape.EMAIL;
    List<AgentPattern> patterns = new ArrayList<>(model.org().agents());
    int at = -1;
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).tool().equals(tool)) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      // a built-in tool is extended, not replaced: the directory merges patterns by tool
      patterns.add(
          new AgentPattern(
              tool,
              email ? List.of(value) : List.of(),
              email ? List.of() : List.of(value),
              List.of(),
              List.of(),
              null,
              List.of()));
    } else {
      AgentPattern p = patterns.get(at);
      patterns.set(
          at,
          new AgentPattern(
              p.tool(),
              email ? plus(p.emails(), value) : p.emails(),
              email ? p.logins() : plus(p.logins(), value),
              p.footers(),
              p.trailerKeys(),
              p.authorNameSuffix(),
              p.branchPrefixes()));
    }
    return model.withOrg(model.org().withAgents(patterns));
  }

  private static String describe(Classification classification) {
    if (classification instanceof Classification.Member m) {
      return "already identifies member '" + m.id() + "'";
    }
    if (classification instanceof Classification.Agent a) {
      return "already identifies the agent '" + a.name() + "'";
    }
    return "is already an ignored bot";
  }

  private static List<String> plus(List<String> list, String value) {
    List<String> more = new ArrayList<>(list);
    more.add(value);
    return more;
  }

  /** How an audit entry or a version's name says it: {@code ana-new → member ana}. */
  public String summary() {
    String target =
        switch (Objects.requireNonNullElse(action, "")) {
          case TO_MEMBER -> "member " + member;
          case TO_AGENT -> "agent " + tool;
          default -> "ignored bot";
        };
    return Objects.requireNonNullElse(identity, "").strip() + " → " + target;
  }
}
