package io.podometer.engine.metric.flow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Cheap formatting for evidence rules, where millions of items may each name a time or a span. */
public final class Times {

  private Times() {}

  /** {@code 2026-03-03T09:00:00Z}: the instant in UTC to the second. */
  public static String format(Instant instant) {
    if (instant == null) {
      return "unknown";
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder s = new StringBuilder(20);
    int year = t.getYear();
    if (year < 1000 || year > 9999) {
      return instant.toString();
    }
    s.append(year).append('-');
    two(s, t.getMonthValue()).append('-');
    two(s, t.getDayOfMonth()).append('T');
    two(s, t.getHour()).append(':');
    two(s, t.getMinute()).append(':');
    two(s, t.getSecond()).append('Z');
    return s.toString();
  }

  /** Hours rounded to two decimals ({@code 24.0}, {@code 0.02}). */
  public static String hours(double hours) {
    return Double.toString(Math.round(hours * 100) / 100.0);
  }

  private static StringBuilder two(StringBuilder s, int value) {
    if (value < 10) {
      s.append('0');
    }
    return s.append(value);
  }
}
