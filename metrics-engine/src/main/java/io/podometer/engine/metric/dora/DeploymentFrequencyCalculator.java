package io.podometer.engine.metric.dora;

import static io.podometer.engine.figure.MetricId.DEPLOYMENT_FREQUENCY;
import static io.podometer.engine.figure.MetricId.DEPLOY_DAYS;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deployment frequency (successful production deployments per week) and deploy days (distinct days,
 * in the organization's time zone, with one). A service covered by a deployment source gets zero
 * contributions for each week without a successful production deployment, so the week reads 0; a
 * service or week no source covers gets nothing and reads "no data".
 */
final class DeploymentFrequencyCalculator {

  private DeploymentFrequencyCalculator() {}

  static void contribute(EngineContext ctx, DeploymentIndex index, Consumer<Contribution> out) {
    for (ServiceDeployments service : index.services()) {
      Set<IsoWeek> deployed = new HashSet<>();
      for (Deployment d : service.successful()) {
        if (!ctx.inRange(d.week)) {
          continue;
        }
        deployed.add(d.week);
        String day = d.finishedAt().atZone(ctx.zone()).toLocalDate().toString();
        String serviceId = service.id();
        String environment = d.fact.environment();
        Instant finished = d.finishedAt();
        Evidence evidence =
            Evidence.lazily(
                d.ref(),
                () ->
                    "successful production deployment of "
                        + serviceId
                        + " to "
                        + environment
                        + " finished "
                        + finished
                        + " (day "
                        + day
                        + ")");
        out.accept(
            Contribution.count(DEPLOYMENT_FREQUENCY, d.week, service.scopes(), 1, null, evidence));
        out.accept(
            Contribution.keyed(DEPLOY_DAYS, d.week, service.scopes(), day, null, null, evidence));
      }
      IsoWeek first =
          service.coveredFrom().compareTo(ctx.from()) > 0 ? service.coveredFrom() : ctx.from();
      for (IsoWeek week = first; week.compareTo(ctx.to()) <= 0; week = week.plusWeeks(1)) {
        if (deployed.contains(week)) {
          continue;
        }
        Evidence none =
            new Evidence(
                "service:" + service.id(),
                "no successful production deployment; deployments of "
                    + service.id()
                    + " are known since "
                    + service.coveredFrom());
        out.accept(Contribution.count(DEPLOYMENT_FREQUENCY, week, service.scopes(), 0, null, none));
        out.accept(Contribution.keyed(DEPLOY_DAYS, week, service.scopes(), null, null, null, none));
      }
    }
  }
}
