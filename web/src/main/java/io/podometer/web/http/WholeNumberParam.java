package io.podometer.web.http;

/**
 * A whole-number query parameter read from its text, so that {@code limit=abc} is a 400 naming the
 * parameter and its rule (a parameter the framework cannot convert would answer 404).
 */
public final class WholeNumberParam {

  private WholeNumberParam() {}

  /** The number, or an {@link IllegalArgumentException} (a 400) naming {@code name}. */
  public static int of(String name, String text, int min, int max) {
    if (text != null) {
      try {
        int value = Integer.parseInt(text.strip());
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below, with the rule
      }
    }
    throw new IllegalArgumentException(
        name + ": must be a whole number from " + min + " to " + max);
  }
}
