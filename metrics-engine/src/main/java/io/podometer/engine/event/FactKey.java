package io.podometer.engine.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The natural key of a fact: every event with the same key folds into the same fact, whatever its
 * id or source. Identities (users, members, respondents) are compared case-insensitively.
 */
public record FactKey(FactKind kind, String key) {

  /** The key of the fact an event folds into (kept with the event once worked out). */
  public static FactKey of(CanonicalEvent event) {
    return event.factKey();
  }

  /** Works the key out from the event's type, repository and data. */
  public static FactKey naturalKeyOf(CanonicalEvent event) {
    ObjectNode d = event.dataTree();
    String repo = event.repo();
    return switch (event.type()) {
      case PR_OPENED, PR_UPDATED, PR_READY_FOR_REVIEW, PR_MERGED, PR_CLOSED ->
          new FactKey(FactKind.PULL_REQUEST, repo + "#" + d.get("number").asInt());
      case PR_REVIEW_SUBMITTED -> {
        String review =
            d.hasNonNull("reviewId")
                ? text(d, "reviewId")
                : lower(text(d, "reviewer")) + "@" + text(d, "submittedAt");
        yield new FactKey(FactKind.REVIEW, repo + "#" + d.get("number").asInt() + ":" + review);
      }
      case COMMIT -> new FactKey(FactKind.COMMIT, repo + "@" + text(d, "sha"));
      case COMMIT_ATTRIBUTION ->
          new FactKey(
              FactKind.COMMIT_ATTRIBUTION, repo + "@" + text(d, "sha") + ":" + text(d, "source"));
      case CI_RUN_COMPLETED -> new FactKey(FactKind.CI_RUN, repo + ":" + text(d, "runId"));
      case DEPLOYMENT_FINISHED -> new FactKey(FactKind.DEPLOYMENT, text(d, "deploymentId"));
      case INCIDENT_OPENED, INCIDENT_RESOLVED ->
          new FactKey(FactKind.INCIDENT, text(d, "incidentId"));
      case AGENT_USAGE ->
          new FactKey(
              FactKind.AGENT_USAGE_DAY,
              text(d, "tool") + ":" + lower(text(d, "user")) + ":" + text(d, "day"));
      case AGENT_SEAT ->
          new FactKey(FactKind.AGENT_SEAT, text(d, "tool") + ":" + lower(text(d, "user")));
      case AGENT_ORG_USAGE ->
          new FactKey(
              FactKind.AGENT_ORG_DAY,
              text(d, "tool") + ":" + text(d, "account") + ":" + text(d, "day"));
      case MEETING_SUMMARY ->
          new FactKey(FactKind.MEETING_WEEK, lower(text(d, "member")) + ":" + text(d, "week"));
      case BET_SIGNAL ->
          new FactKey(
              FactKind.BET_SIGNAL, text(d, "betId") + ":" + text(d, "name") + ":" + text(d, "at"));
      case BET_LEARNING ->
          new FactKey(FactKind.BET_LEARNING, text(d, "betId") + ":" + text(d, "at"));
      case PULSE_SCORE ->
          new FactKey(
              FactKind.PULSE_ANSWER,
              lower(text(d, "respondent")) + ":" + text(d, "week") + ":" + text(d, "question"));
    };
  }

  private static String text(ObjectNode data, String field) {
    return data.get(field).asText();
  }

  private static String lower(String identity) {
    return identity.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return kind + ":" + key;
  }
}
