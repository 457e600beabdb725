package io.podometer.engine.metric.review;

import io.podometer.engine.event.EventData.ChangedFile;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.flow.People;
import io.podometer.engine.metric.flow.PullRequests;
import io.podometer.engine.metric.flow.Times;
import io.podometer.engine.metric.flow.WeekSlots;
import io.podometer.engine.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Approval figures, for the PR's pod. Unreviewed merges: the week's merged PRs without an approval
 * by a human other than the author at or before the merge. Rubber-stamp approvals: the week's
 * approvals by humans other than the author that came within {@link #RUBBER_STAMP_WITHIN} of the PR
 * becoming ready for review, on a PR of more than {@link #LARGE_PR_LINES} changed lines.
 */
final class Approvals {

  static final Duration RUBBER_STAMP_WITHIN = Duration.ofMinutes(2);
  static final int LARGE_PR_LINES = 300;

  private final WeekSlots slots;
  private final ReviewIndex reviews;

  Approvals(WeekSlots slots, ReviewIndex reviews) {
    this.slots = slots;
    this.reviews = reviews;
  }

  void emit(PullRequests prs, Consumer<Contribution> out) {
    for (PullRequests.Counted pr : prs.all()) {
      unreviewedMerge(pr, out);
      Instant ready = ReviewIndex.readyAt(pr.fact());
      Integer size = changedLines(pr.fact());
      for (ReviewFact review : reviews.of(pr)) {
        if (ReviewIndex.isApproval(review) && reviews.byHumanOtherThanAuthor(review, pr)) {
          approval(pr, review, ready, size, out);
        }
      }
    }
  }

  private void unreviewedMerge(PullRequests.Counted pr, Consumer<Contribution> out) {
    PullRequestFact fact = pr.fact();
    IsoWeek week = slots.weekOf(fact.mergedAt());
    if (week == null) {
      return;
    }
    ReviewFact approval = reviews.firstHumanApproval(pr, fact.mergedAt());
    String rule =
        approval != null
            ? "merged "
                + Times.format(fact.mergedAt())
                + "; approved by a human other than the author"
            : "merged "
                + Times.format(fact.mergedAt())
                + "; no approval by a human other than the author"
                + otherApprovals(pr, fact.mergedAt());
    out.accept(
        Contribution.ratio(
            MetricId.UNREVIEWED_MERGES,
            week,
            pr.scopes(),
            approval == null ? 1 : 0,
            1,
            pr.person(),
            new Evidence(pr.ref(), rule)));
  }

  /**
   * Says which approvals did not count and why (the author's, an agent's, a bot's), so a reader
   * sees why; agents and bots are named, people are not.
   */
  private String otherApprovals(PullRequests.Counted pr, Instant mergedAt) {
    StringBuilder names = new StringBuilder();
    for (ReviewFact review : reviews.of(pr)) {
      if (!review.submittedAt().isAfter(mergedAt) && ReviewIndex.isApproval(review)) {
        People.Identity who = reviews.people().of(review.reviewer());
        String why =
            switch (who.kind()) {
              case MEMBER, UNMAPPED_HUMAN -> "the author";
              case AGENT -> "an agent";
              case OTHER_BOT, IGNORED_BOT -> "a bot";
            };
        names.append(names.length() == 0 ? " (approved only by " : ", ");
        if (who.isHuman()) {
          names.append(why); // a person is not named
        } else {
          names.append(review.reviewer()).append(": ").append(why);
        }
      }
    }
    return names.length() == 0 ? "" : names.append(')').toString();
  }

  private void approval(
      PullRequests.Counted pr,
      ReviewFact review,
      Instant ready,
      Integer size,
      Consumer<Contribution> out) {
    IsoWeek week = slots.weekOf(review.submittedAt());
    if (week == null) {
      return;
    }
    Duration after = ready == null ? null : Duration.between(ready, review.submittedAt());
    boolean quick =
        after != null && !after.isNegative() && after.compareTo(RUBBER_STAMP_WITHIN) <= 0;
    boolean large = size != null && size > LARGE_PR_LINES;
    String rule =
        "approved "
            + (after == null
                ? "(ready for review unknown)"
                : after.isNegative()
                    ? "before the PR was ready for review"
                    : after.toSeconds() + " s after ready for review")
            + " on a PR of "
            + (size == null ? "unknown size" : size + " changed lines")
            + (quick && large ? ": rubber stamp" : "");
    out.accept(
        Contribution.ratio(
            MetricId.RUBBER_STAMP_APPROVALS,
            week,
            pr.scopes(),
            quick && large ? 1 : 0,
            1,
            reviews.people().of(review.reviewer()).person(),
            new Evidence(ReviewIndex.ref(review), rule)));
  }

  /** Additions + deletions (lines): the PR's totals, else its files', else null (unknown). */
  static Integer changedLines(PullRequestFact pr) {
    if (pr.additions() != null || pr.deletions() != null) {
      return (pr.additions() == null ? 0 : pr.additions())
          + (pr.deletions() == null ? 0 : pr.deletions());
    }
    if (pr.files().isEmpty()) {
      return null;
    }
    int lines = 0;
    for (ChangedFile file : pr.files()) {
      lines +=
          (file.additions() == null ? 0 : file.additions())
              + (file.deletions() == null ? 0 : file.deletions());
    }
    return lines;
  }
}
