package io.podometer.engine.metric.ai;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.EngineContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The pull requests that merged in the weeks read, ignored bots' left out, each with what its
 * figures need: its week slot, the agent that authored it, its own commits, its attribution and,
 * when it merged in a computed week, the bets it is linked to. Attributing commits is the bulk of
 * the family's work and reads only immutable indexes and thread-safe lookups, so pull requests are
 * attributed in parallel; the result is in the order of the facts.
 */
final class MergedPullRequests {

  /**
   * One merged pull request; {@code agent} null for a person, {@code bets} null when it merged in a
   * look-back week.
   */
  record Merged(
      PullRequestFact pr,
      int slot,
      String agent,
      List<CommitFact> branch,
      SourcedAttribution attribution,
      List<String> bets) {}

  private MergedPullRequests() {}

  static List<Merged> read(
      EngineContext context,
      People people,
      WeekSlots slots,
      LandedChanges changes,
      ChangeAttributions attributions) {
    return read(context, people, slots, changes, attributions, false);
  }

  /**
   * @param computedOnly only those merged in the weeks computed, not in the weeks looked back over
   *     (which only AI-First engineers read)
   */
  static List<Merged> read(
      EngineContext context,
      People people,
      WeekSlots slots,
      LandedChanges changes,
      ChangeAttributions attributions,
      boolean computedOnly) {
    List<Merged> merged = new ArrayList<>();
    for (PullRequestFact pr : context.facts().pullRequests()) {
      // a method per item, so that it is compiled early (see LandedChanges)
      select(pr, context, people, slots, merged);
    }
    if (computedOnly) {
      merged.removeIf(m -> !slots.computed(m.slot()));
    }
    Merged[] read = new Merged[merged.size()];
    IntStream.range(0, read.length)
        .parallel()
        .forEach(i -> read[i] = read(merged.get(i), context, slots, changes, attributions));
    return List.of(read);
  }

  /** Adds the PR, not yet attributed, when it merged in a week read and is no ignored bot's. */
  private static void select(
      PullRequestFact pr, EngineContext context, People people, WeekSlots slots, List<Merged> to) {
    if (pr.mergedAt() == null || context.pods().isIgnored(pr)) {
      return;
    }
    int slot = slots.slotOf(pr.mergedAt());
    if (slot >= 0) {
      to.add(new Merged(pr, slot, people.agentOf(pr.author()), null, null, null));
    }
  }

  private static Merged read(
      Merged selected,
      EngineContext context,
      WeekSlots slots,
      LandedChanges changes,
      ChangeAttributions attributions) {
    PullRequestFact pr = selected.pr();
    List<CommitFact> branch = changes.branchCommits(pr);
    SourcedAttribution a = attributions.of(pr, selected.agent(), branch, changes.landed(pr));
    List<String> bets = slots.computed(selected.slot()) ? context.scopes().betsOf(pr) : null;
    return new Merged(pr, selected.slot(), selected.agent(), branch, a, bets);
  }
}
