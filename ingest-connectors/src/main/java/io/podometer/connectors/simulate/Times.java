package io.podometer.connectors.simulate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** Time arithmetic in whole epoch seconds (UTC), and the formats EVENTS.md asks for. */
final class Times {
  static final long MINUTE = 60;
  static final long HOUR = 3_600;
  static final long DAY = 86_400;

  private Times() {}

  static long start(LocalDate day) {
    return day.toEpochDay() * DAY;
  }

  static LocalDate day(long epochSecond) {
    return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, DAY));
  }

  static LocalDate mondayOf(LocalDate day) {
    return day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
  }

  /** {@code YYYY-Www}, week-based year. */
  static String isoWeek(LocalDate day) {
    int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    return day.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ssZ} for years 0000–9999; the hot path of the simulator, hence no
   * formatter.
   */
  static String iso(long epochSecond) {
    long days = Math.floorDiv(epochSecond, DAY);
    int secondOfDay = (int) Math.floorMod(epochSecond, DAY);
    // civil-from-days (proleptic Gregorian), after H. Hinnant
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int dayOfMonth = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    char[] c = new char[20];
    digits(c, 0, year, 4);
    c[4] = '-';
    digits(c, 5, month, 2);
    c[7] = '-';
    digits(c, 8, dayOfMonth, 2);
    c[10] = 'T';
    digits(c, 11, secondOfDay / 3600, 2);
    c[13] = ':';
    digits(c, 14, secondOfDay / 60 % 60, 2);
    c[16] = ':';
    digits(c, 17, secondOfDay % 60, 2);
    c[19] = 'Z';
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
