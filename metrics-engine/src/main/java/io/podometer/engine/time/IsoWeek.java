package io.podometer.engine.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    return ofEpochDay(day.toEpochDay());
  }

  public static IsoWeek of(Instant instant, ZoneId zone) {
    int offset =
        zone instanceof ZoneOffset fixed
            ? fixed.getTotalSeconds()
            : zone.getRules().getOffset(instant).getTotalSeconds();
    return ofEpochDay(Math.floorDiv(instant.getEpochSecond() + offset, 86_400L));
  }

  /**
   * The week of a day counted from 1970-01-01: the week-based year is the year of the week's
   * Thursday, the week its ordinal among that year's Thursdays (ISO 8601). Plain arithmetic: weeks
   * are taken for every fact and contribution.
   */
  private static IsoWeek ofEpochDay(long epochDay) {
    long thursday = epochDay - mondayBased(epochDay) + 3;
    LocalDate day = LocalDate.ofEpochDay(thursday);
    return new IsoWeek(day.getYear(), (day.getDayOfYear() - 1) / 7 + 1);
  }

  /** 0 for a Monday … 6 for a Sunday (1970-01-01 was a Thursday). */
  private static int mondayBased(long epochDay) {
    return (int) Math.floorMod(epochDay + 3, 7L);
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

  /** 53 when the year starts on a Thursday, or on a Wednesday in a leap year; else 52. */
  public static int weeksIn(int weekBasedYear) {
    DayOfWeek first = LocalDate.of(weekBasedYear, 1, 1).getDayOfWeek();
    return first == DayOfWeek.THURSDAY
            || (first == DayOfWeek.WEDNESDAY && Year.isLeap(weekBasedYear))
        ? 53
        : 52;
  }

  /** The Monday that starts this week (week 1 holds January 4th). */
  public LocalDate monday() {
    long jan4 = LocalDate.of(weekBasedYear, 1, 4).toEpochDay();
    return LocalDate.ofEpochDay(jan4 - mondayBased(jan4) + (week - 1) * 7L);
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
    return weeks == 0 ? this : ofEpochDay(monday().toEpochDay() + weeks * 7);
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
