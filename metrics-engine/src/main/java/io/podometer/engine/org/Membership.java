package io.podometer.engine.org;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A member's stay in a pod: {@code from} inclusive, {@code until} exclusive, {@code until} null
 * while the member is still there.
 */
public record Membership(String pod, LocalDate from, LocalDate until) {

  public Membership {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(from, "from");
    if (until != null && !until.isAfter(from)) {
      throw new IllegalArgumentException("until " + until + " is not after from " + from);
    }
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && (until == null || day.isBefore(until));
  }

  /** Whether this stay shares at least one day with {@code [start, endExclusive)}. */
  public boolean overlaps(LocalDate start, LocalDate endExclusive) {
    boolean startsBeforeEnd = endExclusive == null || from.isBefore(endExclusive);
    boolean endsAfterStart = until == null || until.isAfter(start);
    return startsBeforeEnd && endsAfterStart;
  }

  @Override
  public String toString() {
    return pod + " from " + from + (until == null ? "" : " until " + until);
  }
}
