package io.podometer.engine.metric;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.Service;
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

  private record PrKey(String repo, int number) {}

  public static FactSet of(EngineContext context, FactSet facts, String podId) {
    Set<String> members = new HashSet<>();
    for (Member member : context.org().members()) {
      if (member.memberships().stream().anyMatch(m -> m.pod().equals(podId))) {
        members.add(member.id());
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
    Set<PrKey> reviewedByMembers = new HashSet<>();
    for (ReviewFact review : facts.reviews()) {
      if (members.contains(context.memberOf(review.reviewer()))) {
        reviewedByMembers.add(new PrKey(review.repo(), review.number()));
      }
    }
    Set<PrKey> pullRequests = new HashSet<>();
    List<PullRequestFact> keptPullRequests =
        facts.pullRequests().stream()
            .filter(
                pr ->
                    // (a PR counting for the pod is one of its members' or, authored by someone
                    // else, one of its repositories': no need to ask which pod it counts for)
                    repos.contains(pr.repo())
                        || members.contains(context.memberOf(pr.author()))
                        || reviewedByMembers.contains(new PrKey(pr.repo(), pr.number())))
            .toList();
    for (PullRequestFact pr : keptPullRequests) {
      pullRequests.add(new PrKey(pr.repo(), pr.number()));
      repos.add(pr.repo());
    }
    for (String repo : repos) {
      services.add(context.scopes().serviceOf(repo));
    }
    List<CommitFact> commits =
        facts.commits().stream()
            .filter(
                c ->
                    repos.contains(c.repo())
                        || c.author() != null
                            && (members.contains(context.memberOf(c.author().login()))
                                || members.contains(context.memberOf(c.author().email()))))
            .toList();
    Set<String> shas = new HashSet<>();
    commits.forEach(c -> shas.add(c.sha()));
    return new FactSet(
        keptPullRequests,
        commits,
        facts.attributions().stream().filter(a -> shas.contains(a.sha())).toList(),
        facts.reviews().stream()
            .filter(
                r ->
                    pullRequests.contains(new PrKey(r.repo(), r.number()))
                        || members.contains(context.memberOf(r.reviewer())))
            .toList(),
        facts.ciRuns().stream().filter(r -> repos.contains(r.repo())).toList(),
        facts.deployments().stream()
            .filter(
                d -> services.contains(d.service()) || d.repo() != null && repos.contains(d.repo()))
            .toList(),
        facts.incidents().stream().filter(i -> services.contains(i.service())).toList(),
        facts.usageDays().stream()
            .filter(u -> members.contains(context.memberOf(u.user())))
            .toList(),
        facts.meetingWeeks().stream()
            .filter(m -> members.contains(context.memberOf(m.member())))
            .toList(),
        facts.betSignals(),
        facts.betLearnings(),
        facts.pulseAnswers().stream()
            .filter(p -> members.contains(context.memberOf(p.respondent())))
            .toList());
  }
}
