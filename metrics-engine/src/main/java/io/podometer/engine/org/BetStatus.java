package io.podometer.engine.org;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a bet stands; {@link #id()} is the spelling used in the organization file. */
public enum BetStatus {
  EXPLORING,
  SCALING,
  SHIPPED,
  KILLED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<BetStatus> fromId(String id) {
    return Arrays.stream(values()).filter(status -> status.id().equals(id)).findFirst();
  }

  static String allIds() {
    return Arrays.stream(values()).map(BetStatus::id).collect(Collectors.joining(", "));
  }
}
