package io.podometer.engine.detect;

import java.util.Locale;

/** How detectors write figures into their rules: shares as whole percents, the rest briefly. */
final class Wording {

  private Wording() {}

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", share * 100);
  }

  static String number(double value) {
    // figures are sums of decimals: 0.55 - 0.30 is 0.25000000000000006
    boolean whole = Math.abs(value - Math.rint(value)) < 1e-6;
    return String.format(Locale.ROOT, whole ? "%.0f" : "%.2f", value);
  }

  static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
