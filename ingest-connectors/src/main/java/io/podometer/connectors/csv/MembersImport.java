package io.podometer.connectors.csv;

import io.podometer.engine.event.EventLimits;
import io.podometer.engine.org.Identities;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.Membership;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pillar;
import io.podometer.engine.org.Pod;
import io.podometer.engine.org.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A members file applied to the organization model in force, giving the next version. A row names a
 * member by id: a new one is added (with a name); a known one gets the name, role and level the row
 * gives, and the identities it lists besides those it has (none is dropped: removing one takes the
 * model itself). A row with a pod the member is not in moves them on {@code from}: the stay in
 * force ends that day and the new one starts. A pod the model lacks is added (its name is its id)
 * in the row's {@code pillar}, added too when new, or in no pillar; an existing pod keeps its
 * pillar. One row per member; everything is checked before the model is touched.
 */
public final class MembersImport {

  // the organization model's ids (EntryReader's rule): letters, digits, '.', '_', '-'
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern LEVEL = Pattern.compile("L\\d{1,4}");

  /** The next model and what changed; the lines let the model's own checks name the row. */
  public record Result(
      OrgModel model,
      int rows,
      List<String> added,
      List<String> updated,
      List<String> moved,
      List<String> podsAdded,
      List<String> pillarsAdded,
      Map<String, Integer> lineOfMember,
      Map<String, Integer> lineOfPod) {

    /** Whether the model differs from the one the file was applied to. */
    public boolean changed() {
      return !added.isEmpty() || !updated.isEmpty() || !podsAdded.isEmpty();
    }
  }

  private final OrgModel current;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final Map<String, Pod> pods = new LinkedHashMap<>();
  private final Map<String, Pillar> pillars = new LinkedHashMap<>();
  private final Map<String, String> memberOfIdentity = new HashMap<>();
  private final Map<String, Integer> lineOfMember = new LinkedHashMap<>();
  private final Map<String, Integer> lineOfPod = new LinkedHashMap<>();
  private final List<String> added = new ArrayList<>();
  private final List<String> updated = new ArrayList<>();
  private final List<String> moved = new ArrayList<>();
  private final List<String> podsAdded = new ArrayList<>();
  private final List<String> pillarsAdded = new ArrayList<>();

  private MembersImport(OrgModel current) {
    this.current = current;
    current.members().forEach(m -> members.put(m.id(), m));
    current.pods().forEach(p -> pods.put(p.id(), p));
    current.pillars().forEach(p -> pillars.put(p.id(), p));
    for (Member member : current.members()) {
      identitiesOf(member.identities()).forEach(i -> memberOfIdentity.put(i, member.id()));
    }
  }

  /**
   * @throws CsvRejected naming every bad line, column and rule; the model is then unchanged
   */
  public static Result apply(OrgModel current, CsvTable table) {
    if (table.kind() != CsvKind.MEMBERS) {
      throw new IllegalArgumentException("not a members file: " + table.kind().wireName());
    }
    MembersImport update = new MembersImport(current);
    for (CsvRow row : table.rows()) {
      update.row(row);
    }
    table.stopOnProblems();
    OrgModel next =
        new OrgModel(
            current.org(),
            List.copyOf(update.pillars.values()),
            List.copyOf(update.pods.values()),
            List.copyOf(update.members.values()),
            current.services(),
            current.champions(),
            current.pilots(),
            current.bets());
    return new Result(
        next,
        table.rows().size(),
        List.copyOf(update.added),
        List.copyOf(update.updated),
        List.copyOf(update.moved),
        List.copyOf(update.podsAdded),
        List.copyOf(update.pillarsAdded),
        Map.copyOf(update.lineOfMember),
        Map.copyOf(update.lineOfPod));
  }

  private void row(CsvRow row) {
    int before = row.problemCount();
    String id = id(row, "member_id", true);
    if (id != null && lineOfMember.containsKey(id)) {
      row.problem("member_id", "member '" + id + "' is already on line " + lineOfMember.get(id));
      return;
    }
    if (id != null) {
      lineOfMember.put(id, row.line());
    }
    Member known = id == null ? null : members.get(id);
    String name = name(row, known);
    Role role = role(row);
    String level = level(row);
    List<String> emails = identities(row, "emails", id);
    List<String> logins = identities(row, "logins", id);
    List<String> telemetry = identities(row, "telemetry_ids", id);
    String pod = id(row, "pod", false);
    String pillar = id(row, "pillar", false);
    LocalDate from = new CsvMoments(current.org().timeZone()).date(row, "from");
    if (pod == null && row.text("pod") == null) {
      if (pillar != null) {
        row.problem("pillar", "the pillar of a new pod: give the pod too");
      }
      if (from != null) {
        row.problem("from", "the day the member joins a pod: give the pod too");
      }
    }
    Pod podEntry = pod == null ? null : pod(row, pod, pillar);
    List<Membership> memberships =
        memberships(row, known == null ? List.of() : known.memberships(), pod, from);
    if (row.problemCount() > before || id == null) {
      return;
    }
    Identities identities =
        known == null
            ? new Identities(logins, emails, telemetry)
            : new Identities(
                union(known.identities().github(), logins),
                union(known.identities().emails(), emails),
                union(known.identities().telemetry(), telemetry));
    Member next =
        new Member(
            id,
            name != null ? name : known.name(),
            role != null ? role : known == null ? Role.ENGINEER : known.role(),
            level != null ? level : known == null ? null : known.level(),
            identities,
            memberships);
    for (String identity : identitiesOf(identities)) {
      memberOfIdentity.put(identity, id);
    }
    if (podEntry != null && !pods.containsKey(podEntry.id())) {
      addPod(podEntry, row.line());
    }
    if (known == null) {
      added.add(id);
    } else if (!next.equals(known)) {
      updated.add(id);
      if (!next.memberships().equals(known.memberships())) {
        moved.add(id);
      }
    }
    members.put(id, next);
  }

  private void addPod(Pod pod, int line) {
    if (pod.pillar() != null && !pillars.containsKey(pod.pillar())) {
      pillars.put(pod.pillar(), new Pillar(pod.pillar(), pod.pillar()));
      pillarsAdded.add(pod.pillar());
    }
    pods.put(pod.id(), pod);
    podsAdded.add(pod.id());
    lineOfPod.put(pod.id(), line);
  }

  /** An id cell: null when absent (reported when required) or not an id (reported). */
  private static String id(CsvRow row, String column, boolean required) {
    String value = required ? row.required(column) : row.text(column);
    if (value == null) {
      return null;
    }
    if (value.length() > EventLimits.NAME || !ID.matcher(value).matches()) {
      row.problem(
          column,
          "not a valid id: '"
              + value
              + "' (letters, digits, '.', '_', '-', at most "
              + EventLimits.NAME
              + " characters)");
      return null;
    }
    return value;
  }

  private static String name(CsvRow row, Member known) {
    String name = row.text("name");
    if (name == null && known == null && row.text("member_id") != null) {
      row.problem("name", "missing (a new member needs a name)");
    }
    if (name != null && name.length() > EventLimits.NAME) {
      row.problem("name", "longer than " + EventLimits.NAME + " characters");
      return null;
    }
    return name;
  }

  private static Role role(CsvRow row) {
    String role = row.text("role");
    if (role == null) {
      return null;
    }
    Optional<Role> known = Role.fromId(role.toLowerCase(Locale.ROOT));
    if (known.isEmpty()) {
      row.problem(
          "role",
          "unknown role '"
              + role
              + "' (one of "
              + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "))
              + ")");
      return null;
    }
    return known.get();
  }

  private static String level(CsvRow row) {
    String level = row.text("level");
    if (level == null) {
      return null;
    }
    String normalized = level.toUpperCase(Locale.ROOT);
    if (!LEVEL.matcher(normalized).matches()) {
      row.problem("level", "not a level: '" + level + "' (expected L<number>, e.g. L5)");
      return null;
    }
    return normalized;
  }

  /** A list of identities, each checked and claimed by no other member. */
  private List<String> identities(CsvRow row, String column, String memberId) {
    List<String> values = row.list(column);
    for (String value : values) {
      if (value.length() > EventLimits.NAME) {
        row.problem(column, "'" + value + "' is longer than " + EventLimits.NAME + " characters");
      } else if (column.equals("emails") && !value.matches("[^@]+@[^@]+")) {
        row.problem(column, "not an e-mail address: '" + value + "'");
      }
      String owner = memberOfIdentity.get(value.toLowerCase(Locale.ROOT));
      if (owner != null && !owner.equals(memberId)) {
        row.problem(column, "'" + value + "' already identifies member '" + owner + "'");
      }
    }
    return values;
  }

  /** The pod a row names: known, or new in the row's pillar; null after a reported conflict. */
  private Pod pod(CsvRow row, String podId, String pillar) {
    Pod known = pods.get(podId);
    if (known == null) {
      return new Pod(podId, podId, pillar, null);
    }
    if (pillar != null && !pillar.equals(known.pillar())) {
      row.problem(
          "pillar",
          "pod '"
              + podId
              + "' is "
              + (known.pillar() == null ? "in no pillar" : "in pillar '" + known.pillar() + "'")
              + "; a pod changes pillar through the organization model (PUT /api/org)");
      return null;
    }
    return known;
  }

  /**
   * The member's stays once the row applies: unchanged without a pod or when the member is in that
   * pod already; else the stay in force ends on {@code from} and one in the pod starts.
   */
  private static List<Membership> memberships(
      CsvRow row, List<Membership> stays, String pod, LocalDate from) {
    if (pod == null) {
      return stays;
    }
    Membership open =
        stays.stream().filter(m -> m.until() == null).reduce((a, b) -> b).orElse(null);
    if (open != null && open.pod().equals(pod)) {
      return stays;
    }
    if (from == null) {
      if (row.text("from") == null) {
        row.problem("from", "missing (the day the member joins pod '" + pod + "')");
      }
      return stays;
    }
    List<Membership> next = new ArrayList<>();
    for (Membership stay : stays) {
      if (stay == open) {
        if (!from.isAfter(stay.from())) {
          row.problem(
              "from",
              "must be after " + stay.from() + ", when the member joined pod '" + stay.pod() + "'");
          return stays;
        }
        next.add(new Membership(stay.pod(), stay.from(), from));
      } else {
        if (stay.overlaps(from, null)) {
          row.problem("from", "overlaps the member's stay in " + stay);
          return stays;
        }
        next.add(stay);
      }
    }
    next.add(new Membership(pod, from, null));
    return next;
  }

  private static List<String> union(List<String> had, List<String> given) {
    Set<String> lower =
        had.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    List<String> all = new ArrayList<>(had);
    for (String value : given) {
      if (lower.add(value.toLowerCase(Locale.ROOT))) {
        all.add(value);
      }
    }
    return all;
  }

  private static Set<String> identitiesOf(Identities identities) {
    Set<String> all = new LinkedHashSet<>();
    for (List<String> list :
        List.of(identities.github(), identities.emails(), identities.telemetry())) {
      list.forEach(i -> all.add(i.toLowerCase(Locale.ROOT)));
    }
    return all;
  }
}
