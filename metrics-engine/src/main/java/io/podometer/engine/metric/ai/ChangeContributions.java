package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.Person;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.ai.MergedPullRequests.Merged;
import io.podometer.engine.metric.ai.SourcedAttribution.Part;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The figures of changes that landed on the default branch, each in the week it landed: merged pull
 * requests by merge week, commits belonging to no PR by commit week. Emits {@code ai_code_share}
 * (one item per attribution source of the change, the first carrying its added lines), {@code
 * agent_assisted_diffs}, {@code agent_authored_prs} and the merged-PR denominators of {@code
 * agent_cost_per_pr_usd} and {@code agent_tokens_per_pr}; records each engineer's landed lines and
 * AI signals. Ignored bots' changes count for nobody.
 */
final class ChangeContributions {

  /**
   * What a change's scopes depend on: changes sharing them share one list. Equality written out, as
   * it is looked up for every change.
   */
  private record ScopeKey(String pod, String repo, List<String> bets, String member) {
    @Override
    public boolean equals(Object other) {
      return other instanceof ScopeKey key
          && Objects.equals(pod, key.pod)
          && Objects.equals(repo, key.repo)
          && Objects.equals(bets, key.bets)
          && Objects.equals(member, key.member);
    }

    @Override
    public int hashCode() {
      int hash = Objects.hashCode(pod);
      hash = 31 * hash + Objects.hashCode(repo);
      hash = 31 * hash + Objects.hashCode(bets);
      return 31 * hash + Objects.hashCode(member);
    }
  }

  private final EngineContext context;
  private final People people;
  private final WeekSlots slots;
  private final LandedChanges changes;
  private final ChangeAttributions attributions;
  private final UsageDays usage;
  private final EngineerWeeks engineers;
  private final Map<ScopeKey, List<ScopeId>> scopes = new HashMap<>();

  ChangeContributions(
      EngineContext context,
      People people,
      WeekSlots slots,
      LandedChanges changes,
      ChangeAttributions attributions,
      UsageDays usage,
      EngineerWeeks engineers) {
    this.context = context;
    this.people = people;
    this.slots = slots;
    this.changes = changes;
    this.attributions = attributions;
    this.usage = usage;
    this.engineers = engineers;
  }

  /**
   * @param merged the merged pull requests ({@link MergedPullRequests#read})
   */
  void emit(List<Merged> merged, Consumer<Contribution> out) {
    for (Merged pr : merged) {
      pullRequest(pr, out);
    }
    for (CommitFact commit : changes.withoutPullRequest()) {
      if (!context.pods().isIgnored(commit)) {
        commit(commit, out);
      }
    }
  }

  private void pullRequest(Merged change, Consumer<Contribution> out) {
    PullRequestFact pr = change.pr();
    int slot = change.slot();
    SourcedAttribution a = change.attribution();
    String agent = change.agent();
    String member = agent == null ? people.memberOf(pr.author()) : null;
    Instant opened = pr.createdAt() != null ? pr.createdAt() : pr.mergedAt();
    String memberPod = people.podOf(member, opened);
    engineers.landed(member, slot, a.addedLines(), a.aiLines());
    engineers.activity(member, slot, memberPod, pr.mergedAt(), pr, a.ai());
    if (!slots.computed(slot)) {
      return;
    }
    IsoWeek week = slots.week(slot);
    String pod = people.podOf(pr);
    String person = agent != null ? null : member != null ? member : pr.author();
    List<ScopeId> scopes = scopes(pod, pr.repo(), change.bets(), member);
    String ref = Refs.of(pr);
    String when = "merged " + slots.dayLabel(pr.mergedAt());
    String aiLines = Refs.aiLines(a);
    share(week, scopes, a, aiLines, person, ref, when, out);

    String assistedBy =
        a.ai() ? null : AgentUseAround.of(slots, usage, pr, change.branch(), member);
    boolean assisted = a.ai() || assistedBy != null;
    String assistedRule =
        a.ai()
            ? when + "; AI-attributed: " + aiLines
            : assistedBy != null
                ? when + "; no AI lines, but the author used " + assistedBy + " (agent.usage)"
                : when
                    + "; no AI attribution and no agent use by the author that day or the day before";
    out.accept(
        Contribution.ratio(
            MetricId.AGENT_ASSISTED_DIFFS,
            week,
            scopes,
            assisted ? 1 : 0,
            1,
            person,
            new Evidence(ref, assistedRule)));
    String branchAgent = agent == null ? attributions.branchAgent(pr) : null;
    out.accept(
        Contribution.ratio(
            MetricId.AGENT_AUTHORED_PRS,
            week,
            scopes,
            agent != null || branchAgent != null ? 1 : 0,
            1,
            person,
            new Evidence(
                ref,
                when
                    + (agent != null
                        ? "; authored by the agent " + agent + " (" + pr.author() + ")"
                        : branchAgent != null
                            ? "; made by the agent "
                                + branchAgent
                                + " on its branch "
                                + pr.headBranch()
                                + ", opened by "
                                + pr.author()
                            : "; authored by a person"))));
    List<ScopeId> podScopes = people.memberScopes(pod, member);
    Evidence merged = new Evidence(ref, when + "; one merged pull request of the week");
    out.accept(
        Contribution.ratio(MetricId.AGENT_COST_PER_PR_USD, week, podScopes, 0, 1, person, merged));
    out.accept(
        Contribution.ratio(MetricId.AGENT_TOKENS_PER_PR, week, podScopes, 0, 1, person, merged));
  }

  private void commit(CommitFact commit, Consumer<Contribution> out) {
    Instant at = commit.committedAt() != null ? commit.committedAt() : commit.authoredAt();
    int slot = slots.slotOf(at);
    if (slot < 0) {
      return;
    }
    SourcedAttribution a = attributions.of(commit);
    Person author = commit.author();
    String member = author == null ? null : people.memberOf(author);
    String memberPod = people.podOf(member, at);
    engineers.landed(member, slot, a.addedLines(), a.aiLines());
    engineers.activity(member, slot, memberPod, at, commit, a.ai());
    if (!slots.computed(slot)) {
      return;
    }
    String person = member;
    if (person == null && author != null) {
      boolean agent =
          context
              .identities()
              .classifyAuthor(author.name(), author.email(), author.login())
              .tool()
              .isPresent();
      person = agent ? null : author.login() != null ? author.login() : author.email();
    }
    share(
        slots.week(slot),
        scopes(people.podOf(commit), commit.repo(), List.of(), member),
        a,
        Refs.aiLines(a),
        person,
        Refs.of(commit),
        "committed " + slots.dayLabel(at) + " without a pull request",
        out);
  }

  /** The scopes of a change, shared by every change with the same pod, repo, bets and author. */
  private List<ScopeId> scopes(String pod, String repo, List<String> bets, String member) {
    ScopeKey key = new ScopeKey(pod, repo, bets, member);
    List<ScopeId> shared = scopes.get(key);
    if (shared == null) {
      shared = context.scopes().forChange(pod, repo, bets, member);
      scopes.put(key, shared);
    }
    return shared;
  }

  /** One item per attribution source; the first carries the change's added lines. */
  private static void share(
      IsoWeek week,
      List<ScopeId> scopes,
      SourcedAttribution a,
      String aiLines,
      String person,
      String ref,
      String when,
      Consumer<Contribution> out) {
    if (a.addedLines() == 0) {
      return;
    }
    String rule = when + "; " + aiLines;
    if (a.parts().isEmpty()) {
      out.accept(
          Contribution.ratio(
              MetricId.AI_CODE_SHARE,
              week,
              scopes,
              0,
              a.addedLines(),
              person,
              new Evidence(ref, rule)));
      return;
    }
    for (int i = 0; i < a.parts().size(); i++) {
      Part part = a.parts().get(i);
      String itemRule =
          a.parts().size() == 1
              ? rule
              : rule
                  + "; this item: the "
                  + part.source().id()
                  + " lines"
                  + (i == 0 ? " and all added lines" : "");
      out.accept(
          Contribution.ratio(
                  MetricId.AI_CODE_SHARE,
                  week,
                  scopes,
                  part.aiLines(),
                  i == 0 ? a.addedLines() : 0,
                  person,
                  new Evidence(ref, itemRule))
              .withSource(part.source().id(), part.tool(), part.exactLines()));
    }
  }
}
