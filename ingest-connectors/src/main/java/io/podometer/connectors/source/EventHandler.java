package io.podometer.connectors.source;

import io.podometer.engine.event.CanonicalEvent;
import java.util.List;

/** Stores and folds a batch of events; returns only once the batch is durable. */
@FunctionalInterface
public interface EventHandler {

  IngestReceipt handle(List<CanonicalEvent> events);
}
