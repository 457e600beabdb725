package io.podometer.engine.metric.dora;

import io.podometer.engine.event.FactKind;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.MetricFamily;
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

  private static final Set<FactKind> READS =
      FactKind.changesAnd(FactKind.DEPLOYMENT, FactKind.INCIDENT);

  private static final Set<MetricId> METRICS =
      EnumSet.of(
          MetricId.DEPLOYMENT_FREQUENCY,
          MetricId.DEPLOY_DAYS,
          MetricId.LEAD_TIME_P50_HOURS,
          MetricId.LEAD_TIME_P90_HOURS,
          MetricId.LEAD_TIME_CODING_P50_HOURS,
          MetricId.LEAD_TIME_PICKUP_P50_HOURS,
          MetricId.LEAD_TIME_REVIEW_P50_HOURS,
          MetricId.LEAD_TIME_DEPLOY_P50_HOURS,
          MetricId.CHANGE_FAILURE_RATE,
          MetricId.RECOVERY_TIME_P50_HOURS,
          MetricId.REWORK_RATE,
          MetricId.FEATURE_VELOCITY_DAYS);

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
    DeploymentIndex index = new DeploymentIndex(context);
    CommitGraph graph = new CommitGraph(context.facts().commits());
    ChangeLinker changes = new ChangeLinker(index, graph, context.facts().pullRequests());
    new RollbacksAndHotfixes(index, context.org().org().hotfixLabels()).mark();
    new IncidentLinker(index, changes, context.org().org().incidentWindowHours())
        .link(context.facts().incidents());
    DeploymentFailures.assess(index);

    DeploymentFrequencyCalculator.contribute(context, index, out);
    FailureCalculator.contribute(context, index, out);
    FeatureVelocity velocity = new FeatureVelocity(context);
    new LeadTimeCalculator(context).contribute(index, velocity, out);
    velocity.contribute(out);
  }
}
