package io.podometer.engine.metric.ai;

import io.podometer.engine.attribution.AttributionSource;
import io.podometer.engine.attribution.PathGlobs;
import io.podometer.engine.event.EventData.ChangedFile;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.ai.MergedPullRequests.Merged;
import io.podometer.engine.org.DetectorThresholds.KnowledgeDebt;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the detectors of shortcuts read, from the week's landed changes (SPEC §6), for the pod chain
 * (pod, pillar, organization):
 *
 * <ul>
 *   <li>{@code security_shortcuts}: one item per shortcut — an agent-authored PR merged without an
 *       approval by a human other than its author; an AI-made PR (agent-authored or with AI lines)
 *       changing a sensitive path ({@code sensitivePaths}) merged without an approval by a security
 *       reviewer ({@code securityReviewers}; any other person's when none is configured, or for a
 *       security reviewer's own change); an AI-attributed commit pushed to the default branch
 *       without a PR; a person-day an agent ran in a mode that bypasses its permissions. No item,
 *       no figure: a pod without one has none.
 *   <li>{@code untested_ai_pr_share}: of the week's AI-heavy merged PRs (AI share and added lines
 *       at the pod's {@code knowledge_debt} thresholds; PRs whose files are unknown left out),
 *       those changing no test path and no docs path.
 *   <li>{@code uncorroborated_ai_share}: of the week's merged PRs by people whose AI attribution
 *       rests on a trailer or a declaration only, those whose author used no agent on a day the PR
 *       was worked on or the day before — judged only in weeks a member of the PR's pod reported
 *       agent use.
 * </ul>
 */
final class Safeguards {

  private final EngineContext context;
  private final People people;
  private final WeekSlots slots;
  private final LandedChanges changes;
  private final ChangeAttributions attributions;
  private final UsageDays usage;
  private final PullRequestReviews reviews;
  private final PathGlobs sensitive;
  // the pods and weeks in which a member's agent use was reported: the only ones where a PR without
  // its author's use says something. A week is judged alone (an update of one week moves no other)
  // and a pod on its own facts (a pod's slice for a drill-down finds the same).
  private final java.util.Set<String> usageReported = new java.util.HashSet<>();
  private final Map<KnowledgeDebt, PathGlobs[]> knowledgePaths = new HashMap<>();

  Safeguards(
      EngineContext context,
      People people,
      WeekSlots slots,
      LandedChanges changes,
      ChangeAttributions attributions,
      UsageDays usage) {
    this.context = context;
    this.people = people;
    this.slots = slots;
    this.changes = changes;
    this.attributions = attributions;
    this.usage = usage;
    this.reviews = new PullRequestReviews(context);
    this.sensitive = new PathGlobs(context.org().org().sensitivePaths());
    for (UsageDays.Day day : usage.days()) {
      int slot = slots.slotOf(day.usage().day());
      if (slot >= 0 && day.pod() != null) {
        usageReported.add(day.pod() + '\u0000' + slot);
      }
    }
  }

  PullRequestReviews reviews() {
    return reviews;
  }

  void emit(List<Merged> merged, Consumer<Contribution> out) {
    for (Merged change : merged) {
      if (slots.computed(change.slot())) {
        pullRequest(change, out);
      }
    }
    for (CommitFact commit : changes.withoutPullRequest()) {
      if (!context.pods().isIgnored(commit)) {
        directCommit(commit, out);
      }
    }
    for (UsageDays.Day day : usage.days()) {
      Integer bypasses = day.usage().permissionBypasses();
      int slot = slots.slotOf(day.usage().day());
      if (bypasses != null && bypasses > 0 && slot >= 0 && slots.computed(slot)) {
        out.accept(
            Contribution.count(
                MetricId.SECURITY_SHORTCUTS,
                slots.week(slot),
                people.memberScopes(day.pod(), null),
                1,
                day.person(),
                new Evidence(
                    "usage:" + day.usage().tool() + ":" + day.usage().day(),
                    day.usage().tool()
                        + " ran in a mode that bypasses its permissions ("
                        + bypasses
                        + " times that day)")));
      }
    }
  }

  private void pullRequest(Merged change, Consumer<Contribution> out) {
    PullRequestFact pr = change.pr();
    SourcedAttribution a = change.attribution();
    IsoWeek week = slots.week(change.slot());
    String agent = change.agent() != null ? change.agent() : attributions.branchAgent(pr);
    String member = change.agent() == null ? people.memberOf(pr.author()) : null;
    String person = change.agent() != null ? null : member != null ? member : pr.author();
    String pod = people.podOf(pr);
    // the pod chain only: detectors read pods, and a figure per repository, bet or person of these
    // would multiply the cells without telling a leader more
    List<ScopeId> scopes = people.memberScopes(pod, null);
    String ref = Refs.of(pr);
    String when = "merged " + slots.dayLabel(pr.mergedAt());
    PullRequestReviews.Approvers approvers = reviews.approvers(pr, pr.mergedAt());
    if (agent != null && !approvers.human()) {
      shortcut(
          week,
          scopes,
          person,
          ref,
          when
              + "; made by the agent "
              + agent
              + ", merged without an approval by a human other than the author"
              + (approvers.agent() ? " (approved by agents only)" : ""),
          out);
    }
    boolean aiMade = agent != null || a.ai();
    String sensitivePath = aiMade ? sensitivePath(pr) : null;
    boolean reviewersNamed = !context.org().org().securityReviewers().isEmpty();
    // a security reviewer's own change needs another person's approval, like any other
    boolean authorReviews =
        member != null && context.org().org().securityReviewers().contains(member);
    boolean covered =
        reviewersNamed && !authorReviews ? approvers.securityReviewer() : approvers.human();
    if (sensitivePath != null && !covered) {
      shortcut(
          week,
          scopes,
          person,
          ref,
          when
              + "; AI-made change to the sensitive path "
              + sensitivePath
              + " merged without an approval by "
              + (reviewersNamed ? "a security reviewer" : "a human other than the author"),
          out);
    }
    knowledgeDebt(pr, a, pod, week, scopes, person, ref, when, out);
    if (usageReported.contains(pod + '\u0000' + change.slot())
        && change.agent() == null
        && a.ai()
        && declaredOnly(a)) {
      String used = AgentUseAround.of(slots, usage, pr, change.branch(), member);
      out.accept(
          Contribution.ratio(
              MetricId.UNCORROBORATED_AI_SHARE,
              week,
              scopes,
              used == null ? 1 : 0,
              1,
              person,
              new Evidence(
                  ref,
                  when
                      + "; AI by "
                      + a.strongest().id()
                      + " only; "
                      + (used == null
                          ? "the author used no agent on a day it was worked on or the day before"
                          : "the author used " + used))));
    }
  }

  private void knowledgeDebt(
      PullRequestFact pr,
      SourcedAttribution a,
      String pod,
      IsoWeek week,
      List<ScopeId> scopes,
      String person,
      String ref,
      String when,
      Consumer<Contribution> out) {
    KnowledgeDebt rule = context.org().thresholdsFor(pod).knowledgeDebt();
    if (pr.files().isEmpty()
        || a.addedLines() < rule.minAddedLines()
        || a.addedLines() == 0
        || (double) a.aiLines() / a.addedLines() < rule.aiShareAtLeast() - 1e-9) {
      return;
    }
    PathGlobs[] globs =
        knowledgePaths.computeIfAbsent(
            rule, r -> new PathGlobs[] {new PathGlobs(r.testPaths()), new PathGlobs(r.docPaths())});
    String test = null;
    String doc = null;
    for (ChangedFile file : pr.files()) {
      if (file.path() == null) {
        continue;
      }
      if (test == null && globs[0].matches(file.path())) {
        test = file.path();
      }
      if (doc == null && globs[1].matches(file.path())) {
        doc = file.path();
      }
    }
    boolean untested = test == null && doc == null;
    out.accept(
        Contribution.ratio(
            MetricId.UNTESTED_AI_PR_SHARE,
            week,
            scopes,
            untested ? 1 : 0,
            1,
            person,
            new Evidence(
                ref,
                when
                    + "; "
                    + a.aiLines()
                    + " of "
                    + a.addedLines()
                    + " added lines AI; "
                    + (untested
                        ? "changes no test and no docs"
                        : test != null ? "changes the test " + test : "changes the docs " + doc))));
  }

  private void directCommit(CommitFact commit, Consumer<Contribution> out) {
    Instant at = commit.committedAt() != null ? commit.committedAt() : commit.authoredAt();
    int slot = slots.slotOf(at);
    if (slot < 0 || !slots.computed(slot)) {
      return;
    }
    SourcedAttribution a = attributions.of(commit);
    if (!a.ai()) {
      return;
    }
    String member = commit.author() == null ? null : people.memberOf(commit.author());
    shortcut(
        slots.week(slot),
        people.memberScopes(people.podOf(commit), null),
        member,
        Refs.of(commit),
        "committed "
            + slots.dayLabel(at)
            + " to the default branch without a pull request; AI by "
            + a.strongest().id(),
        out);
  }

  private static void shortcut(
      IsoWeek week,
      List<ScopeId> scopes,
      String person,
      String ref,
      String rule,
      Consumer<Contribution> out) {
    out.accept(
        Contribution.count(
            MetricId.SECURITY_SHORTCUTS, week, scopes, 1, person, new Evidence(ref, rule)));
  }

  private String sensitivePath(PullRequestFact pr) {
    for (ChangedFile file : pr.files()) {
      if (file.path() != null && sensitive.matches(file.path())) {
        return file.path();
      }
    }
    return null;
  }

  /** AI lines that rest on a trailer or a declaration only: no line data, telemetry or author. */
  private static boolean declaredOnly(SourcedAttribution a) {
    AttributionSource strongest = a.strongest();
    return strongest == AttributionSource.TRAILER || strongest == AttributionSource.DECLARED;
  }
}
