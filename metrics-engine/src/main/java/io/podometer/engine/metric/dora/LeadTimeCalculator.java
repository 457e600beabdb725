package io.podometer.engine.metric.dora;

import static io.podometer.engine.figure.MetricId.LEAD_TIME_CODING_P50_HOURS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_DEPLOY_P50_HOURS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_P50_HOURS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_P90_HOURS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_PICKUP_P50_HOURS;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_REVIEW_P50_HOURS;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.scope.ScopeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Change lead time of each deployed PR (SPEC §5.2): first commit → the production deployment that
 * first shipped it, in hours, in the week of that deployment, counted for the PR's pod; and its
 * breakdown into coding (first commit → opened), pickup (ready for review → first review by someone
 * other than the author), review (first review → merge) and deploy (merge → deployment). A PR's
 * first commit is its {@code firstCommitAt}, else the earliest authoring of its own commits, else
 * its creation. A phase whose ends are unknown gives no sample. Ignored bots count for nobody.
 */
final class LeadTimeCalculator {

  private static final String NOBODY = "";

  private final EngineContext ctx;
  private final Map<String, String> memberByIdentity = new HashMap<>();
  private final Map<String, Boolean> ignoredBots = new HashMap<>();

  LeadTimeCalculator(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** The member behind an identity, or null; looked up once per identity per computation. */
  private String memberOf(String identity) {
    if (identity == null) {
      return null;
    }
    String member =
        memberByIdentity.computeIfAbsent(
            identity,
            i -> {
              String m = ctx.memberOf(i);
              return m == null ? NOBODY : m;
            });
    return member.isEmpty() ? null : member;
  }

  private boolean isIgnoredBot(String identity) {
    return ignoredBots.computeIfAbsent(identity, i -> ctx.pods().isIgnoredBot(i));
  }

  /**
   * Emits the lead times of the changes deployed in the context's weeks, and offers every deployed
   * change to {@code velocity} (null: feature velocity is not wanted, and the changes deployed
   * outside those weeks are not read).
   */
  void contribute(DeploymentIndex index, FeatureVelocity velocity, Consumer<Contribution> out) {
    List<DeployedChange> inRange = new ArrayList<>();
    List<List<String>> betsInRange = new ArrayList<>();
    for (ServiceDeployments service : index.services()) {
      for (Deployment d : service.successful()) {
        if (velocity == null && !ctx.inRange(d.week)) {
          continue;
        }
        for (DeployedChange change : d.changes) {
          if (change.pr().author() != null && isIgnoredBot(change.pr().author())) {
            continue;
          }
          List<String> bets = ctx.scopes().betsOf(change.pr());
          if (velocity != null) {
            bets.forEach(bet -> velocity.offer(bet, change));
          }
          if (ctx.inRange(d.week)) {
            inRange.add(change);
            betsInRange.add(bets);
          }
        }
      }
    }
    Map<PrKey, PullRequestFact> byKey = new HashMap<>(inRange.size() * 2);
    for (DeployedChange change : inRange) {
      byKey.put(new PrKey(change.pr().repo(), change.pr().number()), change.pr());
    }
    Map<PrKey, Instant> earliestCommit = earliestCommits(byKey);
    Map<PrKey, ReviewFact> firstReview = firstReviews(byKey);
    for (int i = 0; i < inRange.size(); i++) {
      DeployedChange change = inRange.get(i);
      PrKey key = new PrKey(change.pr().repo(), change.pr().number());
      emit(change, betsInRange.get(i), earliestCommit.get(key), firstReview.get(key), out);
    }
  }

  private void emit(
      DeployedChange change,
      List<String> bets,
      Instant earliestCommit,
      ReviewFact firstReview,
      Consumer<Contribution> out) {
    PullRequestFact pr = change.pr();
    Deployment d = change.deployment();
    String member = memberOf(pr.author());
    List<ScopeId> scopes =
        ctx.scopes().forChange(ctx.pods().podOf(pr).orElse(null), pr.repo(), bets, member);
    String person = member != null ? member : isAgent(pr.author()) ? null : pr.author();

    Instant firstCommit = pr.firstCommitAt();
    String firstCommitFrom = "firstCommitAt";
    if (firstCommit == null && earliestCommit != null) {
      firstCommit = earliestCommit;
      firstCommitFrom = "earliest commit";
    } else if (firstCommit == null) {
      firstCommit = pr.createdAt();
      firstCommitFrom = "opened";
    }
    Instant reviewed = firstReview == null ? null : firstReview.submittedAt();
    double lead = hours(firstCommit, d.finishedAt());
    double coding = hours(firstCommit, pr.createdAt());
    double pickup = hours(firstReview == null ? null : pr.readyForReview(), reviewed);
    double review = hours(reviewed, pr.mergedAt());
    double deploy = hours(pr.mergedAt(), d.finishedAt());

    // one rule per PR, shared by its six figures: the whole timeline behind each phase, put
    // together when a drill-down reads it
    Timeline timeline =
        new Timeline(
            firstCommit,
            firstCommitFrom,
            pr,
            firstReview != null,
            reviewed,
            d.ref(),
            d.finishedAt(),
            new double[] {lead, coding, pickup, review, deploy},
            change.linkWords());
    Evidence evidence = Evidence.lazily(change.ref(), timeline::words);

    sample(LEAD_TIME_P50_HOURS, lead, d, scopes, person, evidence, out);
    sample(LEAD_TIME_P90_HOURS, lead, d, scopes, person, evidence, out);
    sample(LEAD_TIME_CODING_P50_HOURS, coding, d, scopes, person, evidence, out);
    sample(LEAD_TIME_PICKUP_P50_HOURS, pickup, d, scopes, person, evidence, out);
    sample(LEAD_TIME_REVIEW_P50_HOURS, review, d, scopes, person, evidence, out);
    sample(LEAD_TIME_DEPLOY_P50_HOURS, deploy, d, scopes, person, evidence, out);
  }

  /** What a PR's lead time is made of, in words. */
  private record Timeline(
      Instant firstCommit,
      String firstCommitFrom,
      PullRequestFact pr,
      boolean wasReviewed,
      Instant reviewed,
      String deployment,
      Instant deployed,
      double[] phases,
      Supplier<String> link) {

    private static final String[] PHASES = {"lead", "coding", "pickup", "review", "deploy"};

    String words() {
      StringBuilder rule = new StringBuilder(512);
      if (firstCommit != null) {
        rule.append("first commit (").append(firstCommitFrom).append(") ");
        Moments.append(rule, firstCommit);
        rule.append(", ");
      }
      if (pr.createdAt() != null) {
        rule.append("opened ");
        Moments.append(rule, pr.createdAt());
        rule.append(", ");
      }
      if (pr.readyForReviewAt() != null) {
        rule.append("ready for review ");
        Moments.append(rule, pr.readyForReviewAt());
        rule.append(", ");
      }
      if (wasReviewed) {
        rule.append("first review ");
        Moments.append(rule, reviewed);
        rule.append(", ");
      }
      rule.append("merged ");
      Moments.append(rule, pr.mergedAt());
      rule.append(" -> ").append(deployment).append(" finished ");
      Moments.append(rule, deployed);
      rule.append(':');
      for (int i = 0; i < PHASES.length; i++) {
        phase(rule, PHASES[i], phases[i]);
      }
      rule.setLength(rule.length() - 1);
      rule.append("; ").append(link.get());
      return rule.toString();
    }
  }

  /** Hours between two moments; NaN when either is unknown. */
  private static double hours(Instant from, Instant to) {
    return from == null || to == null ? Double.NaN : Hours.between(from, to);
  }

  private static void phase(StringBuilder rule, String name, double hours) {
    if (!Double.isNaN(hours)) {
      rule.append(' ').append(name).append(' ');
      Hours.append(rule, hours);
      rule.append(',');
    }
  }

  private static void sample(
      MetricId metric,
      double hours,
      Deployment d,
      List<ScopeId> scopes,
      String person,
      Evidence evidence,
      Consumer<Contribution> out) {
    if (!Double.isNaN(hours)) {
      out.accept(Contribution.sample(metric, d.week, scopes, hours, person, evidence));
    }
  }

  private boolean isAgent(String identity) {
    return ctx.identities().classify(identity).tool().isPresent();
  }

  /** For PRs without {@code firstCommitAt}: the earliest authoring of their own commits. */
  private Map<PrKey, Instant> earliestCommits(Map<PrKey, PullRequestFact> prs) {
    Map<PrKey, Instant> earliest = new HashMap<>();
    boolean anyMissing = prs.values().stream().anyMatch(pr -> pr.firstCommitAt() == null);
    if (!anyMissing) {
      return earliest;
    }
    for (CommitFact commit : ctx.facts().commits()) {
      if (commit.prNumber() == null || commit.authoredAt() == null || commit.isMerge()) {
        continue;
      }
      PrKey key = new PrKey(commit.repo(), commit.prNumber());
      PullRequestFact pr = prs.get(key);
      // the landed squash commit carries the PR number too, but was authored at the merge
      if (pr == null || pr.firstCommitAt() != null || commit.sha().equals(pr.mergeCommitSha())) {
        continue;
      }
      earliest.merge(key, commit.authoredAt(), (a, b) -> a.isBefore(b) ? a : b);
    }
    return earliest;
  }

  /** The first review of each PR by someone other than its author (ignored bots do not count). */
  private Map<PrKey, ReviewFact> firstReviews(Map<PrKey, PullRequestFact> prs) {
    Map<PrKey, ReviewFact> first = new HashMap<>();
    for (ReviewFact review : ctx.facts().reviews()) {
      if (review.submittedAt() == null || review.reviewer() == null) {
        continue;
      }
      PrKey key = new PrKey(review.repo(), review.number());
      PullRequestFact pr = prs.get(key);
      if (pr == null
          || sameIdentity(review.reviewer(), pr.author())
          || isIgnoredBot(review.reviewer())) {
        continue;
      }
      first.merge(key, review, LeadTimeCalculator::earlier);
    }
    return first;
  }

  private static ReviewFact earlier(ReviewFact a, ReviewFact b) {
    int byTime = a.submittedAt().compareTo(b.submittedAt());
    if (byTime != 0) {
      return byTime < 0 ? a : b;
    }
    return a.reviewer().compareTo(b.reviewer()) <= 0 ? a : b;
  }

  private boolean sameIdentity(String reviewer, String author) {
    if (author == null) {
      return false;
    }
    if (reviewer.equalsIgnoreCase(author)) {
      return true;
    }
    String member = memberOf(reviewer);
    return member != null && member.equals(memberOf(author));
  }
}
