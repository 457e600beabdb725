package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.Person;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.metric.EngineContext;
import java.time.Instant;

/**
 * Records the activity that makes a member an active engineer in a week, beyond landed changes and
 * agent use: commits authored (merge commits left out), pull requests opened and reviews submitted,
 * each counting for the member's pod at that moment.
 */
final class EngineerActivity {

  private final EngineContext context;
  private final People people;
  private final WeekSlots slots;
  private final EngineerWeeks engineers;

  EngineerActivity(EngineContext context, People people, WeekSlots slots, EngineerWeeks engineers) {
    this.context = context;
    this.people = people;
    this.slots = slots;
    this.engineers = engineers;
  }

  void record() {
    // a method per item, so that it is compiled early (see LandedChanges)
    for (CommitFact commit : context.facts().commits()) {
      record(commit);
    }
    for (PullRequestFact pr : context.facts().pullRequests()) {
      record(people.memberOf(pr.author()), pr.createdAt(), pr);
    }
    for (ReviewFact review : context.facts().reviews()) {
      record(people.memberOf(review.reviewer()), review.submittedAt(), review);
    }
  }

  private void record(CommitFact commit) {
    Person author = commit.author();
    if (author != null && !commit.isMerge()) {
      record(
          people.memberOf(author),
          commit.authoredAt() != null ? commit.authoredAt() : commit.committedAt(),
          commit);
    }
  }

  private void record(String member, Instant at, Object fact) {
    EngineerWeeks.Week[] weeks = engineers.weeksOf(member);
    if (weeks == null || at == null) {
      return;
    }
    long day = slots.epochDay(at);
    int slot = slots.slotOfEpochDay(day);
    if (slot >= 0) {
      engineers.activity(weeks, slot, people.podOf(member, day), at, fact, false);
    }
  }
}
