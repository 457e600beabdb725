package io.podometer.web.source;

import io.podometer.connectors.source.IngestReceipt;
import io.podometer.connectors.source.Mapping;
import io.podometer.connectors.source.PayloadMapper;
import io.podometer.connectors.source.UnmappablePayload;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.web.ingest.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sources Podometer reads beyond POST /api/events, what they delivered, and their remap. */
@ApplicationScoped
public class Sources {

  /** Events stored per transaction during a remap. */
  static final int REMAP_BATCH = 5_000;

  /** Payloads read per page during a remap (a fetched page may be megabytes). */
  static final int REMAP_PAGE = 50;

  /** Unmappable payloads named in a remap's answer. */
  static final int PROBLEMS_SHOWN = 20;

  @Inject RawPayloadStore payloads;
  @Inject SourceMappers mappers;
  @Inject EventStore store;
  @Inject GitHubSources gitHubSources;
  @Inject GitSources gitSources;

  private final Map<String, WebhookCounters> webhooks = new ConcurrentHashMap<>();

  /** What a source is and did. */
  public record Summary(
      String id, String kind, long payloadsKept, WebhookCounters.Snapshot webhook) {}

  /** A payload a remap could not map. */
  public record Unmappable(String delivery, String name, String reason) {}

  /** What a remap re-derived. */
  public record Remap(
      String source,
      long payloads,
      long events,
      long accepted,
      long duplicates,
      long revisions,
      long ignored,
      long unmappable,
      List<Unmappable> problems) {}

  WebhookCounters webhookCounters(String source) {
    return webhooks.computeIfAbsent(source, s -> new WebhookCounters());
  }

  public List<Summary> list() {
    List<Summary> summaries = new ArrayList<>();
    summaries.add(
        new Summary(
            SourceMappers.GITHUB_WEBHOOK,
            "github",
            payloads.count(SourceMappers.GITHUB_WEBHOOK),
            webhookCounters(SourceMappers.GITHUB_WEBHOOK).snapshot()));
    for (GitHubSources.View source : gitHubSources.list()) {
      WebhookCounters counters = webhooks.get(source.id());
      summaries.add(
          new Summary(
              source.id(),
              source.kind(),
              source.payloadsKept(),
              counters == null ? null : counters.snapshot()));
    }
    for (GitSources.View source : gitSources.list()) {
      summaries.add(new Summary(source.id(), source.kind(), 0, null));
    }
    return summaries;
  }

  /**
   * Maps every kept payload of the source again with today's mapper, oldest first, and stores the
   * events so that they supersede what the same payloads gave before ({@link
   * EventStore#superseding}).
   */
  public Remap remap(String source) {
    if (gitSources.isOne(source)) {
      throw new IllegalArgumentException(
          "source: "
              + source
              + " is a git clone: it keeps no payloads, the clone is its record; POST"
              + " /api/sources/git/"
              + source
              + "/sync imports what is new");
    }
    PayloadMapper mapper =
        mappers
            .forSource(source)
            .orElseThrow(() -> new NotFoundException("no source '" + source + "'"));
    long read = 0;
    long events = 0;
    long ignored = 0;
    long unmappable = 0;
    IngestReceipt receipt = IngestReceipt.EMPTY;
    List<Unmappable> problems = new ArrayList<>();
    // every distinct payload of each id: together they replace what the source gave for the id
    // before, so an id's payloads are stored in the same transaction
    Map<String, Map<String, CanonicalEvent>> byId = new LinkedHashMap<>();
    long after = 0;
    while (true) {
      List<RawPayloadStore.Kept> page = payloads.page(source, after, REMAP_PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (RawPayloadStore.Kept kept : page) {
        after = kept.id();
        read++;
        Mapping mapping;
        try {
          mapping = mapper.map(kept.payload());
        } catch (UnmappablePayload e) {
          unmappable++;
          if (problems.size() < PROBLEMS_SHOWN) {
            problems.add(
                new Unmappable(kept.payload().deliveryId(), kept.payload().name(), e.getMessage()));
          }
          continue;
        }
        if (mapping.isIgnored()) {
          ignored++;
          continue;
        }
        for (CanonicalEvent event : mapping.events()) {
          byId.computeIfAbsent(event.id(), id -> new LinkedHashMap<>())
              .putIfAbsent(event.canonicalJson(), event);
          events++;
        }
      }
    }
    List<CanonicalEvent> batch = new ArrayList<>();
    for (Map<String, CanonicalEvent> payloadsOfId : byId.values()) {
      batch.addAll(payloadsOfId.values());
      if (batch.size() >= REMAP_BATCH) {
        receipt = receipt.plus(store.superseding(batch));
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      receipt = receipt.plus(store.superseding(batch));
    }
    return new Remap(
        source,
        read,
        events,
        receipt.accepted(),
        receipt.duplicates(),
        receipt.revisions(),
        ignored,
        unmappable,
        problems);
  }
}
