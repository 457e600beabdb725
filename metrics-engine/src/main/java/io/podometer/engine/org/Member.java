package io.podometer.engine.org;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person. {@code level} (e.g. {@code L5}) is null when the file gives none. */
public record Member(
    String id,
    String name,
    Role role,
    String level,
    Identities identities,
    List<Membership> memberships) {

  static final Pattern LEVEL = Pattern.compile("L(\\d{1,4})");

  public Member {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    if (level != null && !LEVEL.matcher(level).matches()) {
      throw new IllegalArgumentException("not a level: " + level);
    }
    identities = identities == null ? Identities.NONE : identities;
    memberships = memberships == null ? List.of() : List.copyOf(memberships);
  }

  /** This member with other identities. */
  public Member withIdentities(Identities other) {
    return new Member(id, name, role, level, other, memberships);
  }

  public OptionalInt levelNumber() {
    return level == null ? OptionalInt.empty() : OptionalInt.of(levelNumber(level));
  }

  static int levelNumber(String level) {
    Matcher matcher = LEVEL.matcher(level);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a level: " + level);
    }
    return Integer.parseInt(matcher.group(1));
  }
}
