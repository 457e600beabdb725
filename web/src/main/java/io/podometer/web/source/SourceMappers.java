package io.podometer.web.source;

import io.podometer.connectors.github.GitHubSettings;
import io.podometer.connectors.github.GitHubWebhookMapper;
import io.podometer.connectors.source.PayloadMapper;
import io.podometer.engine.event.EventCodec;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.org.OrgService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * The mapper of each source, built with today's organization model (its services and incident
 * labels) and the event limits of ingestion.
 */
@ApplicationScoped
public class SourceMappers {

  /** The source GitHub's webhook deliveries are kept under. */
  public static final String GITHUB_WEBHOOK = "github-webhook";

  @Inject OrgService orgs;
  @Inject PodometerConfig config;
  @Inject Clock clock;
  @Inject GitHubSources gitHubSources;

  public GitHubWebhookMapper gitHubWebhook() {
    return new GitHubWebhookMapper(codec(), GitHubSettings.from(orgs.current().model()));
  }

  public Optional<PayloadMapper> forSource(String source) {
    if (GITHUB_WEBHOOK.equals(source)) {
      return Optional.of(gitHubWebhook());
    }
    return gitHubSources.connector(source).map(connector -> connector.mapper());
  }

  private EventCodec codec() {
    return new EventCodec(clock, config.ingest().timeHorizon());
  }
}
