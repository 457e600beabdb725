package io.podometer.connectors.github;

import io.podometer.connectors.source.Mapping;
import io.podometer.connectors.source.PayloadMapper;
import io.podometer.connectors.source.RawPayload;

/**
 * A GitHub source's kept payloads, whichever way they came: its webhook's deliveries and the pages
 * its backfill fetched, each read by its own mapper (both give the same ids for the same facts).
 */
public final class GitHubMapper implements PayloadMapper {

  private final GitHubWebhookMapper deliveries;
  private final GitHubPageMapper pages;

  GitHubMapper(GitHubWebhookMapper deliveries, GitHubPageMapper pages) {
    this.deliveries = deliveries;
    this.pages = pages;
  }

  @Override
  public Mapping map(RawPayload payload) {
    return RawPayload.WEBHOOK.equals(payload.kind()) ? deliveries.map(payload) : pages.map(payload);
  }
}
