package io.podometer.engine.metric;

import io.podometer.engine.event.EventData.AgentSeat;
import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.event.EventData.MeetingSummary;
import io.podometer.engine.event.EventData.PulseScore;
import io.podometer.engine.fact.CiRunFact;
import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.fact.IncidentFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The facts of a {@link FactSet} by whom and what they belong to — repository, service, the
 * identity (login, e-mail, telemetry id) behind them — so that the pods' facts of a set sliced
 * again and again ({@link PodSlice}) are gathered by lookups instead of a scan of every fact.
 * Identities are kept as written; the caller resolves each distinct one to a member once.
 */
final class FactOwners {

  record PrKey(String repo, int number) {}

  final Map<String, List<PullRequestFact>> pullRequestsByRepo;
  final Map<String, List<PullRequestFact>> pullRequestsByAuthor;
  final Map<PrKey, PullRequestFact> pullRequestsByKey;
  final Map<String, List<CommitFact>> commitsByRepo;
  final Map<String, List<CommitFact>> commitsByAuthor;
  final Map<String, List<CommitAttributionFact>> attributionsBySha;
  final Map<String, List<ReviewFact>> reviewsByReviewer;
  final Map<PrKey, List<ReviewFact>> reviewsByPullRequest;
  final Map<String, List<CiRunFact>> ciRunsByRepo;
  final Map<String, List<DeploymentFact>> deploymentsByService;
  final Map<String, List<DeploymentFact>> deploymentsByRepo;
  final Map<String, List<IncidentFact>> incidentsByService;
  final Map<String, List<AgentUsage>> usageByUser;
  final Map<String, List<AgentSeat>> seatsByUser;
  final Map<String, List<MeetingSummary>> meetingsByMember;
  final Map<String, List<PulseScore>> pulseByRespondent;

  FactOwners(FactSet facts) {
    // changes are indexed on another core meanwhile
    Meanwhile<ChangeOwners> changes = Meanwhile.start(() -> new ChangeOwners(facts));
    reviewsByReviewer = by(facts.reviews(), ReviewFact::reviewer);
    reviewsByPullRequest = by(facts.reviews(), r -> new PrKey(r.repo(), r.number()));
    ciRunsByRepo = by(facts.ciRuns(), CiRunFact::repo);
    deploymentsByService = by(facts.deployments(), DeploymentFact::service);
    deploymentsByRepo = by(facts.deployments(), DeploymentFact::repo);
    incidentsByService = by(facts.incidents(), IncidentFact::service);
    usageByUser = by(facts.usageDays(), AgentUsage::user);
    seatsByUser = by(facts.seats(), AgentSeat::user);
    meetingsByMember = by(facts.meetingWeeks(), MeetingSummary::member);
    pulseByRespondent = by(facts.pulseAnswers(), PulseScore::respondent);
    ChangeOwners changed = changes.get();
    pullRequestsByRepo = changed.pullRequestsByRepo;
    pullRequestsByAuthor = changed.pullRequestsByAuthor;
    pullRequestsByKey = changed.pullRequestsByKey;
    commitsByRepo = changed.commitsByRepo;
    commitsByAuthor = changed.commitsByAuthor;
    attributionsBySha = changed.attributionsBySha;
  }

  /** The pull requests, commits and attributions by owner. */
  private static final class ChangeOwners {
    final Map<String, List<PullRequestFact>> pullRequestsByRepo;
    final Map<String, List<PullRequestFact>> pullRequestsByAuthor;
    final Map<PrKey, PullRequestFact> pullRequestsByKey = new HashMap<>();
    final Map<String, List<CommitFact>> commitsByRepo;
    final Map<String, List<CommitFact>> commitsByAuthor = new HashMap<>();
    final Map<String, List<CommitAttributionFact>> attributionsBySha;

    ChangeOwners(FactSet facts) {
      pullRequestsByRepo = by(facts.pullRequests(), PullRequestFact::repo);
      pullRequestsByAuthor = by(facts.pullRequests(), PullRequestFact::author);
      facts
          .pullRequests()
          .forEach(pr -> pullRequestsByKey.put(new PrKey(pr.repo(), pr.number()), pr));
      commitsByRepo = by(facts.commits(), CommitFact::repo);
      for (CommitFact commit : facts.commits()) {
        if (commit.author() != null) {
          add(commitsByAuthor, commit.author().login(), commit);
          if (commit.author().email() != null
              && !commit.author().email().equals(commit.author().login())) {
            add(commitsByAuthor, commit.author().email(), commit);
          }
        }
      }
      attributionsBySha = by(facts.attributions(), CommitAttributionFact::sha);
    }
  }

  /** Every identity written in a fact: authors, reviewers, users, members, respondents. */
  Set<String> identities() {
    Set<String> all = new java.util.HashSet<>();
    all.addAll(pullRequestsByAuthor.keySet());
    all.addAll(commitsByAuthor.keySet());
    all.addAll(reviewsByReviewer.keySet());
    all.addAll(usageByUser.keySet());
    all.addAll(seatsByUser.keySet());
    all.addAll(meetingsByMember.keySet());
    all.addAll(pulseByRespondent.keySet());
    return all;
  }

  private static <K, T> Map<K, List<T>> by(List<T> facts, Function<T, K> key) {
    Map<K, List<T>> index = new HashMap<>();
    for (T fact : facts) {
      add(index, key.apply(fact), fact);
    }
    return index;
  }

  private static <K, T> void add(Map<K, List<T>> index, K key, T fact) {
    if (key != null) {
      index.computeIfAbsent(key, k -> new ArrayList<>(2)).add(fact);
    }
  }
}
