package io.podometer.web.source;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What became of a source's webhook deliveries since the server started: received (signed and
 * kept), duplicates, ignored (by event name), refused (bad signature or malformed), unmappable.
 */
public final class WebhookCounters {

  /** A reader's view. */
  public record Snapshot(
      long received,
      long duplicates,
      long refused,
      long unmappable,
      long eventsPublished,
      Map<String, Long> ignoredByEvent) {}

  private final AtomicLong received = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong unmappable = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private final ConcurrentHashMap<String, AtomicLong> ignored = new ConcurrentHashMap<>();

  void received() {
    received.incrementAndGet();
  }

  void duplicate() {
    duplicates.incrementAndGet();
  }

  void refused() {
    refused.incrementAndGet();
  }

  void unmappable() {
    unmappable.incrementAndGet();
  }

  void published(int count) {
    events.addAndGet(count);
  }

  void ignored(String event) {
    ignored.computeIfAbsent(event, e -> new AtomicLong()).incrementAndGet();
  }

  public Snapshot snapshot() {
    Map<String, Long> byEvent = new TreeMap<>();
    ignored.forEach((event, count) -> byEvent.put(event, count.get()));
    return new Snapshot(
        received.get(), duplicates.get(), refused.get(), unmappable.get(), events.get(), byEvent);
  }
}
