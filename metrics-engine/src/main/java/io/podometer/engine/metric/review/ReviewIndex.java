package io.podometer.engine.metric.review;

import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.metric.flow.People;
import io.podometer.engine.metric.flow.PullRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reviews of every pull request in submission order, and what review figures ask of them: the
 * first review by a human other than the author, and such approvals. Reviews without a submission
 * time or reviewer are left out. Built once per computation.
 */
final class ReviewIndex {

  static final String APPROVED = "approved";

  private static final Comparator<ReviewFact> BY_TIME =
      Comparator.comparing(ReviewFact::submittedAt)
          .thenComparing(ReviewFact::reviewId, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(ReviewFact::reviewer);

  private static final Comparator<ReviewFact> ORDER =
      Comparator.comparing(ReviewFact::repo)
          .thenComparingInt(ReviewFact::number)
          .thenComparing(BY_TIME);

  /** A review and the counted PR it reviews (null: unknown, or an ignored bot's). */
  record Reviewed(ReviewFact review, PullRequests.Counted pr) {}

  private final People people;
  private final List<Reviewed> all;
  private final Map<PullRequests.Counted, List<ReviewFact>> byPullRequest = new IdentityHashMap<>();

  ReviewIndex(List<ReviewFact> reviews, PullRequests prs, People people) {
    this.people = people;
    List<ReviewFact> ofUnknown = new ArrayList<>();
    for (ReviewFact review : reviews) {
      if (review.submittedAt() == null || review.repo() == null || review.reviewer() == null) {
        continue;
      }
      PullRequests.Counted pr = prs.get(PullRequests.key(review.repo(), review.number()));
      if (pr != null) {
        byPullRequest.computeIfAbsent(pr, k -> new ArrayList<>(2)).add(review);
      } else {
        ofUnknown.add(review);
      }
    }
    // PRs in their order, each PR's reviews by time: one order whatever order events came in
    this.all = new ArrayList<>(reviews.size());
    for (PullRequests.Counted pr : prs.all()) {
      List<ReviewFact> ofPr = byPullRequest.get(pr);
      if (ofPr != null) {
        ofPr.sort(BY_TIME);
        for (ReviewFact review : ofPr) {
          all.add(new Reviewed(review, pr));
        }
      }
    }
    ofUnknown.sort(ORDER);
    for (ReviewFact review : ofUnknown) {
      all.add(new Reviewed(review, null));
    }
  }

  /** Every review with a submission time and reviewer: by PR (counted ones first), then time. */
  List<Reviewed> all() {
    return all;
  }

  People people() {
    return people;
  }

  /** Whether the review is by a human who is not the PR's author (the PR may be unknown: null). */
  boolean byHumanOtherThanAuthor(ReviewFact review, PullRequests.Counted pr) {
    People.Identity reviewer = people.of(review.reviewer());
    return reviewer.isHuman() && (pr == null || !reviewer.sameAs(pr.author()));
  }

  /** The first review of the PR by a human other than its author, or null. */
  ReviewFact firstReview(PullRequests.Counted pr) {
    for (ReviewFact review : of(pr)) {
      if (byHumanOtherThanAuthor(review, pr)) {
        return review;
      }
    }
    return null;
  }

  /** The first approval by a human other than the author at or before {@code until}, or null. */
  ReviewFact firstHumanApproval(PullRequests.Counted pr, Instant until) {
    for (ReviewFact review : of(pr)) {
      if (review.submittedAt().isAfter(until)) {
        break;
      }
      if (isApproval(review) && byHumanOtherThanAuthor(review, pr)) {
        return review;
      }
    }
    return null;
  }

  List<ReviewFact> of(PullRequests.Counted pr) {
    return byPullRequest.getOrDefault(pr, List.of());
  }

  static boolean isApproval(ReviewFact review) {
    return review.state() != null && APPROVED.equals(review.state().toLowerCase(Locale.ROOT));
  }

  static String ref(ReviewFact review) {
    String which =
        review.reviewId() != null
            ? review.reviewId()
            : review.reviewer() + "@" + review.submittedAt();
    return "review:" + review.repo() + "#" + review.number() + ":" + which;
  }

  /**
   * When review of the PR could start: {@link PullRequestFact#readyForReview()}, or null for a PR
   * that is still a draft and was never marked ready (an opened-then-converted PR was ready at its
   * creation).
   */
  static Instant readyAt(PullRequestFact pr) {
    if (pr.readyForReviewAt() == null
        && Boolean.TRUE.equals(pr.draft())
        && !"converted_to_draft".equals(pr.lastAction())) {
      return null;
    }
    return pr.readyForReview();
  }
}
