package io.podometer.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the members: who they are, how sources name them, and which pod they were in when. An
 * identity (login, e-mail or telemetry id, case-insensitively) may name one member only.
 */
final class MemberReader {

  private final LoadContext context;
  private final Map<String, String> seenIds = new HashMap<>();
  private final Map<String, String> memberOfIdentity = new HashMap<>();

  private MemberReader(LoadContext context) {
    this.context = context;
  }

  static List<Member> members(LoadContext context, JsonNode root) {
    MemberReader reader = new MemberReader(context);
    List<Member> members = new ArrayList<>();
    for (EntryReader member : context.entries(root, "members", "id")) {
      Member read = reader.member(member);
      if (read != null) {
        members.add(read);
      }
    }
    return members;
  }

  private Member member(EntryReader member) {
    int before = context.problems.size();
    member.allowKeys("id", "name", "role", "level", "identities", "memberships");
    String id = StructureReader.uniqueId(member, seenIds, false);
    String name = member.requiredText("name");
    Role role = role(member);
    String level = OrgSectionReader.level(member, "level");
    Identities identities = identities(member.object("identities"), id);
    List<Membership> memberships = memberships(member);
    if (context.problems.size() > before) {
      return null;
    }
    return new Member(id, name, role, level, identities, memberships);
  }

  private static Role role(EntryReader member) {
    String role = member.text("role");
    if (role == null) {
      return Role.ENGINEER;
    }
    return Role.fromId(role)
        .orElseGet(
            () -> {
              member.problem(
                  "role", "unknown role '" + role + "' (expected one of " + Role.allIds() + ")");
              return Role.ENGINEER;
            });
  }

  private Identities identities(EntryReader identities, String memberId) {
    identities.allowKeys("github", "emails", "telemetry");
    List<String> github =
        identities.texts(
            "github",
            List.of(),
            (field, login) -> {
              if (login.isBlank() || login.chars().anyMatch(Character::isWhitespace)) {
                identities.problemAt(field, "not a GitHub login: '" + login + "'");
              }
              claim(identities, field, login, memberId);
            });
    List<String> emails =
        identities.texts(
            "emails",
            List.of(),
            (field, email) -> {
              if (!email.contains("@") || email.chars().anyMatch(Character::isWhitespace)) {
                identities.problemAt(field, "not an e-mail address: '" + email + "'");
              }
              claim(identities, field, email, memberId);
            });
    List<String> telemetry =
        identities.texts(
            "telemetry",
            List.of(),
            (field, telemetryId) -> {
              if (telemetryId.isBlank()) {
                identities.problemAt(field, "must not be empty");
              }
              claim(identities, field, telemetryId, memberId);
            });
    return new Identities(github, emails, telemetry);
  }

  private void claim(EntryReader entry, String field, String identity, String memberId) {
    if (memberId == null) {
      return;
    }
    String owner = memberOfIdentity.putIfAbsent(identity.toLowerCase(Locale.ROOT), memberId);
    if (owner != null && !owner.equals(memberId)) {
      entry.problemAt(field, "'" + identity + "' already identifies member '" + owner + "'");
    }
  }

  private List<Membership> memberships(EntryReader member) {
    List<Membership> memberships = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    for (EntryReader stay : member.objects("memberships")) {
      int before = context.problems.size();
      stay.allowKeys("pod", "from", "until");
      String pod = StructureReader.podReference(stay, "pod");
      LocalDate from = stay.date("from", true);
      LocalDate until = stay.date("until", false);
      if (from != null && until != null && !until.isAfter(from)) {
        stay.problem("until", "must be after from (" + from + "), was " + until);
      }
      if (context.problems.size() > before) {
        continue;
      }
      Membership membership = new Membership(pod, from, until);
      String field = stay.path();
      for (int i = 0; i < memberships.size(); i++) {
        Membership earlier = memberships.get(i);
        if (earlier.overlaps(from, until)) {
          member.problemAt(field, "overlaps " + fields.get(i) + " (" + earlier + ")");
        }
      }
      memberships.add(membership);
      fields.add(field);
    }
    return memberships;
  }
}
