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
import io.podometer.engine.org.Member;
import io.podometer.engine.org.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The facts that can move one pod's figures: its members' changes, reviews and agent use, the pull
 * requests that count for it or touch its repositories, and the deployments and incidents of every
 * service those changes ship through. A pod's figures computed from its slice equal those of the
 * full computation, at a fraction of the cost.
 */
public final class PodSlice {

  private PodSlice() {}

  public static FactSet of(EngineContext context, FactSet facts, String podId) {
    FactOwners owners = facts.owners();
    Set<String> members = new HashSet<>();
    for (Member member : context.org().members()) {
      if (member.memberships().stream().anyMatch(m -> m.pod().equals(podId))) {
        members.add(member.id());
      }
    }
    // every identity written in a fact that is one of the pod's members, resolved once each
    List<String> identities = new ArrayList<>();
    for (String identity : owners.identities()) {
      if (members.contains(context.memberOf(identity))) {
        identities.add(identity);
      }
    }
    Set<String> repos = new HashSet<>();
    Set<String> services = new HashSet<>();
    for (Service service : context.org().services()) {
      if (podId.equals(service.pod())) {
        services.add(service.id());
        repos.addAll(service.repos());
      }
    }
    // pull requests: in the pod's repositories, by its members, or reviewed by them
    Set<PullRequestFact> pullRequests = identitySet();
    for (String repo : repos) {
      pullRequests.addAll(owners.pullRequestsByRepo.getOrDefault(repo, List.of()));
    }
    for (String identity : identities) {
      pullRequests.addAll(owners.pullRequestsByAuthor.getOrDefault(identity, List.of()));
      for (ReviewFact review : owners.reviewsByReviewer.getOrDefault(identity, List.of())) {
        PullRequestFact pr =
            owners.pullRequestsByKey.get(new FactOwners.PrKey(review.repo(), review.number()));
        if (pr != null) {
          pullRequests.add(pr);
        }
      }
    }
    for (PullRequestFact pr : pullRequests) {
      if (pr.repo() != null) {
        repos.add(pr.repo());
      }
    }
    for (String repo : repos) {
      services.add(context.scopes().serviceOf(repo));
    }
    Set<CommitFact> commits = identitySet();
    for (String repo : repos) {
      commits.addAll(owners.commitsByRepo.getOrDefault(repo, List.of()));
    }
    for (String identity : identities) {
      commits.addAll(owners.commitsByAuthor.getOrDefault(identity, List.of()));
    }
    Set<CommitAttributionFact> attributions = identitySet();
    for (CommitFact commit : commits) {
      attributions.addAll(owners.attributionsBySha.getOrDefault(commit.sha(), List.of()));
    }
    Set<ReviewFact> reviews = identitySet();
    for (PullRequestFact pr : pullRequests) {
      reviews.addAll(
          owners.reviewsByPullRequest.getOrDefault(
              new FactOwners.PrKey(pr.repo(), pr.number()), List.of()));
    }
    Set<CiRunFact> ciRuns = identitySet();
    Set<DeploymentFact> deployments = identitySet();
    for (String repo : repos) {
      ciRuns.addAll(owners.ciRunsByRepo.getOrDefault(repo, List.of()));
      deployments.addAll(owners.deploymentsByRepo.getOrDefault(repo, List.of()));
    }
    Set<IncidentFact> incidents = identitySet();
    for (String service : services) {
      deployments.addAll(owners.deploymentsByService.getOrDefault(service, List.of()));
      incidents.addAll(owners.incidentsByService.getOrDefault(service, List.of()));
    }
    List<AgentUsage> usage = new ArrayList<>();
    List<AgentSeat> seats = new ArrayList<>();
    List<MeetingSummary> meetings = new ArrayList<>();
    List<PulseScore> pulse = new ArrayList<>();
    for (String identity : identities) {
      reviews.addAll(owners.reviewsByReviewer.getOrDefault(identity, List.of()));
      usage.addAll(owners.usageByUser.getOrDefault(identity, List.of()));
      seats.addAll(owners.seatsByUser.getOrDefault(identity, List.of()));
      meetings.addAll(owners.meetingsByMember.getOrDefault(identity, List.of()));
      pulse.addAll(owners.pulseByRespondent.getOrDefault(identity, List.of()));
    }
    return new FactSet(
        new ArrayList<>(pullRequests),
        new ArrayList<>(commits),
        new ArrayList<>(attributions),
        new ArrayList<>(reviews),
        new ArrayList<>(ciRuns),
        new ArrayList<>(deployments),
        new ArrayList<>(incidents),
        usage,
        seats,
        meetings,
        facts.betSignals(),
        facts.betLearnings(),
        pulse);
  }

  /** A set by identity: facts are records, whose own equality would compare every field. */
  private static <T> Set<T> identitySet() {
    return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  }
}
