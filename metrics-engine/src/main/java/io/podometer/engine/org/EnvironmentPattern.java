package io.podometer.engine.org;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The production-environment regular expression: the raw text as configured and its compiled,
 * case-insensitive form. Two patterns are equal when their raw text is.
 */
public record EnvironmentPattern(String regex, Pattern pattern) {

  public static final EnvironmentPattern DEFAULT = new EnvironmentPattern("prod|production");

  /**
   * The compiled form is always derived from {@code regex}; a {@code pattern} passed in is ignored
   * so that the two cannot disagree.
   *
   * @throws java.util.regex.PatternSyntaxException when {@code regex} does not compile
   */
  public EnvironmentPattern {
    Objects.requireNonNull(regex, "regex");
    pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  public EnvironmentPattern(String regex) {
    this(regex, null);
  }

  /** Whether the whole environment name matches (so {@code preprod} is not {@code prod}). */
  public boolean matches(String environment) {
    return environment != null && pattern.matcher(environment).matches();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EnvironmentPattern that && regex.equals(that.regex);
  }

  @Override
  public int hashCode() {
    return regex.hashCode();
  }

  @Override
  public String toString() {
    return regex;
  }
}
