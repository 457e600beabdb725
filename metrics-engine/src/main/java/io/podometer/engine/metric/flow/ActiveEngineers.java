package io.podometer.engine.metric.flow;

import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The denominator of throughput per engineer: the active engineers of each pod and week, a member
 * with role engineer who authored a (non-merge) commit, opened or merged a PR, gave a review or
 * used an agent that week, counted for their pod at the time of that activity. One item per
 * engineer, pod and week, whose evidence is their earliest activity there.
 */
final class ActiveEngineers {

  private record Key(String member, int slot, String pod) {}

  /** An activity; {@code fact} names it (its ref is built only when needed). */
  private record Activity(Instant at, Object fact, String what) {

    boolean before(Activity other) {
      int byTime = at.compareTo(other.at);
      return byTime < 0 || byTime == 0 && ref().compareTo(other.ref()) < 0;
    }

    String ref() {
      if (fact instanceof PullRequests.Counted pr) {
        return pr.ref();
      } else if (fact instanceof CommitFact commit) {
        return "commit:" + commit.repo() + "@" + commit.sha();
      } else if (fact instanceof ReviewFact review) {
        String which =
            review.reviewId() != null
                ? review.reviewId()
                : review.reviewer() + "@" + review.submittedAt();
        return "review:" + review.repo() + "#" + review.number() + ":" + which;
      } else if (fact instanceof AgentUsage usage) {
        return "usage:" + usage.tool() + ":" + usage.user() + ":" + usage.day();
      }
      return String.valueOf(fact);
    }
  }

  private final EngineContext context;
  private final People people;
  private final WeekSlots slots;
  private final Map<Key, Activity> firstActivity = new HashMap<>();

  ActiveEngineers(EngineContext context, People people, WeekSlots slots) {
    this.context = context;
    this.people = people;
    this.slots = slots;
  }

  void collect(PullRequests prs) {
    for (PullRequests.Counted pr : prs.all()) {
      String member = pr.author().memberId();
      add(member, pr.fact().createdAt(), pr, "opened a PR");
      add(member, pr.fact().mergedAt(), pr, "merged a PR");
    }
    for (CommitFact commit : context.facts().commits()) {
      if (commit.author() == null || commit.isMerge()) {
        continue;
      }
      Instant at = commit.authoredAt() != null ? commit.authoredAt() : commit.committedAt();
      if (slots.slotOf(at) < 0) {
        continue;
      }
      String member = people.of(commit.author().login()).memberId();
      if (member == null) {
        member = people.of(commit.author().email()).memberId();
      }
      add(member, at, commit, "authored a commit");
    }
    for (ReviewFact review : context.facts().reviews()) {
      add(people.of(review.reviewer()).memberId(), review.submittedAt(), review, "gave a review");
    }
    for (AgentUsage usage : context.facts().usageDays()) {
      if (usage.day() != null && usedAgent(usage)) {
        add(
            people.of(usage.user()).memberId(),
            usage.day().atStartOfDay(context.zone()).toInstant(),
            usage,
            "used " + usage.tool());
      }
    }
  }

  /**
   * Whether the agent was used that day: the day is marked active; without the mark, any reported
   * activity (sessions, suggestions, edits, lines, tokens, cost, time) counts.
   */
  static boolean usedAgent(AgentUsage usage) {
    if (usage.active() != null) {
      return usage.active();
    }
    return positive(usage.sessions())
        || positive(usage.suggestions())
        || positive(usage.acceptances())
        || positive(usage.linesAccepted())
        || positive(usage.linesAdded())
        || positive(usage.editAccepts())
        || positive(usage.editRejects())
        || positive(usage.commits())
        || positive(usage.pullRequests())
        || usage.tokens() != null && usage.tokens() > 0
        || usage.costUsd() != null && usage.costUsd() > 0
        || usage.activeSeconds() != null && usage.activeSeconds() > 0;
  }

  private static boolean positive(Integer value) {
    return value != null && value > 0;
  }

  private void add(String member, Instant at, Object fact, String what) {
    int slot = slots.slotOf(at);
    if (member == null || slot < 0 || !people.isEngineer(member)) {
      return;
    }
    Activity activity = new Activity(at, fact, what);
    firstActivity.merge(
        new Key(member, slot, people.podAt(member, at)),
        activity,
        (old, now) -> now.before(old) ? now : old);
  }

  void emit(Consumer<Contribution> out) {
    firstActivity.forEach(
        (key, activity) ->
            out.accept(
                Contribution.keyed(
                    MetricId.THROUGHPUT_PER_ENGINEER,
                    slots.week(key.slot()),
                    context.scopes().forMember(key.pod(), key.member()),
                    null,
                    key.member(),
                    key.member(),
                    new Evidence(
                        activity.ref(),
                        "active engineer: "
                            + activity.what()
                            + " "
                            + Times.format(activity.at())
                            + (key.pod() == null ? "" : " in pod " + key.pod())))));
  }
}
