package io.podometer.engine.metric.dora;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes instants into evidence as {@link Instant#toString()} does ({@code 2026-03-02T09:00:00Z}),
 * without its formatter: evidence is built for every PR and deployment of a computation.
 */
final class Moments {

  private static final int SECONDS_PER_DAY = 86_400;

  private Moments() {}

  static void append(StringBuilder text, Instant instant) {
    if (instant == null) {
      text.append("?");
      return;
    }
    long seconds = instant.getEpochSecond();
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(day);
    if (instant.getNano() != 0 || date.getYear() < 1000 || date.getYear() > 9999) {
      text.append(instant);
      return;
    }
    text.append(date.getYear()).append('-');
    two(text, date.getMonthValue()).append('-');
    two(text, date.getDayOfMonth()).append('T');
    two(text, secondOfDay / 3600).append(':');
    two(text, secondOfDay / 60 % 60).append(':');
    two(text, secondOfDay % 60).append('Z');
  }

  private static StringBuilder two(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
