package io.podometer.connectors.bus;

import io.podometer.connectors.source.EventHandler;
import io.podometer.connectors.source.EventSink;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.engine.event.CanonicalEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The embedded event bus: batches are handled in the order published, on one thread, so events of a
 * key are always applied in publication order and two batches never race on the same fact. The
 * batches that queued up while one was stored are stored together (a group commit, up to {@link
 * #GROUP_EVENTS} events): many small publishes — webhook deliveries — cost one transaction and one
 * sync between them, not one each.
 */
public final class InProcessEventSink implements EventSink {

  /** Events stored together at most, when batches queue up. */
  static final int GROUP_EVENTS = 10_000;

  private record Pending(List<CanonicalEvent> events, CompletableFuture<IngestReceipt> done) {}

  private static final Pending STOP = new Pending(List.of(), null);

  private final EventHandler handler;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread worker;

  public InProcessEventSink(EventHandler handler) {
    this.handler = handler;
    this.worker = new Thread(this::work, "podometer-ingest");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public CompletionStage<IngestReceipt> publish(List<CanonicalEvent> events) {
    if (events.isEmpty()) {
      return CompletableFuture.completedFuture(IngestReceipt.EMPTY);
    }
    CompletableFuture<IngestReceipt> done = new CompletableFuture<>();
    if (!worker.isAlive()) {
      done.completeExceptionally(new IllegalStateException("the event bus is closed"));
      return done;
    }
    queue.add(new Pending(List.copyOf(events), done));
    return done;
  }

  private void work() {
    List<Pending> group = new ArrayList<>();
    while (true) {
      Pending first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (first == STOP) {
        return;
      }
      group.clear();
      group.add(first);
      int events = first.events().size();
      Pending next;
      while (events < GROUP_EVENTS
          && (next = queue.peek()) != null
          && next != STOP
          && events + next.events().size() <= GROUP_EVENTS) {
        group.add(queue.poll());
        events += next.events().size();
      }
      store(group);
    }
  }

  private void store(List<Pending> group) {
    if (group.size() == 1) {
      Pending only = group.get(0);
      try {
        only.done().complete(handler.handle(only.events()));
      } catch (Throwable e) {
        // whatever went wrong (an Error too), the publisher hears of it and the worker goes on
        only.done().completeExceptionally(e);
      }
      return;
    }
    try {
      List<IngestReceipt> receipts =
          handler.handleAll(group.stream().map(Pending::events).toList());
      for (int i = 0; i < group.size(); i++) {
        group.get(i).done().complete(receipts.get(i));
      }
    } catch (Throwable e) {
      // none of the group is stored: each batch alone, so one batch's failure is its own
      for (Pending pending : group) {
        try {
          pending.done().complete(handler.handle(pending.events()));
        } catch (Throwable alone) {
          pending.done().completeExceptionally(alone);
        }
      }
    }
  }

  @Override
  public void close() {
    queue.add(STOP);
    try {
      worker.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      worker.interrupt();
    }
    // what was published after the close is refused, not left waiting
    Pending left;
    while ((left = queue.poll()) != null) {
      if (left.done() != null) {
        left.done().completeExceptionally(new IllegalStateException("the event bus is closed"));
      }
    }
  }
}
