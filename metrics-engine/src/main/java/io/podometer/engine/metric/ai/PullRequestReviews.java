package io.podometer.engine.metric.ai;

import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.flow.PullRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reviews of each pull request by time, and who approved it before it merged: people other than
 * the author, agents, security reviewers. Reviews without a time or reviewer are left out.
 */
final class PullRequestReviews {

  /** Who approved a PR at or before its merge. */
  record Approvers(boolean human, boolean agent, boolean securityReviewer) {
    boolean any() {
      return human || agent;
    }
  }

  private final Map<String, List<ReviewFact>> byPullRequest = new HashMap<>();
  private final io.podometer.engine.metric.flow.People people;
  private final java.util.Set<String> securityReviewers;

  PullRequestReviews(EngineContext context) {
    this.people = io.podometer.engine.metric.flow.People.of(context);
    this.securityReviewers = java.util.Set.copyOf(context.org().org().securityReviewers());
    for (ReviewFact review : context.facts().reviews()) {
      if (review.submittedAt() != null && review.repo() != null && review.reviewer() != null) {
        byPullRequest
            .computeIfAbsent(
                PullRequests.key(review.repo(), review.number()), k -> new ArrayList<>(2))
            .add(review);
      }
    }
    byPullRequest
        .values()
        .forEach(list -> list.sort(Comparator.comparing(ReviewFact::submittedAt)));
  }

  List<ReviewFact> of(PullRequestFact pr) {
    return byPullRequest.getOrDefault(PullRequests.key(pr.repo(), pr.number()), List.of());
  }

  /** Who approved the PR at or before {@code until} (its merge). */
  Approvers approvers(PullRequestFact pr, Instant until) {
    io.podometer.engine.metric.flow.People.Identity author = people.of(pr.author());
    boolean human = false;
    boolean agent = false;
    boolean security = false;
    for (ReviewFact review : of(pr)) {
      if (review.submittedAt().isAfter(until)) {
        break;
      }
      if (review.state() == null || !"approved".equals(review.state().toLowerCase(Locale.ROOT))) {
        continue;
      }
      io.podometer.engine.metric.flow.People.Identity reviewer = people.of(review.reviewer());
      if (reviewer.kind() == io.podometer.engine.metric.flow.People.Kind.AGENT) {
        agent = true;
      } else if (reviewer.isHuman() && !reviewer.sameAs(author)) {
        human = true;
        security |= reviewer.memberId() != null && securityReviewers.contains(reviewer.memberId());
      }
    }
    return new Approvers(human, agent, security);
  }

  /** The member behind a reviewer's identity, or null (an agent, a bot, someone unmapped). */
  String memberOf(String reviewer) {
    io.podometer.engine.metric.flow.People.Identity who = people.of(reviewer);
    return who.isHuman() ? who.memberId() : null;
  }
}
