package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.Person;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.Membership;
import io.podometer.engine.scope.ScopeId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is who, remembered for one computation: the member behind an identity, a member's pod on a
 * day, and the scopes of a member's own activity. The same few hundred identities appear on
 * hundreds of thousands of commits and usage days; each is resolved once. Not thread-safe.
 */
final class People {

  private static final String NOBODY = "";

  private final EngineContext context;
  private final Map<String, String> memberByIdentity = new HashMap<>();
  private final Map<String, Member> members = new HashMap<>();
  private final Map<String, Map<String, List<ScopeId>>> memberScopes = new HashMap<>();

  People(EngineContext context) {
    this.context = context;
    for (Member member : context.org().members()) {
      members.put(member.id(), member);
    }
  }

  /** The member an identity (login, e-mail, telemetry id) names, or null. */
  String memberOf(String identity) {
    if (identity == null) {
      return null;
    }
    String member = memberByIdentity.get(identity);
    if (member == null) {
      member = context.memberOf(identity);
      memberByIdentity.put(identity, member == null ? NOBODY : member);
    }
    return member == null || member.isEmpty() ? null : member;
  }

  /** The member a commit author is, by login, else by e-mail; or null. */
  String memberOf(Person author) {
    String byLogin = memberOf(author.login());
    return byLogin != null ? byLogin : memberOf(author.email());
  }

  /** The member's pod at an instant (the day in the organization's time zone), or null. */
  String podOf(String member, Instant at) {
    return member == null || at == null
        ? null
        : podOf(member, LocalDate.ofInstant(at, context.zone()));
  }

  /** The member's pod on a day, or null: the first stay covering it, as the directory answers. */
  String podOf(String member, LocalDate day) {
    Member m = member == null ? null : members.get(member);
    if (m == null || day == null) {
      return null;
    }
    for (Membership stay : m.memberships()) {
      if (stay.covers(day)) {
        return stay.pod();
      }
    }
    return null;
  }

  /** The pod chain and the member's own scope (just the pod chain for no member); shared lists. */
  List<ScopeId> memberScopes(String pod, String member) {
    return memberScopes
        .computeIfAbsent(member == null ? NOBODY : member, k -> new HashMap<>())
        .computeIfAbsent(pod == null ? NOBODY : pod, k -> context.scopes().forMember(pod, member));
  }
}
