package io.podometer.engine.metric.review;

import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.flow.People;
import io.podometer.engine.metric.flow.PullRequests;
import io.podometer.engine.metric.flow.WeekSlots;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.Membership;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Review load, for the reviewer's pod at the time of the review. Top-reviewer share: one item per
 * review given by a human (a member, or an unmapped person counted for the pod owning the
 * repository), keyed by reviewer. Review-load Gini: one item per review given by an engineer in a
 * pod, plus one item per engineer of each pod and week so that engineers who gave no review count
 * as zeros. Reviews of one's own PR and reviews by agents or bots count for nobody.
 */
final class ReviewLoad {

  private final EngineContext context;
  private final WeekSlots slots;
  private final ReviewIndex reviews;
  private final People people;

  ReviewLoad(EngineContext context, WeekSlots slots, ReviewIndex reviews) {
    this.context = context;
    this.slots = slots;
    this.reviews = reviews;
    this.people = reviews.people();
  }

  void emit(Consumer<Contribution> out) {
    for (ReviewIndex.Reviewed reviewed : reviews.all()) {
      ReviewFact review = reviewed.review();
      IsoWeek week = slots.weekOf(review.submittedAt());
      if (week == null) {
        continue;
      }
      PullRequests.Counted pr = reviewed.pr();
      if (!reviews.byHumanOtherThanAuthor(review, pr)) {
        continue;
      }
      People.Identity reviewer = people.of(review.reviewer());
      String member = reviewer.memberId();
      String memberPod = people.podAt(member, review.submittedAt());
      String pod =
          memberPod != null
              ? memberPod
              : context.members().podOwningRepo(review.repo()).orElse(null);
      List<ScopeId> scopes = context.scopes().podChain(pod);
      String reviewerKey =
          member != null ? member : "identity:" + reviewer.raw().toLowerCase(Locale.ROOT);
      Evidence evidence =
          new Evidence(
              ReviewIndex.ref(review), "a review given" + (pod == null ? "" : " for pod " + pod));
      out.accept(
          Contribution.keyed(
              MetricId.TOP_REVIEWER_SHARE,
              week,
              scopes,
              reviewerKey,
              null,
              reviewer.person(),
              evidence));
      if (memberPod != null && people.isEngineer(member)) {
        out.accept(
            Contribution.keyed(
                MetricId.REVIEW_LOAD_GINI, week, scopes, member, null, member, evidence));
      }
    }
    engineersOfPods(out);
  }

  /** One Gini item per engineer and pod for each week they belonged to it, reviews or not. */
  private void engineersOfPods(Consumer<Contribution> out) {
    int last = slots.lastStarted(context.now());
    for (Member member : context.org().members()) {
      if (!people.isEngineer(member.id())) {
        continue;
      }
      for (Membership membership : member.memberships()) {
        for (int slot = 0; slot <= last; slot++) {
          LocalDate monday = slots.monday(slot);
          if (!membership.overlaps(monday, monday.plusWeeks(1))) {
            continue;
          }
          out.accept(
              Contribution.keyed(
                  MetricId.REVIEW_LOAD_GINI,
                  slots.week(slot),
                  context.scopes().podChain(membership.pod()),
                  null,
                  member.id(),
                  member.id(),
                  new Evidence(
                      "member:" + member.id(),
                      "engineer in pod " + membership.pod() + " during " + slots.label(slot))));
        }
      }
    }
  }
}
