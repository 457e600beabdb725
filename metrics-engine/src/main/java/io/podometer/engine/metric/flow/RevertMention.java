package io.podometer.engine.metric.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a revert (a commit message, or a PR's title and body) names as reverted: commit shas ({@code
 * This reverts commit <sha>}), PR numbers ({@code #41} or {@code owner/repo#41} in an unquoted
 * subject, the {@code (#41)} suffix of a quoted one, or on a {@code Reverts …} line) and the
 * reverted title ({@code Revert "<title>"}). A text is a revert when its subject starts with
 * "Revert" or it says "This reverts commit".
 */
record RevertMention(List<String> shas, List<Reference> numbers, String title) {

  /** A PR number, in {@code repo} when the text names one (else null: the revert's own repo). */
  record Reference(String repo, int number) {}

  private static final Pattern SUBJECT = Pattern.compile("(?i)^\\s*revert\\b");
  private static final Pattern SHA =
      Pattern.compile("(?i)this reverts commit\\s+([0-9a-f]{7,40})\\b");
  private static final Pattern TITLE =
      Pattern.compile("(?i)^\\s*revert\\s+\"(.+)\"(?:\\s*\\(#\\d+\\))?\\s*$");
  private static final Pattern REVERTS_LINE = Pattern.compile("(?i)^\\s*(?:this\\s+)?reverts\\b");
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w#/.-])(?:([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+))?#(\\d{1,9})\\b");
  private static final Pattern SQUASH_SUFFIX = Pattern.compile("\\s*\\(#\\d+\\)\\s*$");
  private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)\\s*\\(#(\\d{1,9})\\)$");

  /** Whether the text could be a revert at all (cheap: no pattern runs otherwise). */
  static boolean mayBeRevert(String text) {
    if (text == null) {
      return false;
    }
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    return text.regionMatches(true, start, "revert", 0, 6) || containsRevertsCommit(text);
  }

  private static boolean containsRevertsCommit(String text) {
    String phrase = "reverts commit";
    for (int at = text.indexOf("everts"); at >= 1; at = text.indexOf("everts", at + 1)) {
      if (text.regionMatches(true, at - 1, phrase, 0, phrase.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The mention, or null when the text is not a revert.
   *
   * @param subjectEndsWithOwnNumber whether a trailing {@code (#N)} on the subject is the revert's
   *     own PR number (a squash-merge subject) rather than what it reverts
   */
  static RevertMention parse(String text, boolean subjectEndsWithOwnNumber) {
    if (!mayBeRevert(text)) {
      return null;
    }
    String[] lines = text.split("\\R");
    String subject = lines[0];
    boolean revert = SUBJECT.matcher(subject).find();
    List<String> shas = new ArrayList<>(1);
    Matcher sha = SHA.matcher(text);
    while (sha.find()) {
      shas.add(sha.group(1).toLowerCase(Locale.ROOT));
      revert = true;
    }
    if (!revert) {
      return null;
    }
    String title = null;
    Matcher quoted = TITLE.matcher(subject);
    if (quoted.matches()) {
      title = quoted.group(1);
    }
    List<Reference> numbers = new ArrayList<>(1);
    if (title != null) {
      // in a quoted title only a squash suffix names a PR; other #N are issues it mentioned
      Matcher suffix = TRAILING_NUMBER.matcher(title);
      if (suffix.matches()) {
        numbers.add(new Reference(null, Integer.parseInt(suffix.group(2))));
      }
    } else {
      numbers(
          subjectEndsWithOwnNumber ? SQUASH_SUFFIX.matcher(subject).replaceFirst("") : subject,
          numbers);
    }
    for (int i = 1; i < lines.length; i++) {
      if (REVERTS_LINE.matcher(lines[i]).find()) {
        numbers(lines[i], numbers);
      }
    }
    return new RevertMention(List.copyOf(shas), List.copyOf(numbers), title);
  }

  private static void numbers(String line, List<Reference> into) {
    Matcher m = NUMBER.matcher(line);
    while (m.find()) {
      into.add(new Reference(m.group(1), Integer.parseInt(m.group(2))));
    }
  }

  /** The reverted title without a trailing {@code (#N)} squash suffix, or null. */
  String titleWithoutNumber() {
    if (title == null) {
      return null;
    }
    Matcher m = TRAILING_NUMBER.matcher(title);
    return m.matches() ? m.group(1) : null;
  }
}
