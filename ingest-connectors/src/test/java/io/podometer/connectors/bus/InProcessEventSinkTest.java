package io.podometer.connectors.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
