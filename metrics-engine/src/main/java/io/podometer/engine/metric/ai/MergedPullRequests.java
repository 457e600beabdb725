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

  /** One merged pull request; {@code agent} null for a person, {@code bets} null when unread. */
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
    List<PullRequestFact> merged = new ArrayList<>();
    List<String> agents = new ArrayList<>();
    int[] slotOf = new int[context.facts().pullRequests().size()];
    for (PullRequestFact pr : context.facts().pullRequests()) {
      if (pr.mergedAt() == null || context.pods().isIgnored(pr)) {
        continue;
      }
      int slot = slots.slotOf(pr.mergedAt());
      if (slot >= 0) {
        slotOf[merged.size()] = slot;
        merged.add(pr);
        agents.add(people.agentOf(pr.author()));
      }
    }
    Merged[] read = new Merged[merged.size()];
    IntStream.range(0, read.length)
        .parallel()
        .forEach(
            i -> {
              PullRequestFact pr = merged.get(i);
              String agent = agents.get(i);
              List<CommitFact> branch = changes.branchCommits(pr);
              SourcedAttribution a = attributions.of(pr, agent, branch, changes.landed(pr));
              List<String> bets = slots.computed(slotOf[i]) ? context.scopes().betsOf(pr) : null;
              read[i] = new Merged(pr, slotOf[i], agent, branch, a, bets);
            });
    return List.of(read);
  }
}
