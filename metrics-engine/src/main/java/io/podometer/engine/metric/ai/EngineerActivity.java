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
    for (CommitFact commit : context.facts().commits()) {
      Person author = commit.author();
      if (author == null || commit.isMerge()) {
        continue;
      }
      Instant at = commit.authoredAt() != null ? commit.authoredAt() : commit.committedAt();
      int slot = slots.slotOf(at);
      if (slot >= 0) {
        record(people.memberOf(author), slot, at, commit);
      }
    }
    for (PullRequestFact pr : context.facts().pullRequests()) {
      int slot = slots.slotOf(pr.createdAt());
      if (slot >= 0) {
        record(people.memberOf(pr.author()), slot, pr.createdAt(), pr);
      }
    }
    for (ReviewFact review : context.facts().reviews()) {
      int slot = slots.slotOf(review.submittedAt());
      if (slot >= 0) {
        record(people.memberOf(review.reviewer()), slot, review.submittedAt(), review);
      }
    }
  }

  private void record(String member, int slot, Instant at, Object fact) {
    if (member != null) {
      engineers.activity(member, slot, people.podOf(member, at), at, fact, false);
    }
  }
}
