package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.Person;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.ai.SourcedAttribution.Part;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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

  private final EngineContext context;
  private final People people;
  private final WeekSlots slots;
  private final LandedChanges changes;
  private final ChangeAttributions attributions;
  private final UsageDays usage;
  private final EngineerWeeks engineers;

  ChangeContributions(
      EngineContext context,
      People people,
      WeekSlots slots,
      LandedChanges changes,
      UsageDays usage,
      EngineerWeeks engineers) {
    this.context = context;
    this.people = people;
    this.slots = slots;
    this.changes = changes;
    this.attributions = new ChangeAttributions(context, changes);
    this.usage = usage;
    this.engineers = engineers;
  }

  void emit(Consumer<Contribution> out) {
    for (PullRequestFact pr : context.facts().pullRequests()) {
      if (pr.mergedAt() != null && !context.pods().isIgnored(pr)) {
        pullRequest(pr, out);
      }
    }
    for (CommitFact commit : changes.withoutPullRequest()) {
      if (!context.pods().isIgnored(commit)) {
        commit(commit, out);
      }
    }
  }

  private void pullRequest(PullRequestFact pr, Consumer<Contribution> out) {
    int slot = slots.slotOf(pr.mergedAt());
    if (slot < 0) {
      return;
    }
    SourcedAttribution a = attributions.of(pr);
    String agent = context.agents().agentForLogin(pr.author()).orElse(null);
    String member = agent == null ? people.memberOf(pr.author()) : null;
    Instant opened = pr.createdAt() != null ? pr.createdAt() : pr.mergedAt();
    String memberPod = people.podOf(member, opened);
    engineers.landed(member, slot, a.addedLines(), a.aiLines());
    engineers.activity(member, slot, memberPod, pr.mergedAt(), pr, a.ai());
    if (!slots.computed(slot)) {
      return;
    }
    IsoWeek week = slots.week(slot);
    String pod = context.pods().podOf(pr).orElse(null);
    String person = agent != null ? null : member != null ? member : pr.author();
    List<ScopeId> scopes =
        context.scopes().forChange(pod, pr.repo(), context.scopes().betsOf(pr), member);
    String ref = Refs.of(pr);
    String when = "merged " + slots.day(pr.mergedAt());
    String aiLines = Refs.aiLines(a);
    share(week, scopes, a, aiLines, person, ref, when, out);

    String assistedBy = a.ai() ? null : agentUseAround(pr, member);
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
    out.accept(
        Contribution.ratio(
            MetricId.AGENT_AUTHORED_PRS,
            week,
            scopes,
            agent != null ? 1 : 0,
            1,
            person,
            new Evidence(
                ref,
                when
                    + (agent != null
                        ? "; authored by the agent " + agent + " (" + pr.author() + ")"
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
              .agents()
              .agentForAuthor(author.name(), author.email(), author.login())
              .isPresent();
      person = agent ? null : author.login() != null ? author.login() : author.email();
    }
    String pod = context.pods().podOf(commit).orElse(null);
    share(
        slots.week(slot),
        context.scopes().forChange(pod, commit.repo(), List.of(), member),
        a,
        Refs.aiLines(a),
        person,
        Refs.of(commit),
        "committed " + slots.day(at) + " without a pull request",
        out);
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
              .withSource(part.source().id(), part.exactLines()));
    }
  }

  /**
   * The weak signal: the PR's author used an agent on a day the PR was worked on (opened, a commit
   * authored, merged) or the day before. Returns "tool on day", or null.
   */
  private String agentUseAround(PullRequestFact pr, String member) {
    Map<LocalDate, String> used = usage.daysUsed(member, pr.author());
    if (used.isEmpty()) {
      return null;
    }
    TreeSet<LocalDate> workDays = new TreeSet<>();
    addDay(workDays, pr.createdAt());
    addDay(workDays, pr.mergedAt());
    for (CommitFact commit : changes.branchCommits(pr)) {
      addDay(workDays, commit.authoredAt() != null ? commit.authoredAt() : commit.committedAt());
    }
    for (LocalDate day : workDays) {
      LocalDate before = day.minusDays(1);
      String tool = used.get(before);
      if (tool != null) {
        return tool + " on " + before;
      }
      tool = used.get(day);
      if (tool != null) {
        return tool + " on " + day;
      }
    }
    return null;
  }

  private void addDay(TreeSet<LocalDate> days, Instant at) {
    if (at != null) {
      days.add(slots.day(at));
    }
  }
}
