package io.podometer.connectors.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podometer.connectors.source.EventHandler;
import io.podometer.connectors.source.EventKeys;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class InProcessEventSinkTest {

  private static CanonicalEvent usage(int day) {
    return new EventCodec()
        .parseOne(
            "{\"id\":\"usage:copilot:ana:2026-03-0"
                + day
                + "\",\"type\":\"agent.usage\","
                + "\"source\":\"test\",\"occurredAt\":\"2026-03-0"
                + day
                + "T23:00:00Z\","
                + "\"schema\":1,\"data\":{\"tool\":\"copilot\",\"user\":\"ana\","
                + "\"day\":\"2026-03-0"
                + day
                + "\"}}");
  }

  @Test
  void batchesAreHandledOneAtATimeInPublicationOrder() {
    List<String> handled = new ArrayList<>();
    try (InProcessEventSink sink =
        new InProcessEventSink(
            events -> {
              events.forEach(e -> handled.add(e.id()));
              return new IngestReceipt(events.size(), 0, 0);
            })) {
      List<CompletableFuture<IngestReceipt>> receipts = new ArrayList<>();
      for (int day = 1; day <= 9; day++) {
        receipts.add(sink.publish(List.of(usage(day))).toCompletableFuture());
      }
      receipts.forEach(CompletableFuture::join);
    }
    assertEquals(9, handled.size());
    for (int day = 1; day <= 9; day++) {
      assertEquals("usage:copilot:ana:2026-03-0" + day, handled.get(day - 1));
    }
  }

  /** A handler that stores groups in one go, holding the first call until released. */
  private static final class GroupingHandler implements EventHandler {
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    final List<Integer> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    final java.util.Set<String> poisoned = java.util.Set.of("usage:copilot:ana:2026-03-05");

    @Override
    public IngestReceipt handle(List<CanonicalEvent> events) {
      await();
      calls.add(1);
      if (events.stream().anyMatch(e -> poisoned.contains(e.id()))) {
        throw new IllegalStateException("cannot store day 5");
      }
      return new IngestReceipt(events.size(), 0, 0);
    }

    @Override
    public List<IngestReceipt> handleAll(List<List<CanonicalEvent>> batches) {
      await();
      calls.add(batches.size());
      if (batches.stream().flatMap(List::stream).anyMatch(e -> poisoned.contains(e.id()))) {
        throw new IllegalStateException("cannot store day 5");
      }
      return batches.stream().map(b -> new IngestReceipt(b.size(), 0, 0)).toList();
    }

    private void await() {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void batchesThatQueueUpAreStoredTogetherEachWithItsReceipt() {
    GroupingHandler handler = new GroupingHandler();
    try (InProcessEventSink sink = new InProcessEventSink(handler)) {
      // day 1 is stored alone while days 2-4 queue up behind it
      List<CompletableFuture<IngestReceipt>> receipts = new ArrayList<>();
      receipts.add(sink.publish(List.of(usage(1))).toCompletableFuture());
      receipts.add(sink.publish(List.of(usage(2), usage(3))).toCompletableFuture());
      receipts.add(sink.publish(List.of(usage(4))).toCompletableFuture());
      handler.release.countDown();
      receipts.forEach(CompletableFuture::join);
      assertEquals(new IngestReceipt(2, 0, 0), receipts.get(1).join());
      assertEquals(new IngestReceipt(1, 0, 0), receipts.get(2).join());
      // one call for day 1 (or all three, had the worker not yet started), then one for the group
      assertEquals(
          3, handler.calls.stream().mapToInt(Integer::intValue).sum(), handler.calls.toString());
      assertEquals(true, handler.calls.size() <= 2, handler.calls.toString());
    }
  }

  @Test
  void aBatchThatCannotBeStoredFailsAloneNotItsGroup() {
    GroupingHandler handler = new GroupingHandler();
    try (InProcessEventSink sink = new InProcessEventSink(handler)) {
      CompletableFuture<IngestReceipt> first =
          sink.publish(List.of(usage(1))).toCompletableFuture();
      CompletableFuture<IngestReceipt> poisoned =
          sink.publish(List.of(usage(5))).toCompletableFuture();
      CompletableFuture<IngestReceipt> innocent =
          sink.publish(List.of(usage(6))).toCompletableFuture();
      handler.release.countDown();
      assertEquals(new IngestReceipt(1, 0, 0), first.join());
      assertThrows(CompletionException.class, poisoned::join);
      assertEquals(new IngestReceipt(1, 0, 0), innocent.join());
    }
  }

  @Test
  void aFailedBatchIsNotAcknowledged() {
    try (InProcessEventSink sink =
        new InProcessEventSink(
            events -> {
              throw new IllegalStateException("database unavailable");
            })) {
      CompletionException e =
          assertThrows(
              CompletionException.class,
              () -> sink.publish(List.of(usage(1))).toCompletableFuture().join());
      assertInstanceOf(IllegalStateException.class, e.getCause());
    }
  }

  @Test
  void partitionKeysKeepARepositorysEventsTogether() {
    CanonicalEvent pr =
        new EventCodec()
            .parseOne(
                "{\"id\":\"pr:acme/shop#1:closed\",\"type\":\"pr.closed\",\"source\":\"test\","
                    + "\"occurredAt\":\"2026-03-01T00:00:00Z\",\"repo\":\"acme/shop\",\"schema\":1,"
                    + "\"data\":{\"number\":1,\"closedAt\":\"2026-03-01T00:00:00Z\"}}");
    assertEquals("acme/shop", EventKeys.partitionKey(pr));
    assertEquals("AGENT_USAGE_DAY:copilot:ana:2026-03-01", EventKeys.partitionKey(usage(1)));
  }
}
