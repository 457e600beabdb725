package io.podometer.engine.metric;

import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.event.EventData.BetLearning;
import io.podometer.engine.event.EventData.BetSignal;
import io.podometer.engine.event.EventData.MeetingSummary;
import io.podometer.engine.event.EventData.PulseScore;
import io.podometer.engine.fact.CiRunFact;
import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.fact.IncidentFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import java.util.List;

/** Every fact a computation reads, by kind. Immutable. */
public record FactSet(
    List<PullRequestFact> pullRequests,
    List<CommitFact> commits,
    List<CommitAttributionFact> attributions,
    List<ReviewFact> reviews,
    List<CiRunFact> ciRuns,
    List<DeploymentFact> deployments,
    List<IncidentFact> incidents,
    List<AgentUsage> usageDays,
    List<MeetingSummary> meetingWeeks,
    List<BetSignal> betSignals,
    List<BetLearning> betLearnings,
    List<PulseScore> pulseAnswers) {

  public FactSet {
    pullRequests = List.copyOf(pullRequests);
    commits = List.copyOf(commits);
    attributions = List.copyOf(attributions);
    reviews = List.copyOf(reviews);
    ciRuns = List.copyOf(ciRuns);
    deployments = List.copyOf(deployments);
    incidents = List.copyOf(incidents);
    usageDays = List.copyOf(usageDays);
    meetingWeeks = List.copyOf(meetingWeeks);
    betSignals = List.copyOf(betSignals);
    betLearnings = List.copyOf(betLearnings);
    pulseAnswers = List.copyOf(pulseAnswers);
  }

  /** Only the change facts (the overview reads nothing else). */
  public static FactSet ofChanges(
      List<PullRequestFact> pullRequests,
      List<CommitFact> commits,
      List<CommitAttributionFact> attributions) {
    return new FactSet(
        pullRequests,
        commits,
        attributions,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
