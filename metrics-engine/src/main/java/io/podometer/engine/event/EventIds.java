package io.podometer.engine.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The id templates of EVENTS.md: the same fact gets the same id whatever source reports it, so a
 * second delivery is recognised as a duplicate.
 */
public final class EventIds {

  private EventIds() {}

  /** {@code pr:<repo>#<n>:opened|merged|closed|ready}. */
  public static String pr(String repo, int number, String what) {
    return "pr:" + repo + "#" + number + ":" + what;
  }

  public static String prUpdated(String repo, int number, Instant at) {
    return "pr:" + repo + "#" + number + ":updated:" + at;
  }

  /** {@code review:<repo>#<n>:<reviewId>}, or reviewer@submittedAt when the source has no id. */
  public static String review(
      String repo, int number, String reviewId, String reviewer, Instant submittedAt) {
    String which = reviewId != null ? reviewId : reviewer + "@" + submittedAt;
    return "review:" + repo + "#" + number + ":" + which;
  }

  public static String commit(String repo, String sha) {
    return "commit:" + repo + "@" + sha;
  }

  public static String attribution(String repo, String sha, String source) {
    return "attribution:" + repo + "@" + sha + ":" + source;
  }

  public static String ciRun(String repo, String runId) {
    return "ci:" + repo + ":" + runId;
  }

  public static String deployment(String service, String deploymentId) {
    return "deploy:" + service + ":" + deploymentId;
  }

  /** {@code incident:<id>:opened|resolved}. */
  public static String incident(String incidentId, String what) {
    return "incident:" + incidentId + ":" + what;
  }

  public static String usage(String tool, String user, LocalDate day) {
    return "usage:" + tool + ":" + user + ":" + day;
  }

  public static String meeting(String member, String week) {
    return "meeting:" + member + ":" + week;
  }

  public static String signal(String betId, String name, Instant at) {
    return "signal:" + betId + ":" + name + ":" + at;
  }

  public static String learning(String betId, Instant at) {
    return "learning:" + betId + ":" + at;
  }

  public static String pulse(String respondent, String week, String question) {
    return "pulse:" + respondent + ":" + week + ":" + question;
  }
}
