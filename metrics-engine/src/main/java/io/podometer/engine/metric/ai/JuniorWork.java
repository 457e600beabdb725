package io.podometer.engine.metric.ai;

import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.ai.MergedPullRequests.Merged;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.Role;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The juniors of each pod as a group (engineers at or under {@code juniorLevelAtMost}), for {@code
 * junior_pipeline_hollowing}: reviews they gave in the week ({@code junior_reviews_given}, each
 * junior of the pod that week counting, so a week without reviews is 0), the human-written share of
 * the lines their merged PRs added ({@code junior_human_share}), and the share of their merged,
 * approved PRs approved by agents only ({@code junior_agent_only_approvals}). Items are about
 * people: a drill-down sums them, and the privacy floor holds on the number of juniors.
 */
final class JuniorWork {

  private final EngineContext context;
  private final People people;
  private final WeekSlots slots;
  private final Set<String> juniors = new HashSet<>();

  JuniorWork(EngineContext context, People people, WeekSlots slots) {
    this.context = context;
    this.people = people;
    this.slots = slots;
    int atMost = context.org().org().juniorLevelNumber();
    for (Member member : context.org().members()) {
      if (member.role() == Role.ENGINEER
          && member.levelNumber().isPresent()
          && member.levelNumber().getAsInt() <= atMost) {
        juniors.add(member.id());
      }
    }
  }

  void emit(List<Merged> merged, PullRequestReviews reviews, Consumer<Contribution> out) {
    if (juniors.isEmpty()) {
      return;
    }
    for (int slot = slots.firstComputed(); slot < slots.size(); slot++) {
      LocalDate monday = slots.week(slot).monday();
      for (String junior : juniors) {
        String pod = people.podOf(junior, monday);
        if (pod != null) {
          out.accept(
              Contribution.count(
                  MetricId.JUNIOR_REVIEWS_GIVEN,
                  slots.week(slot),
                  people.memberScopes(pod, null),
                  0,
                  junior,
                  new Evidence("juniors:" + pod + ":" + slots.week(slot), "a junior of the pod")));
        }
      }
    }
    for (ReviewFact review : context.facts().reviews()) {
      if (review.submittedAt() == null || review.reviewer() == null) {
        continue;
      }
      int slot = slots.slotOf(review.submittedAt());
      String member =
          slot < 0 || !slots.computed(slot) ? null : reviews.memberOf(review.reviewer());
      if (member == null || !juniors.contains(member)) {
        continue;
      }
      String pod = people.podOf(member, review.submittedAt());
      if (pod == null) {
        continue;
      }
      out.accept(
          Contribution.count(
              MetricId.JUNIOR_REVIEWS_GIVEN,
              slots.week(slot),
              people.memberScopes(pod, null),
              1,
              member,
              new Evidence(
                  "juniors:review:" + review.repo() + "#" + review.number(),
                  "a review given by a junior " + slots.dayLabel(review.submittedAt()))));
    }
    for (Merged change : merged) {
      if (!slots.computed(change.slot()) || change.agent() != null) {
        continue;
      }
      PullRequestFact pr = change.pr();
      String member = people.memberOf(pr.author());
      if (member == null || !juniors.contains(member)) {
        continue;
      }
      String pod = people.podOf(member, pr.mergedAt());
      if (pod == null) {
        continue;
      }
      SourcedAttribution a = change.attribution();
      String ref = "juniors:" + Refs.of(pr);
      String when = "a junior's PR merged " + slots.dayLabel(pr.mergedAt());
      if (a.addedLines() > 0) {
        out.accept(
            Contribution.ratio(
                MetricId.JUNIOR_HUMAN_SHARE,
                slots.week(change.slot()),
                people.memberScopes(pod, null),
                a.addedLines() - a.aiLines(),
                a.addedLines(),
                member,
                new Evidence(
                    ref,
                    when
                        + "; "
                        + (a.addedLines() - a.aiLines())
                        + " of "
                        + a.addedLines()
                        + " added lines by hand")));
      }
      PullRequestReviews.Approvers approvers = reviews.approvers(pr, pr.mergedAt());
      if (approvers.any()) {
        boolean agentsOnly = approvers.agent() && !approvers.human();
        out.accept(
            Contribution.ratio(
                MetricId.JUNIOR_AGENT_ONLY_APPROVALS,
                slots.week(change.slot()),
                people.memberScopes(pod, null),
                agentsOnly ? 1 : 0,
                1,
                member,
                new Evidence(
                    ref,
                    when
                        + (agentsOnly
                            ? "; approved by agents only"
                            : "; approved by a person other than the author"))));
      }
    }
  }
}
