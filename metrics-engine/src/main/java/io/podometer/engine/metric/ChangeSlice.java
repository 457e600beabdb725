package io.podometer.engine.metric;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts that can move the figures of a repository, a service, a bet or an STO. Those scopes
 * count changes (pull requests, commits) and the deployments and incidents of services, never a
 * person's own activity; so their facts are those of the repositories involved — every pull
 * request, commit, review and deployment there, the deployments and incidents of their services —
 * and the own activity of the people behind those changes (a change's attribution can read its
 * author's agent use). Equal to the figures of every fact for those scopes (tested on the demo), at
 * a small fraction of the cost.
 */
final class ChangeSlice {

  private ChangeSlice() {}

  static FactSet ofRepo(EngineContext context, FactSet facts, String repo) {
    Set<String> repos = new HashSet<>();
    repos.add(repo);
    return ofRepos(context, facts, repos);
  }

  static FactSet ofService(EngineContext context, FactSet facts, String serviceId) {
    Set<String> repos = new HashSet<>();
    context
        .org()
        .service(serviceId)
        .map(Service::repos)
        .ifPresentOrElse(
            repos::addAll,
            () -> {
              if (serviceId.contains("/")) {
                repos.add(serviceId); // a repository no service claims is its own service
              }
            });
    Set<String> services = new HashSet<>();
    services.add(serviceId);
    return ofRepos(context, facts, repos, services);
  }

  static FactSet ofBet(EngineContext context, FactSet facts, String betId) {
    return ofRepos(context, facts, reposLinkedTo(context, facts, Set.of(betId)));
  }

  static FactSet ofSto(EngineContext context, FactSet facts, String memberId) {
    Set<String> bets = new HashSet<>();
    for (Bet bet : context.org().bets()) {
      if (bet.sto().filter(memberId::equals).isPresent()) {
        bets.add(bet.id());
      }
    }
    return ofRepos(context, facts, reposLinkedTo(context, facts, bets));
  }

  /** The repositories of the pull requests linked to any of these bets. */
  private static Set<String> reposLinkedTo(EngineContext context, FactSet facts, Set<String> bets) {
    Set<String> repos = new HashSet<>();
    if (bets.isEmpty()) {
      return repos;
    }
    for (PullRequestFact pr : facts.pullRequests()) {
      if (pr.repo() != null && !repos.contains(pr.repo())) {
        for (String bet : context.scopes().betsOf(pr)) {
          if (bets.contains(bet)) {
            repos.add(pr.repo());
            break;
          }
        }
      }
    }
    return repos;
  }

  private static FactSet ofRepos(EngineContext context, FactSet facts, Set<String> repos) {
    return ofRepos(context, facts, repos, new HashSet<>());
  }

  /**
   * One pass over each kind of the facts (a week's window): cheaper than indexing them all when the
   * window is asked about once.
   */
  private static FactSet ofRepos(
      EngineContext context, FactSet facts, Set<String> repos, Set<String> services) {
    for (String repo : repos) {
      services.add(context.scopes().serviceOf(repo));
    }
    // the identities behind the repositories' changes and reviews, as written
    Set<String> written = new HashSet<>();
    List<PullRequestFact> pullRequests = new ArrayList<>();
    for (PullRequestFact pr : facts.pullRequests()) {
      if (repos.contains(pr.repo())) {
        pullRequests.add(pr);
        add(written, pr.author());
      }
    }
    List<ReviewFact> reviews = new ArrayList<>();
    for (ReviewFact review : facts.reviews()) {
      if (repos.contains(review.repo())) {
        reviews.add(review);
        add(written, review.reviewer());
      }
    }
    List<CommitFact> commits = new ArrayList<>();
    Set<String> shas = new HashSet<>();
    for (CommitFact commit : facts.commits()) {
      if (repos.contains(commit.repo())) {
        commits.add(commit);
        shas.add(commit.sha());
        if (commit.author() != null) {
          add(written, commit.author().login());
          add(written, commit.author().email());
        }
      }
    }
    // their own activity, under any identity of the members among them (a login in pull requests,
    // an e-mail in commits, a telemetry id in agent use)
    Set<String> members = new HashSet<>();
    for (String identity : written) {
      String member = context.memberOf(identity);
      if (member != null) {
        members.add(member);
      }
    }
    Map<String, Boolean> theirs = new HashMap<>();
    java.util.function.Predicate<String> isTheirs =
        identity ->
            identity != null
                && theirs.computeIfAbsent(
                    identity, i -> written.contains(i) || members.contains(context.memberOf(i)));
    return of(facts, pullRequests, commits, shas, reviews, repos, services, isTheirs);
  }

  /**
   * The slice holding these changes and reviews, the attributions of these commits, the CI runs and
   * deployments of {@code repos}, the deployments and incidents of {@code services}, and the agent
   * use, seats, meetings and pulse answers of the identities {@code theirs} accepts: what every
   * slice takes once it knows its changes, repositories, services and people.
   */
  static FactSet of(
      FactSet facts,
      List<PullRequestFact> pullRequests,
      List<CommitFact> commits,
      Set<String> shas,
      List<ReviewFact> reviews,
      Set<String> repos,
      Set<String> services,
      java.util.function.Predicate<String> theirs) {
    return new FactSet(
        pullRequests,
        commits,
        FactSet.where(facts.attributions(), attribution -> shas.contains(attribution.sha())),
        reviews,
        FactSet.where(facts.ciRuns(), run -> repos.contains(run.repo())),
        FactSet.where(
            facts.deployments(), d -> repos.contains(d.repo()) || services.contains(d.service())),
        FactSet.where(facts.incidents(), incident -> services.contains(incident.service())),
        FactSet.where(facts.usageDays(), day -> theirs.test(day.user())),
        FactSet.where(facts.seats(), seat -> theirs.test(seat.user())),
        FactSet.where(facts.meetingWeeks(), week -> theirs.test(week.member())),
        facts.betSignals(),
        facts.betLearnings(),
        FactSet.where(facts.pulseAnswers(), answer -> theirs.test(answer.respondent())));
  }

  private static void add(Set<String> identities, String identity) {
    if (identity != null) {
      identities.add(identity);
    }
  }
}
