package io.podometer.connectors.bus;

import io.podometer.connectors.source.EventHandler;
import io.podometer.connectors.source.EventSink;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.engine.event.CanonicalEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The embedded event bus: batches are handled one at a time, in the order published, on one thread,
 * so events of a key are always applied in publication order and two batches never race on the same
 * fact.
 */
public final class InProcessEventSink implements EventSink {

  private final EventHandler handler;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "podometer-ingest");
            thread.setDaemon(true);
            return thread;
          });

  public InProcessEventSink(EventHandler handler) {
    this.handler = handler;
  }

  @Override
  public CompletionStage<IngestReceipt> publish(List<CanonicalEvent> events) {
    if (events.isEmpty()) {
      return CompletableFuture.completedFuture(IngestReceipt.EMPTY);
    }
    List<CanonicalEvent> batch = List.copyOf(events);
    return CompletableFuture.supplyAsync(() -> handler.handle(batch), worker);
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
