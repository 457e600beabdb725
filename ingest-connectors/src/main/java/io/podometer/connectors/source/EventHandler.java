package io.podometer.connectors.source;

import io.podometer.engine.event.CanonicalEvent;
import java.util.List;

/** Stores and folds batches of events; returns only once they are durable. */
@FunctionalInterface
public interface EventHandler {

  IngestReceipt handle(List<CanonicalEvent> events);

  /**
   * Stores several batches, in order, as if one after the other; a handler may store them in one
   * transaction. When it throws, none of them is stored.
   */
  default List<IngestReceipt> handleAll(List<List<CanonicalEvent>> batches) {
    List<IngestReceipt> receipts = new java.util.ArrayList<>(batches.size());
    for (List<CanonicalEvent> batch : batches) {
      receipts.add(handle(batch));
    }
    return receipts;
  }
}
