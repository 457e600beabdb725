package io.podometer.engine.fact;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventData;
import java.util.Locale;

/**
 * The natural key of a fact: every event with the same key folds into the same fact, whatever its
 * id or source. Identities (users, members, respondents) are compared case-insensitively.
 */
public record FactKey(FactKind kind, String key) {

  public static FactKey of(CanonicalEvent event) {
    EventData data = event.data();
    String repo = event.repo();
    if (data instanceof EventData.PrOpened d) {
      return pr(repo, d.number());
    } else if (data instanceof EventData.PrUpdated d) {
      return pr(repo, d.number());
    } else if (data instanceof EventData.PrReadyForReview d) {
      return pr(repo, d.number());
    } else if (data instanceof EventData.PrMerged d) {
      return pr(repo, d.number());
    } else if (data instanceof EventData.PrClosed d) {
      return pr(repo, d.number());
    } else if (data instanceof EventData.PrReviewSubmitted d) {
      String review =
          d.reviewId() != null
              ? d.reviewId()
              : d.reviewer().toLowerCase(Locale.ROOT) + "@" + d.submittedAt();
      return new FactKey(FactKind.REVIEW, repo + "#" + d.number() + ":" + review);
    } else if (data instanceof EventData.Commit d) {
      return new FactKey(FactKind.COMMIT, repo + "@" + d.sha());
    } else if (data instanceof EventData.CommitAttribution d) {
      return new FactKey(FactKind.COMMIT_ATTRIBUTION, repo + "@" + d.sha() + ":" + d.source());
    } else if (data instanceof EventData.CiRunCompleted d) {
      return new FactKey(FactKind.CI_RUN, repo + ":" + d.runId());
    } else if (data instanceof EventData.DeploymentFinished d) {
      return new FactKey(FactKind.DEPLOYMENT, d.deploymentId());
    } else if (data instanceof EventData.IncidentOpened d) {
      return new FactKey(FactKind.INCIDENT, d.incidentId());
    } else if (data instanceof EventData.IncidentResolved d) {
      return new FactKey(FactKind.INCIDENT, d.incidentId());
    } else if (data instanceof EventData.AgentUsage d) {
      return new FactKey(
          FactKind.AGENT_USAGE_DAY, d.tool() + ":" + lower(d.user()) + ":" + d.day());
    } else if (data instanceof EventData.MeetingSummary d) {
      return new FactKey(FactKind.MEETING_WEEK, lower(d.member()) + ":" + d.week());
    } else if (data instanceof EventData.BetSignal d) {
      return new FactKey(FactKind.BET_SIGNAL, d.betId() + ":" + d.name() + ":" + d.at());
    } else if (data instanceof EventData.BetLearning d) {
      return new FactKey(FactKind.BET_LEARNING, d.betId() + ":" + d.at());
    } else if (data instanceof EventData.PulseScore d) {
      return new FactKey(
          FactKind.PULSE_ANSWER, lower(d.respondent()) + ":" + d.week() + ":" + d.question());
    }
    throw new IllegalArgumentException("no fact for event type " + event.type());
  }

  private static FactKey pr(String repo, int number) {
    return new FactKey(FactKind.PULL_REQUEST, repo + "#" + number);
  }

  private static String lower(String identity) {
    return identity.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return kind + ":" + key;
  }
}
