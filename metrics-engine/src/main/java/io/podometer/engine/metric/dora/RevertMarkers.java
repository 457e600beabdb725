package io.podometer.engine.metric.dora;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a change says it reverts, in git's and GitHub's own words: a commit message with {@code This
 * reverts commit <sha>.}, a PR body with {@code Reverts <owner>/<repo>#<n>}.
 */
final class RevertMarkers {

  private static final String COMMIT_MARKER = "This reverts commit ";
  private static final Pattern REVERTED_SHA =
      Pattern.compile("This reverts commit ([0-9a-fA-F]{7,64})");
  private static final Pattern REVERTED_PR = Pattern.compile("Reverts ([\\w.-]+/[\\w.-]+)#(\\d+)");

  private RevertMarkers() {}

  /** The sha a commit message reverts, or null. */
  static String revertedSha(String message) {
    if (message == null || !message.contains(COMMIT_MARKER)) {
      return null;
    }
    Matcher m = REVERTED_SHA.matcher(message);
    return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : null;
  }

  /** The PR a PR body reverts, as {@code {repo, number}}, or null. */
  static String[] revertedPullRequest(String body) {
    if (body == null || !body.contains("Reverts ")) {
      return null;
    }
    Matcher m = REVERTED_PR.matcher(body);
    return m.find() ? new String[] {m.group(1), m.group(2)} : null;
  }
}
