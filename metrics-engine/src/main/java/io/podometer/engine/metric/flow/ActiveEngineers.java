package io.podometer.engine.metric.flow;

import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The denominator of throughput per engineer: the active engineers of each pod and week, a member
 * with role engineer who authored a (non-merge) commit, opened or merged a PR, gave a review or
 * used an agent that week, counted for their pod at the time of that activity. One item per
 * engineer, pod and week, whose evidence is their earliest activity there.
 */
final class ActiveEngineers {

  /**
   * The earliest activity of one engineer in one week for one pod; {@code next} holds the same
   * engineer's activity for another pod that week (a mid-week move).
   */
  private static final class Cell {
    final String pod;
    Instant at;
    Object fact;
    String what;
    Cell next;

    Cell(String pod, Instant at, Object fact, String what, Cell next) {
      this.pod = pod;
      this.at = at;
      this.fact = fact;
      this.what = what;
      this.next = next;
    }

    boolean later(Instant other, Object otherFact) {
      int byTime = other.compareTo(at);
      return byTime < 0 || byTime == 0 && ref(otherFact).compareTo(ref(fact)) < 0;
    }
  }

  private final EngineContext context;
  private final People people;
  private final WeekSlots slots;
  private final Cell[] cells;

  ActiveEngineers(EngineContext context, People people, WeekSlots slots) {
    this.context = context;
    this.people = people;
    this.slots = slots;
    this.cells = new Cell[people.memberCount() * slots.size()];
  }

  /** The ref of an activity's fact. */
  static String ref(Object fact) {
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
      int slot = slots.slotOf(usage.day());
      if (slot >= 0 && usedAgent(usage)) {
        String member = people.of(usage.user()).memberId();
        if (member != null && people.isEngineer(member)) {
          add(
              member,
              slot,
              people.podOn(member, usage.day()),
              usage.day().atStartOfDay(context.zone()).toInstant(),
              usage,
              "used an agent");
        }
      }
    }
  }

  static boolean usedAgent(AgentUsage usage) {
    return io.podometer.engine.metric.AgentUse.used(usage);
  }

  private void add(String member, Instant at, Object fact, String what) {
    int slot = slots.slotOf(at);
    if (slot >= 0 && member != null && people.isEngineer(member)) {
      add(member, slot, people.podAt(member, at), at, fact, what);
    }
  }

  private void add(String member, int slot, String pod, Instant at, Object fact, String what) {
    int index = people.indexOf(member);
    if (index < 0) {
      return;
    }
    int at0 = index * slots.size() + slot;
    for (Cell cell = cells[at0]; cell != null; cell = cell.next) {
      if (Objects.equals(cell.pod, pod)) {
        if (cell.later(at, fact)) {
          cell.at = at;
          cell.fact = fact;
          cell.what = what;
        }
        return;
      }
    }
    cells[at0] = new Cell(pod, at, fact, what, cells[at0]);
  }

  void emit(Consumer<Contribution> out) {
    for (int i = 0; i < cells.length; i++) {
      for (Cell cell = cells[i]; cell != null; cell = cell.next) {
        String member = context.org().members().get(i / slots.size()).id();
        out.accept(
            Contribution.keyed(
                MetricId.THROUGHPUT_PER_ENGINEER,
                slots.week(i % slots.size()),
                context.scopes().forMember(cell.pod, member),
                null,
                member,
                member,
                new Evidence(
                    ref(cell.fact),
                    "active engineer: "
                        + cell.what
                        + " "
                        + Times.format(cell.at)
                        + (cell.pod == null ? "" : " in pod " + cell.pod))));
      }
    }
  }
}
