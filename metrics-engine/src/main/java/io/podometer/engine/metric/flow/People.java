package io.podometer.engine.metric.flow;

import io.podometer.engine.identity.Classification;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.Membership;
import io.podometer.engine.org.Role;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who an identity (login, e-mail, telemetry id) is, remembered for one computation: a member, an
 * unmapped person, an agent, another bot account, or an ignored bot. Not thread-safe: one per
 * computation.
 */
public final class People {

  /** What kind of actor an identity is. */
  public enum Kind {
    MEMBER,
    UNMAPPED_HUMAN,
    AGENT,
    /** A GitHub App account ({@code …[bot]}) that is not a configured agent. */
    OTHER_BOT,
    IGNORED_BOT
  }

  /** An identity as classified; {@code memberId} is null unless {@code kind} is MEMBER. */
  public record Identity(String raw, Kind kind, String memberId) {

    public boolean isHuman() {
      return kind == Kind.MEMBER || kind == Kind.UNMAPPED_HUMAN;
    }

    /** The person behind an item: the member, the raw identity of an unmapped human, or null. */
    public String person() {
      return memberId != null ? memberId : kind == Kind.UNMAPPED_HUMAN ? raw : null;
    }

    /** Whether two identities are the same person or account (false when either is unknown). */
    public boolean sameAs(Identity other) {
      if (other == null || raw == null || other.raw == null) {
        return false;
      }
      if (memberId != null && other.memberId != null) {
        return memberId.equals(other.memberId);
      }
      return raw.equalsIgnoreCase(other.raw);
    }
  }

  private static final Identity UNKNOWN = new Identity(null, Kind.UNMAPPED_HUMAN, null);

  private final EngineContext context;
  // shared by the families of a computation, which run side by side
  private final Map<String, Identity> identities = new ConcurrentHashMap<>();
  private final Map<String, Boolean> engineers = new ConcurrentHashMap<>();
  private final Map<String, Member> members = new HashMap<>();
  private final Map<String, Integer> indexes = new HashMap<>();
  private final ZoneId zone;

  /** The computation's people, classified once for every family that asks. */
  public static People of(EngineContext context) {
    return context.shared(People.class, People::new);
  }

  public People(EngineContext context) {
    this.context = context;
    this.zone = context.zone();
    for (Member member : context.org().members()) {
      members.put(member.id(), member);
      indexes.put(member.id(), indexes.size());
    }
  }

  /** How many members the organization has; {@link #indexOf} numbers them from 0. */
  public int memberCount() {
    return indexes.size();
  }

  /** The member's position in the organization model, or −1 for an unknown id. */
  public int indexOf(String memberId) {
    Integer index = memberId == null ? null : indexes.get(memberId);
    return index == null ? -1 : index;
  }

  /**
   * The member's pod at an instant (the day in the organization's time zone), or null; the same
   * answer as {@code MemberDirectory.podOf}, without its per-call stream.
   */
  public String podAt(String memberId, Instant at) {
    return at == null ? null : podOn(memberId, LocalDate.ofInstant(at, zone));
  }

  /** The member's pod on a day, or null. */
  public String podOn(String memberId, LocalDate day) {
    Member member = memberId == null || day == null ? null : members.get(memberId);
    if (member == null) {
      return null;
    }
    for (Membership membership : member.memberships()) {
      if (membership.covers(day)) {
        return membership.pod();
      }
    }
    return null;
  }

  /** The identity classified; a null or blank identity is an unknown person (never a member). */
  public Identity of(String identity) {
    if (identity == null || identity.isBlank()) {
      return UNKNOWN;
    }
    return identities.computeIfAbsent(identity.strip(), this::classify);
  }

  private Identity classify(String identity) {
    Classification classified = context.identities().classify(identity);
    if (classified instanceof Classification.Member member) {
      return new Identity(identity, Kind.MEMBER, member.id());
    }
    if (classified instanceof Classification.Agent) {
      return new Identity(identity, Kind.AGENT, null);
    }
    if (classified instanceof Classification.IgnoredBot) {
      return new Identity(identity, Kind.IGNORED_BOT, null);
    }
    // an app account no agent pattern names is no person either
    return new Identity(
        identity, identity.endsWith("[bot]") ? Kind.OTHER_BOT : Kind.UNMAPPED_HUMAN, null);
  }

  public boolean isEngineer(String memberId) {
    return memberId != null
        && engineers.computeIfAbsent(
            memberId, id -> members.containsKey(id) && members.get(id).role() == Role.ENGINEER);
  }

  /**
   * The pod a member counts for in a weekly figure of their own (pulse, meetings): their pod on the
   * last day of the week they belonged to one, or null.
   */
  public String podForWeek(String memberId, IsoWeek week) {
    LocalDate monday = week.monday();
    Member member = members.get(memberId);
    if (member == null) {
      return null;
    }
    for (int back = 6; back >= 0; back--) {
      LocalDate day = monday.plusDays(back);
      for (Membership membership : member.memberships()) {
        if (membership.covers(day)) {
          return membership.pod();
        }
      }
    }
    return null;
  }
}
