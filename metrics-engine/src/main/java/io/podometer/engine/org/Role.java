package io.podometer.engine.org;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a member does; {@link #id()} is the spelling used in the organization file. */
public enum Role {
  ENGINEER,
  PM,
  DESIGNER,
  DATA,
  MANAGER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromId(String id) {
    return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst();
  }

  static String allIds() {
    return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
  }
}
