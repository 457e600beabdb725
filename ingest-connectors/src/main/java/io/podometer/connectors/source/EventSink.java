package io.podometer.connectors.source;

import io.podometer.engine.event.CanonicalEvent;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where connectors put canonical events. Events with the same {@link EventKeys#partitionKey} are
 * handled in the order published. The returned stage completes only once the batch is durable
 * (stored, or acknowledged by the broker); it completes exceptionally when it is not, and then
 * nothing of the batch may be assumed stored.
 */
public interface EventSink extends AutoCloseable {

  CompletionStage<IngestReceipt> publish(List<CanonicalEvent> events);

  @Override
  default void close() {}
}
