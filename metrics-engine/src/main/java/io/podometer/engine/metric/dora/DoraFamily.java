package io.podometer.engine.metric.dora;

import io.podometer.engine.event.FactKind;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.Meanwhile;
import io.podometer.engine.metric.MetricFamily;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * DORA and delivery figures (SPEC §5.2, §5.3): deployment frequency and deploy days, change lead
 * time and its breakdown, change failure rate, failed deployment recovery time, rework rate and
 * feature velocity of bets. Every item carries its linkage evidence: which deployment shipped which
 * PR and by which rule, which rule tied an incident to a deployment, why a deployment counts as
 * failed or as rework. Deployment and incident figures are about things (no person) and count for
 * the service's scopes; PR figures count for the PR's pod. Stateless and thread-safe: every
 * computation builds its own indexes.
 */
public final class DoraFamily implements MetricFamily {

  /**
   * How soon a rollback or hotfix must follow a deployment to blame it, and how far back from a
   * deployment a failure or an incident makes it rework.
   */
  public static final Duration FOLLOW_UP = Duration.ofHours(24);

  private static final Set<FactKind> READS =
      FactKind.changesAnd(FactKind.DEPLOYMENT, FactKind.INCIDENT);

  private static final Set<MetricId> FREQUENCY =
      EnumSet.of(MetricId.DEPLOYMENT_FREQUENCY, MetricId.DEPLOY_DAYS);

  private static final Set<MetricId> FAILURES =
      EnumSet.of(
          MetricId.CHANGE_FAILURE_RATE, MetricId.RECOVERY_TIME_P50_HOURS, MetricId.REWORK_RATE);

  // feature velocity is read from the lead times of the changes behind each feature
  private static final Set<MetricId> LEAD_TIMES =
      EnumSet.of(
          MetricId.LEAD_TIME_P50_HOURS,
          MetricId.LEAD_TIME_P90_HOURS,
          MetricId.LEAD_TIME_CODING_P50_HOURS,
          MetricId.LEAD_TIME_PICKUP_P50_HOURS,
          MetricId.LEAD_TIME_REVIEW_P50_HOURS,
          MetricId.LEAD_TIME_DEPLOY_P50_HOURS,
          MetricId.FEATURE_VELOCITY_DAYS);

  // every metric the family emits is in one of its parts
  private static final Set<MetricId> METRICS = union(FREQUENCY, FAILURES, LEAD_TIMES);

  public DoraFamily() {}

  @Override
  public Set<MetricId> metrics() {
    return METRICS;
  }

  @Override
  public Set<FactKind> reads() {
    return READS;
  }

  @Override
  public void contribute(EngineContext context, Consumer<Contribution> out) {
    contribute(context, METRICS, out);
  }

  /**
   * Only the parts the wanted metrics need: deployment frequency and deploy days read the
   * deployments alone, without the commit walk that ties changes to them.
   */
  @Override
  public void contribute(EngineContext context, Set<MetricId> wanted, Consumer<Contribution> out) {
    boolean frequency = !Collections.disjoint(wanted, FREQUENCY);
    boolean failures = !Collections.disjoint(wanted, FAILURES);
    boolean leadTimes = !Collections.disjoint(wanted, LEAD_TIMES);
    // the commit graph does not depend on the deployments: built on another core meanwhile
    Meanwhile<CommitGraph> commitGraph =
        failures || leadTimes
            ? Meanwhile.start(() -> new CommitGraph(context.facts().commits()))
            : null;
    DeploymentIndex index = new DeploymentIndex(context);
    if (failures || leadTimes) {
      CommitGraph graph = commitGraph.get();
      ChangeLinker changes = new ChangeLinker(index, graph, context.facts().pullRequests());
      new RollbacksAndHotfixes(index, context.org().org().hotfixLabels()).mark();
      new IncidentLinker(index, changes, context.org().org().incidentWindowHours())
          .link(context.facts().incidents());
      DeploymentFailures.assess(index);
    }
    if (frequency) {
      DeploymentFrequencyCalculator.contribute(context, index, out);
    }
    if (failures) {
      FailureCalculator.contribute(context, index, out);
    }
    if (leadTimes) {
      FeatureVelocity velocity =
          wanted.contains(MetricId.FEATURE_VELOCITY_DAYS) ? new FeatureVelocity(context) : null;
      new LeadTimeCalculator(context).contribute(index, velocity, out);
      if (velocity != null) {
        velocity.contribute(out);
      }
    }
  }

  /**
   * A week's deployments and the lead times of the changes they first shipped read nothing after
   * the week: a change is tied to the first deployment containing it, walking deployments in order,
   * and its commits and reviews precede its merge. Failures (incidents, reverts, recoveries later
   * on) and feature velocity (a bet's last change) do.
   */
  @Override
  public boolean readsAfterTheWeek(MetricId metric) {
    return !(FREQUENCY.contains(metric)
        || (LEAD_TIMES.contains(metric) && metric != MetricId.FEATURE_VELOCITY_DAYS));
  }

  @SafeVarargs
  private static Set<MetricId> union(Set<MetricId>... parts) {
    EnumSet<MetricId> all = EnumSet.noneOf(MetricId.class);
    for (Set<MetricId> part : parts) {
      all.addAll(part);
    }
    return Collections.unmodifiableSet(all);
  }
}
