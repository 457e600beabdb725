package io.podometer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.connectors.source.Checkpoints;
import io.podometer.connectors.source.RawPayload;
import io.podometer.web.source.CheckpointStore;
import io.podometer.web.source.RawPayloadStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every connector keeps in the store: its cursors and the payloads it fetched. */
@QuarkusTest
class SourceStoresIT {

  @Inject TestDatabase db;
  @Inject CheckpointStore checkpoints;
  @Inject RawPayloadStore payloads;

  @BeforeEach
  void reset() {
    db.reset();
  }

  @Test
  void aCursorPerStreamIsKeptAndMovedAndSourcesDoNotShareThem() {
    Checkpoints github = checkpoints.of("github-1");
    assertEquals(Optional.empty(), github.cursor("acme/shop:pulls"));
    github.save("acme/shop:pulls", "2026-03-02T09:00:00Z");
    github.save("acme/shop:runs", "289782451");
    github.save("acme/shop:pulls", "2026-03-03T10:00:00Z");
    // read back through a new view, as a restarted sync would
    Checkpoints again = checkpoints.of("github-1");
    assertEquals(Optional.of("2026-03-03T10:00:00Z"), again.cursor("acme/shop:pulls"));
    assertEquals(Optional.of("289782451"), again.cursor("acme/shop:runs"));
    assertEquals(Optional.empty(), checkpoints.of("github-2").cursor("acme/shop:pulls"));
  }

  @Test
  void aPayloadIsKeptOncePerDeliveryAndReadBackInOrderWhateverItsSize() {
    String big = "{\"body\":\"" + "é".repeat(1_500_000) + "\"}";
    RawPayload first =
        new RawPayload(
            "github-1",
            RawPayload.PAGE,
            "GET /repos/acme/shop/pulls?page=1",
            null,
            Map.of("ETag", "W/\"abc\""),
            big,
            Instant.parse("2026-03-02T09:00:00Z"));
    RawPayload delivery =
        new RawPayload(
            "github-1",
            RawPayload.WEBHOOK,
            "pull_request",
            "72d3162e",
            Map.of(),
            "{}",
            Instant.parse("2026-03-02T09:00:01Z"));
    assertTrue(payloads.keep(first));
    assertTrue(payloads.keep(delivery));
    assertFalse(payloads.keep(delivery), "a redelivery is kept once");
    // pages have no delivery id: a page like the last one of its name is not kept again…
    assertTrue(payloads.keep(first));
    assertEquals(2, payloads.count("github-1"));
    // …a page that changed is
    RawPayload changed =
        new RawPayload(
            first.source(), first.kind(), first.name(), null, Map.of(), "[]", first.receivedAt());
    assertTrue(payloads.keep(changed));
    List<RawPayloadStore.Kept> kept = payloads.page("github-1", 0, 10);
    assertEquals(3, kept.size());
    assertEquals(big, kept.get(0).payload().body());
    assertEquals("W/\"abc\"", kept.get(0).payload().header("etag"));
    assertEquals("72d3162e", kept.get(1).payload().deliveryId());
    assertEquals(List.of(kept.get(2)), payloads.page("github-1", kept.get(1).id(), 10));
    assertEquals("[]", kept.get(2).payload().body());
    assertEquals(3, payloads.count("github-1"));
    assertEquals(0, payloads.count("github-2"));
  }
}
