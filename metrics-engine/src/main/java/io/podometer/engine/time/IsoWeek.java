package io.podometer.engine.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
    IsoWeek known = Known.at(Math.floorDiv(epochDay + 3, 7L));
    return known != null ? known : computed(epochDay);
  }

  private static IsoWeek computed(long epochDay) {
    long thursday = epochDay - mondayBased(epochDay) + 3;
    LocalDate day = LocalDate.ofEpochDay(thursday);
    return new IsoWeek(day.getYear(), (day.getDayOfYear() - 1) / 7 + 1);
  }

  /**
   * The weeks of 1970–2199 made once, by their count of weeks from the one holding 1970-01-01:
   * weeks are taken, stepped through and printed for every fact, contribution and figure, and
   * working each out through the calendar again was a tenth of updating a week's figures.
   */
  private static final class Known {
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2199;
    // the count of week 1 of each year, from FIRST_YEAR
    private static final int[] YEAR_STARTS = new int[LAST_YEAR - FIRST_YEAR + 2];
    private static final IsoWeek[] WEEKS;
    private static final String[] TEXTS;

    static {
      List<IsoWeek> weeks = new ArrayList<>();
      for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        YEAR_STARTS[year - FIRST_YEAR] = weeks.size();
        for (int week = 1; week <= weeksIn(year); week++) {
          weeks.add(new IsoWeek(year, week));
        }
      }
      YEAR_STARTS[LAST_YEAR - FIRST_YEAR + 1] = weeks.size();
      WEEKS = weeks.toArray(new IsoWeek[0]);
      TEXTS = new String[WEEKS.length];
    }

    /** The week with this count, or null outside the years held. */
    static IsoWeek at(long count) {
      return count >= 0 && count < WEEKS.length ? WEEKS[(int) count] : null;
    }

    /** This week's count, or -1 outside the years held. */
    static int count(IsoWeek week) {
      int year = week.weekBasedYear - FIRST_YEAR;
      return year >= 0 && year <= LAST_YEAR - FIRST_YEAR ? YEAR_STARTS[year] + week.week - 1 : -1;
    }

    /** The text of the week with this count (made once, then kept). */
    static String text(int count, IsoWeek week) {
      String text = TEXTS[count];
      if (text == null) {
        text = String.format("%04d-W%02d", week.weekBasedYear, week.week);
        TEXTS[count] = text; // a race writes the same string twice, harmlessly
      }
      return text;
    }
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
    return LocalDate.ofEpochDay(mondayEpochDay());
  }

  private long mondayEpochDay() {
    int count = Known.count(this);
    if (count >= 0) {
      return count * 7L - 3; // the first week held began on Monday 1969-12-29
    }
    long jan4 = LocalDate.of(weekBasedYear, 1, 4).toEpochDay();
    return jan4 - mondayBased(jan4) + (week - 1) * 7L;
  }

  /** Monday 00:00 of this week in {@code zone}. */
  public Instant start(ZoneId zone) {
    java.time.zone.ZoneRules rules = zone.getRules();
    if (rules.isFixedOffset()) {
      return Instant.ofEpochSecond(
          mondayEpochDay() * 86_400L - rules.getOffset(Instant.EPOCH).getTotalSeconds());
    }
    return monday().atStartOfDay(zone).toInstant();
  }

  /** Monday 00:00 of the next week in {@code zone} (exclusive end). */
  public Instant end(ZoneId zone) {
    return plusWeeks(1).start(zone);
  }

  public IsoWeek plusWeeks(long weeks) {
    if (weeks == 0) {
      return this;
    }
    int count = Known.count(this);
    IsoWeek known = count < 0 ? null : Known.at(count + weeks);
    return known != null ? known : computed(mondayEpochDay() + weeks * 7);
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
    int count = Known.count(this);
    return count >= 0 ? Known.text(count, this) : String.format("%04d-W%02d", weekBasedYear, week);
  }
}
