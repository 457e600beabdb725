package io.podometer.engine.metric.review;

import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.flow.PullRequests;
import io.podometer.engine.metric.flow.Times;
import io.podometer.engine.metric.flow.WeekSlots;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The review queue, for the PR's pod: one item per week at whose end (next Monday 00:00) a PR was
 * open, ready for review, not a draft and without a first review by a human other than its author.
 * Weeks that have not started yet are left out; the week in progress is judged on what is known
 * now.
 */
final class ReviewQueue {

  private final WeekSlots slots;
  private final ReviewIndex reviews;
  private final int last;

  ReviewQueue(EngineContext context, WeekSlots slots, ReviewIndex reviews) {
    this.slots = slots;
    this.reviews = reviews;
    this.last = slots.lastStarted(context.now());
  }

  void emit(PullRequests prs, Consumer<Contribution> out) {
    if (last < 0) {
      return;
    }
    for (PullRequests.Counted pr : prs.all()) {
      Instant ready = ReviewIndex.readyAt(pr.fact());
      if (ready == null || ready.getEpochSecond() >= slots.endSecond(last)) {
        continue;
      }
      ReviewFact first = reviews.firstReview(pr);
      Instant waitEnd = waitEnd(pr.fact(), ready, first);
      int slot = Math.max(0, slots.slotOf(ready));
      Evidence evidence = null;
      for (; slot <= last; slot++) {
        long end = slots.endSecond(slot);
        if (waitEnd != null && waitEnd.getEpochSecond() < end) {
          break;
        }
        if (!closedAt(pr.fact(), Instant.ofEpochSecond(end))) {
          if (evidence == null) {
            evidence =
                new Evidence(
                    pr.ref(),
                    "ready for review "
                        + Times.format(ready)
                        + (waitEnd == null
                            ? "; no first review yet"
                            : "; waited until " + Times.format(waitEnd)));
          }
          out.accept(
              Contribution.count(
                  MetricId.REVIEW_QUEUE, slots.week(slot), pr.scopes(), 1, pr.person(), evidence));
        }
      }
    }
  }

  /**
   * When the PR stopped waiting for a first review for good: the review, the merge, a final close
   * or a conversion back to draft, whichever came first; null while it still waits.
   */
  private static Instant waitEnd(PullRequestFact pr, Instant ready, ReviewFact first) {
    Instant end = first == null ? null : first.submittedAt();
    end = earliest(end, pr.mergedAt());
    if (pr.state() == PullRequestFact.State.CLOSED) {
      end = earliest(end, pr.closedAt());
    }
    if (Boolean.TRUE.equals(pr.draft())) {
      // back to draft after being ready: the last update is the best known moment of conversion
      Instant converted =
          pr.updatedAt() != null && pr.updatedAt().isAfter(ready) ? pr.updatedAt() : ready;
      end = earliest(end, converted);
    }
    return end;
  }

  /** Whether the PR sat closed (and not yet reopened) at {@code instant}. */
  private static boolean closedAt(PullRequestFact pr, Instant instant) {
    return pr.closedAt() != null
        && pr.reopenedAt() != null
        && pr.reopenedAt().isAfter(pr.closedAt())
        && !pr.closedAt().isAfter(instant)
        && pr.reopenedAt().isAfter(instant);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }
}
