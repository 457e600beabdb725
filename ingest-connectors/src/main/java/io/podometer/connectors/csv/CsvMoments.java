package io.podometer.connectors.csv;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moments and weeks as CSV files write them. A date-time with an offset ({@code
 * 2026-03-04T16:00:00Z}, {@code 2026-03-04T17:00:00+01:00}) is that instant; one without ({@code
 * 2026-03-04 16:00}, {@code 2026-03-04T16:00:00}) and a date alone ({@code 2026-03-04}, that day's
 * start) are read in the organization's time zone, as its weeks are.
 */
public final class CsvMoments {

  private static final Pattern WITH_OFFSET =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern LOCAL =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

  private final ZoneId zone;

  public CsvMoments(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The cell's instant, or null after reporting it missing or not a date-time. */
  public Instant requiredInstant(CsvRow row, String column) {
    return row.required(column) == null ? null : instant(row, column);
  }

  /** The cell's instant, or null: absent, or reported when it is not a date-time. */
  public Instant instant(CsvRow row, String column) {
    String value = row.text(column);
    if (value == null) {
      return null;
    }
    try {
      if (WITH_OFFSET.matcher(value).matches()) {
        return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
      }
      if (LOCAL.matcher(value).matches()) {
        return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
      }
      if (DATE.matcher(value).matches()) {
        return LocalDate.parse(value).atStartOfDay(zone).toInstant();
      }
    } catch (DateTimeParseException e) {
      row.problem(column, "not a valid date-time: '" + value + "' (" + reason(e) + ")");
      return null;
    }
    row.problem(
        column,
        "not an ISO-8601 date-time: '"
            + value
            + "' (expected e.g. 2026-03-04T16:00:00Z, 2026-03-04T17:00:00+01:00, or 2026-03-04 16:00"
            + " or 2026-03-04 in the organization's time zone, "
            + zone
            + ")");
    return null;
  }

  /** The cell's date ({@code YYYY-MM-DD}), or null: absent, or reported. */
  public LocalDate date(CsvRow row, String column) {
    String value = row.text(column);
    if (value == null) {
      return null;
    }
    if (DATE.matcher(value).matches()) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        row.problem(column, "not a valid date: '" + value + "' (" + reason(e) + ")");
        return null;
      }
    }
    row.problem(column, "not a date: '" + value + "' (expected YYYY-MM-DD, e.g. 2026-03-02)");
    return null;
  }

  /** The cell's ISO week ({@code 2026-W10}), normalized, or null: absent, or reported. */
  public String week(CsvRow row, String column) {
    String value = row.text(column);
    if (value == null) {
      return null;
    }
    Matcher week = WEEK.matcher(value.toUpperCase(java.util.Locale.ROOT));
    if (week.matches()) {
      int year = Integer.parseInt(week.group(1));
      int number = Integer.parseInt(week.group(2));
      LocalDate mid = LocalDate.of(year, 6, 1);
      long weeks = mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
      if (number >= 1 && number <= weeks) {
        return String.format("%04d-W%02d", year, number);
      }
      row.problem(
          column, "no week " + number + " in " + year + " (it has " + weeks + " ISO weeks)");
      return null;
    }
    row.problem(column, "not an ISO week: '" + value + "' (expected YYYY-Www, e.g. 2026-W10)");
    return null;
  }

  /**
   * The ISO week starting on the cell's date, which must be a Monday; null: absent, or reported.
   */
  public String weekStartingOn(CsvRow row, String column) {
    LocalDate start = date(row, column);
    if (start == null) {
      return null;
    }
    if (start.getDayOfWeek() != DayOfWeek.MONDAY) {
      row.problem(
          column,
          start
              + " is a "
              + start
                  .getDayOfWeek()
                  .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
              + "; ISO weeks start on a Monday");
      return null;
    }
    return weekOf(start);
  }

  /** The start of an ISO week ({@code 2026-W10}) in the organization's time zone. */
  public Instant startOf(String week) {
    Matcher matcher = WEEK.matcher(week);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not an ISO week: " + week);
    }
    LocalDate monday =
        LocalDate.of(Integer.parseInt(matcher.group(1)), 6, 1)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(matcher.group(2)))
            .with(DayOfWeek.MONDAY);
    return monday.atStartOfDay(zone).toInstant();
  }

  static String weekOf(LocalDate day) {
    return String.format(
        "%04d-W%02d",
        day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static String reason(DateTimeException e) {
    String message = e.getMessage();
    int colon = message.lastIndexOf(": ");
    return colon >= 0 ? message.substring(colon + 2) : message;
  }
}
