package io.podometer.web.otlp;

import io.podometer.connectors.otlp.CumulativeSeries;
import io.podometer.connectors.otlp.OtlpUsage;
import io.podometer.connectors.otlp.UsageMetricMap;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.org.OrgService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * What the receiver keeps between exports: the metric map (checked at start: a bad entry stops the
 * server with its name) and the cumulative series' last points.
 */
@ApplicationScoped
public class OtlpReceiver {

  @Inject PodometerConfig config;
  @Inject OrgService orgs;

  private volatile UsageMetricMap names;
  private volatile CumulativeSeries cumulative;

  void onStart(@Observes StartupEvent start) {
    names();
  }

  /** A reader of one export, in the organization's time zone as it is now. */
  OtlpUsage usage() {
    return new OtlpUsage(names(), series(), orgs.current().model().org().timeZone());
  }

  private UsageMetricMap names() {
    UsageMetricMap known = names;
    if (known == null) {
      try {
        known = UsageMetricMap.withClaudeCode(config.otlp().metricMap().orElse(""));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("PODOMETER_OTLP_METRIC_MAP: " + e.getMessage(), e);
      }
      names = known;
    }
    return known;
  }

  private synchronized CumulativeSeries series() {
    if (cumulative == null) {
      Instant now = Instant.now();
      cumulative =
          new CumulativeSeries(
              now.getEpochSecond() * 1_000_000_000L + now.getNano(), config.otlp().series());
    }
    return cumulative;
  }
}
