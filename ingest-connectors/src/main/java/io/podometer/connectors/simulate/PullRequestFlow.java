package io.podometer.connectors.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The life of a pull request in time: commits before it opens, draft and ready, pickup by a
 * reviewer, changes requested and the fix, approvals, then merge or close. Durations are
 * log-normal; the review profile sets pickup speed and the odds of drafts, closes and rubber
 * stamps.
 */
final class PullRequestFlow {

  /** Review habits of the pod or kind of work; durations in seconds. */
  record Profile(
      double pickupMedian,
      double pickupSigma,
      double draftChance,
      double closeChance,
      double rubberStampChance,
      double unreviewedChance,
      double mergeDelayMedian) {

    static final Profile TEAM =
        new Profile(2.5 * Times.HOUR, 0.9, 0.2, 0.06, 0.08, 0.03, 1.5 * Times.HOUR);
    static final Profile BOTTLENECK =
        new Profile(30 * Times.HOUR, 0.45, 0.2, 0.06, 0.05, 0.02, 2 * Times.HOUR);
    static final Profile HOTFIX =
        new Profile(20 * Times.MINUTE, 0.5, 0, 0, 0, 0.05, 15 * Times.MINUTE);
    static final Profile AGENT = new Profile(4 * Times.HOUR, 0.9, 0.6, 0.1, 0.05, 0.04, Times.HOUR);
    static final Profile DEPENDENCY =
        new Profile(20 * Times.HOUR, 0.8, 0, 0.15, 0.2, 0.1, Times.HOUR);
    static final Profile REVERT =
        new Profile(30 * Times.MINUTE, 0.7, 0, 0, 0, 0.05, 20 * Times.MINUTE);

    /** The same habits, with these odds of merging unreviewed (0: never, 1: always). */
    Profile unreviewed(double chance) {
      return new Profile(
          pickupMedian,
          pickupSigma,
          draftChance,
          closeChance,
          rubberStampChance,
          chance,
          mergeDelayMedian);
    }

    Profile slower(double factor) {
      return new Profile(
          pickupMedian * factor,
          pickupSigma,
          draftChance,
          closeChance,
          rubberStampChance,
          unreviewedChance,
          mergeDelayMedian);
    }
  }

  record PlannedReview(String reviewer, String state, long at) {}

  /**
   * When everything happens; {@code end} is the merge, or the close when {@code merged} is false.
   */
  record Timing(
      long[] commitAt,
      int preOpen,
      long openedAt,
      boolean draft,
      long readyAt,
      long requestAt,
      List<PlannedReview> reviews,
      boolean merged,
      long end) {

    /** The first reviewer who approved, or null. */
    String approver() {
      for (PlannedReview r : reviews) {
        if ("approved".equals(r.state())) {
          return r.reviewer();
        }
      }
      return null;
    }
  }

  private PullRequestFlow() {}

  /**
   * @param reviewers draws a reviewer's login from the PR's pod (never its author), null if none
   */
  static Timing plan(
      Rng r, long start, int commits, int changedLines, Profile p, Supplier<String> reviewers) {
    boolean close = r.chance(p.closeChance());
    boolean draft = commits >= 2 && r.chance(p.draftChance());
    boolean changes = !close && commits >= (draft ? 3 : 2) && r.chance(0.25);
    int fix = changes ? 1 : 0;
    int post = draft ? 1 : 0;
    if (commits - post - fix >= 2 && r.chance(0.3)) {
      post++;
    }
    int pre = commits - post - fix;
    long[] at = new long[commits];
    long t = start;
    at[0] = t;
    for (int i = 1; i < pre; i++) {
      t += r.duration(70 * Times.MINUTE, 0.8, 5 * Times.MINUTE, 6 * Times.HOUR);
      at[i] = t;
    }
    long openedAt = t + r.duration(15 * Times.MINUTE, 0.8, Times.MINUTE, 2 * Times.HOUR);
    t = openedAt;
    for (int i = pre; i < pre + post; i++) {
      t += r.duration(Times.HOUR, 0.9, 5 * Times.MINUTE, 10 * Times.HOUR);
      at[i] = t;
    }
    long readyAt =
        draft ? t + r.duration(40 * Times.MINUTE, 0.8, 2 * Times.MINUTE, 8 * Times.HOUR) : openedAt;
    long lastCommit = t;

    List<PlannedReview> reviews = new ArrayList<>();
    String first = reviewers.get();
    long requestAt = first != null && r.chance(0.55) ? readyAt + r.between(5, 120) : -1;
    long settled = readyAt;
    if (first == null || r.chance(p.unreviewedChance())) {
      requestAt = -1;
    } else if (!close && changedLines > 300 && r.chance(p.rubberStampChance())) {
      settled = readyAt + r.between(25, 110);
      reviews.add(new PlannedReview(first, "approved", settled));
    } else {
      long pickup =
          readyAt + r.duration(p.pickupMedian(), p.pickupSigma(), 3 * Times.MINUTE, 6 * Times.DAY);
      if (changes) {
        reviews.add(new PlannedReview(first, "changes_requested", pickup));
        long fixed = pickup + r.duration(90 * Times.MINUTE, 0.8, 10 * Times.MINUTE, 2 * Times.DAY);
        at[commits - 1] = fixed;
        lastCommit = fixed;
        fix = 0;
        settled = fixed + r.duration(2 * Times.HOUR, 0.9, 5 * Times.MINUTE, 3 * Times.DAY);
        reviews.add(new PlannedReview(first, "approved", settled));
      } else if (close || r.chance(0.25)) {
        reviews.add(new PlannedReview(first, "commented", pickup));
        settled = pickup + r.duration(Times.HOUR, 0.9, 5 * Times.MINUTE, 2 * Times.DAY);
        if (!close) {
          reviews.add(new PlannedReview(first, "approved", settled));
        }
      } else {
        reviews.add(new PlannedReview(first, "approved", pickup));
        settled = pickup;
      }
      if (!close && r.chance(0.45)) {
        String second = reviewers.get();
        if (second != null && !second.equals(first)) {
          long at2 = pickup + r.duration(3 * Times.HOUR, 1.0, 5 * Times.MINUTE, 2 * Times.DAY);
          reviews.add(new PlannedReview(second, r.chance(0.6) ? "approved" : "commented", at2));
          settled = Math.max(settled, at2);
        }
      }
    }
    if (fix > 0) {
      // nobody asked for the change after all: it goes up as one more push
      lastCommit += r.duration(Times.HOUR, 0.9, 5 * Times.MINUTE, 10 * Times.HOUR);
      at[commits - 1] = lastCommit;
    }
    long end;
    if (close) {
      end =
          Math.max(settled, lastCommit)
              + r.duration(20 * Times.HOUR, 1.0, 30 * Times.MINUTE, 10 * Times.DAY);
    } else {
      end =
          Math.max(settled, lastCommit + 10 * Times.MINUTE)
              + r.duration(p.mergeDelayMedian(), 1.0, 2 * Times.MINUTE, 3 * Times.DAY);
    }
    reviews.sort((a, b) -> Long.compare(a.at(), b.at()));
    return new Timing(at, pre, openedAt, draft, readyAt, requestAt, reviews, !close, end);
  }
}
