package io.podometer.engine.figure;

/**
 * Why an item counts in a figure: the fact behind it ({@code ref}, e.g. {@code pr:acme/shop#41},
 * {@code deploy:7731}) and the rule that tied it in, in words.
 */
public record Evidence(String ref, String rule) {

  /**
   * Whether the item is about one person (their usage, pulse answers, reviews given, meetings,
   * activity): drill-downs sum such items into one line and never list them one by one.
   */
  public boolean aboutAPerson() {
    return ref.startsWith("usage:")
        || ref.startsWith("pulse:")
        || ref.startsWith("review:")
        || ref.startsWith("meeting:")
        || ref.startsWith("member:")
        || ref.startsWith("engineer:")
        || ref.startsWith("identity:");
  }
}
