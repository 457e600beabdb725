package io.podometer.engine.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO week in the week-based year ({@code 2026-W53} exists; {@code 2025-W53} does not). Ordered
 * by time.
 */
public record IsoWeek(int weekBasedYear, int week) implements Comparable<IsoWeek> {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

  public IsoWeek {
    if (week < 1 || week > weeksIn(weekBasedYear)) {
      throw new IllegalArgumentException(
          "week " + week + " does not exist in week-based year " + weekBasedYear);
    }
  }

  public static IsoWeek of(LocalDate day) {
    return new IsoWeek(
        day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  public static IsoWeek of(Instant instant, ZoneId zone) {
    return of(instant.atZone(zone).toLocalDate());
  }

  /** Parses {@code YYYY-Www}; throws with a message naming the input when it is not a week. */
  public static IsoWeek parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () -> new IllegalArgumentException("'" + text + "' is not an ISO week (YYYY-Www)"));
  }

  public static Optional<IsoWeek> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    if (week < 1 || week > weeksIn(year)) {
      return Optional.empty();
    }
    return Optional.of(new IsoWeek(year, week));
  }

  public static int weeksIn(int weekBasedYear) {
    LocalDate dec28 = LocalDate.of(weekBasedYear, 12, 28);
    return dec28.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  /** The Monday that starts this week. */
  public LocalDate monday() {
    return LocalDate.of(weekBasedYear, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** Monday 00:00 of this week in {@code zone}. */
  public Instant start(ZoneId zone) {
    return monday().atStartOfDay(zone).toInstant();
  }

  /** Monday 00:00 of the next week in {@code zone} (exclusive end). */
  public Instant end(ZoneId zone) {
    return plusWeeks(1).start(zone);
  }

  public IsoWeek plusWeeks(long weeks) {
    return of(monday().plusWeeks(weeks));
  }

  @Override
  public int compareTo(IsoWeek other) {
    return weekBasedYear != other.weekBasedYear
        ? Integer.compare(weekBasedYear, other.weekBasedYear)
        : Integer.compare(week, other.week);
  }

  @Override
  public int hashCode() {
    // spread the few hundred weeks in use over the whole int range
    return (weekBasedYear * 64 + week) * 0x9E3779B1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IsoWeek w && w.weekBasedYear == weekBasedYear && w.week == week;
  }

  @Override
  public String toString() {
    return String.format("%04d-W%02d", weekBasedYear, week);
  }
}
