package io.podometer.engine.metric.dora;

import java.time.Duration;
import java.time.Instant;

/** Elapsed time in hours, and how evidence writes it. */
final class Hours {

  private static final double MILLIS_PER_HOUR = 3_600_000.0;

  private Hours() {}

  /** Hours from {@code from} to {@code to}, never below 0 (clock skew and late fields). */
  static double between(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMillis() / MILLIS_PER_HOUR);
  }

  /** {@code 55 h}, {@code 1.5 h}, {@code 0.33 h}. */
  static String text(double hours) {
    StringBuilder text = new StringBuilder(12);
    append(text, hours);
    return text.toString();
  }

  /** Appends the hours rounded to hundredths, without trailing zeros, and the unit. */
  static void append(StringBuilder text, double hours) {
    long hundredths = Math.round(hours * 100);
    text.append(hundredths / 100);
    int fraction = (int) (hundredths % 100);
    if (fraction != 0) {
      text.append('.');
      if (fraction < 10) {
        text.append('0');
      }
      text.append(fraction % 10 == 0 ? fraction / 10 : fraction);
    }
    text.append(" h");
  }
}
