package io.podometer.engine.metric.dora;

import static io.podometer.engine.figure.MetricId.CHANGE_FAILURE_RATE;
import static io.podometer.engine.figure.MetricId.RECOVERY_TIME_P50_HOURS;
import static io.podometer.engine.figure.MetricId.REWORK_RATE;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.metric.EngineContext;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Change failure rate and rework rate (one item per production deployment, successful or failed, in
 * the week it finished) and failed deployment recovery time (one sample per production deployment
 * that failed or that a linked incident blames, in the week it finished).
 */
final class FailureCalculator {

  private FailureCalculator() {}

  static void contribute(EngineContext ctx, DeploymentIndex index, Consumer<Contribution> out) {
    for (ServiceDeployments service : index.services()) {
      for (Deployment d : service.all()) {
        if (!ctx.inRange(d.week)) {
          continue;
        }
        boolean failed = !d.failures.isEmpty();
        boolean succeeded = d.succeeded();
        Instant finished = d.finishedAt();
        List<String> failures = d.failures;
        String rework = d.rework;
        out.accept(
            Contribution.ratio(
                CHANGE_FAILURE_RATE,
                d.week,
                service.scopes(),
                failed ? 1 : 0,
                1,
                null,
                Evidence.lazily(
                    d.ref(),
                    () ->
                        what(succeeded, finished)
                            + (failed
                                ? "failed: " + String.join("; ", failures)
                                : "no failure status, linked incident, rollback or hotfix within"
                                    + " 24 h"))));
        out.accept(
            Contribution.ratio(
                REWORK_RATE,
                d.week,
                service.scopes(),
                rework != null ? 1 : 0,
                1,
                null,
                Evidence.lazily(
                    d.ref(),
                    () ->
                        what(succeeded, finished)
                            + (rework != null
                                ? rework
                                : "planned: no hotfix/bug label and no failure in the 24 h"
                                    + " before"))));
        recovery(d, out);
      }
    }
  }

  private static String what(boolean succeeded, Instant finished) {
    return "production deployment "
        + (succeeded ? "(success)" : "(failure)")
        + " finished "
        + finished
        + ": ";
  }

  private static void recovery(Deployment d, Consumer<Contribution> out) {
    if (d.succeeded() && d.blamedBy.isEmpty()) {
      return;
    }
    Instant restored = null;
    String how;
    if (!d.blamedBy.isEmpty()) {
      IncidentLink last = null;
      for (IncidentLink link : d.blamedBy) {
        Instant resolved = link.incident().resolvedAt();
        if (resolved == null) {
          return; // still failing: recovery is pending until every blaming incident resolves
        }
        if (restored == null || resolved.isAfter(restored)) {
          restored = resolved;
          last = link;
        }
      }
      how = "restored when " + last.ref() + " resolved " + restored + " (" + last.rule() + ")";
    } else {
      Deployment next = d.service.nextSuccessfulAfter(d);
      if (next == null) {
        return;
      }
      restored = next.finishedAt();
      how =
          "status failure; restored by the next successful production deployment "
              + next.ref()
              + " finished "
              + restored;
    }
    double hours = Hours.between(d.finishedAt(), restored);
    out.accept(
        Contribution.sample(
            RECOVERY_TIME_P50_HOURS,
            d.week,
            d.service.scopes(),
            hours,
            null,
            new Evidence(
                d.ref(), "finished " + d.finishedAt() + ", " + how + ": " + Hours.text(hours))));
  }
}
