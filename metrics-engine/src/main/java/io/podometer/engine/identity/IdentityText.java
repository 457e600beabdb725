package io.podometer.engine.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How identities are compared: logins and e-mails case-insensitively and without surrounding
 * blanks, e-mail globs, and GitHub's no-reply addresses, which stand for their login.
 */
final class IdentityText {

  private static final Pattern GITHUB_NOREPLY =
      Pattern.compile("(?:\\d+\\+)?([^@+]+)@users\\.noreply\\.github\\.com");

  private IdentityText() {}

  /** A case-insensitive whole-string pattern where {@code *} matches any run of characters. */
  static Pattern compile(String glob) {
    String regex =
        Arrays.stream(glob.strip().split("\\*", -1))
            .map(Pattern::quote)
            .collect(Collectors.joining(".*"));
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  static String lower(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }

  /** The login behind a GitHub no-reply address ({@code 123+login@users.noreply.github.com}). */
  static Optional<String> githubLoginOf(String email) {
    Matcher matcher = GITHUB_NOREPLY.matcher(email.strip().toLowerCase(Locale.ROOT));
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The part of an e-mail address before its last {@code @}, lower-cased; empty for none. */
  static Optional<String> localPartOf(String email) {
    String value = lower(email);
    int at = value.lastIndexOf('@');
    return at > 0 && at < value.length() - 1
        ? Optional.of(value.substring(0, at))
        : Optional.empty();
  }
}
