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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts that can move one pod's figures: its members' changes, reviews and agent use, the pull
 * requests that count for it or touch its repositories, and the deployments and incidents of every
 * service those changes ship through. A pod's figures computed from its slice equal those of the
 * full computation, at a fraction of the cost.
 *
 * <p>The slice of several pods (a pillar's, a member's pods) is the union of their slices: each
 * fact is taken for what it shares with any of them. A set sliced once or twice (a drill-down's
 * window of a week) is read in one pass per kind of fact, which costs less than indexing it; one
 * sliced again and again (every pod's slice of a year) is indexed by owner once, and each slice is
 * then gathered by lookups ({@link FactOwners}).
 */
public final class PodSlice {

  private PodSlice() {}

  public static FactSet of(EngineContext context, FactSet facts, String podId) {
    return of(context, facts, Set.of(podId));
  }

  /** The union of the slices of {@code podIds}. */
  public static FactSet of(EngineContext context, FactSet facts, Set<String> podIds) {
    Set<String> members = new HashSet<>();
    for (Member member : context.org().members()) {
      if (member.memberships().stream().anyMatch(m -> podIds.contains(m.pod()))) {
        members.add(member.id());
      }
    }
    // an identity as written in a fact (login, e-mail, telemetry id), resolved once each
    Map<String, Boolean> resolved = new HashMap<>();
    java.util.function.Predicate<String> isMember =
        identity ->
            identity != null
                && resolved.computeIfAbsent(identity, i -> members.contains(context.memberOf(i)));
    Set<String> repos = new HashSet<>();
    Set<String> services = new HashSet<>();
    for (Service service : context.org().services()) {
      if (podIds.contains(service.pod())) {
        services.add(service.id());
        repos.addAll(service.repos());
      }
    }
    FactOwners owners = facts.ownersOnceSlicedOften();
    if (owners != null) {
      List<String> identities = new ArrayList<>();
      for (String identity : owners.identities()) {
        if (isMember.test(identity)) {
          identities.add(identity);
        }
      }
      return byLookups(context, facts, owners, identities, repos, services);
    }
    // pull requests: in the pods' repositories, by their members, or reviewed by them
    Set<FactOwners.PrKey> reviewedByMembers = new HashSet<>();
    for (ReviewFact review : facts.reviews()) {
      if (isMember.test(review.reviewer())) {
        reviewedByMembers.add(new FactOwners.PrKey(review.repo(), review.number()));
      }
    }
    List<PullRequestFact> pullRequests = new ArrayList<>();
    Set<FactOwners.PrKey> taken = new HashSet<>();
    Set<String> prRepos = new HashSet<>();
    for (PullRequestFact pr : facts.pullRequests()) {
      FactOwners.PrKey key = new FactOwners.PrKey(pr.repo(), pr.number());
      if (repos.contains(pr.repo())
          || isMember.test(pr.author())
          || reviewedByMembers.contains(key)) {
        pullRequests.add(pr);
        taken.add(key);
        if (pr.repo() != null) {
          prRepos.add(pr.repo());
        }
      }
    }
    repos.addAll(prRepos);
    for (String repo : repos) {
      services.add(context.scopes().serviceOf(repo));
    }
    List<CommitFact> commits = new ArrayList<>();
    Set<String> shas = new HashSet<>();
    for (CommitFact commit : facts.commits()) {
      if (repos.contains(commit.repo())
          || (commit.author() != null
              && (isMember.test(commit.author().login())
                  || isMember.test(commit.author().email())))) {
        commits.add(commit);
        if (commit.sha() != null) {
          shas.add(commit.sha());
        }
      }
    }
    List<ReviewFact> reviews =
        FactSet.where(
            facts.reviews(),
            review ->
                isMember.test(review.reviewer())
                    || taken.contains(new FactOwners.PrKey(review.repo(), review.number())));
    return ChangeSlice.of(facts, pullRequests, commits, shas, reviews, repos, services, isMember);
  }

  /**
   * The slice gathered through the set's index of owners: {@code identities} are those written in
   * its facts that are the pods' members.
   */
  private static FactSet byLookups(
      EngineContext context,
      FactSet facts,
      FactOwners owners,
      List<String> identities,
      Set<String> repos,
      Set<String> services) {
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
