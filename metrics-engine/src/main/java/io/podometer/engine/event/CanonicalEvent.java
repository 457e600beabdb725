package io.podometer.engine.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A validated canonical event (EVENTS.md). {@code rawData} keeps every field the sender gave,
 * unknown ones included; {@code canonicalJson} is the whole event with object keys sorted and
 * timestamps normalized to UTC, so two deliveries of one fact compare equal byte for byte.
 */
public record CanonicalEvent(
    String id,
    EventType type,
    String source,
    Instant occurredAt,
    int schema,
    String repo,
    String actor,
    EventData data,
    ObjectNode rawData,
    String canonicalJson) {

  /** SHA-256 of {@link #canonicalJson()}, hex: equal hashes under one id mean a duplicate. */
  public String payloadHash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The order in which revisions of a fact are applied: later occurredAt, then greater payload. */
  public static int applicationOrder(CanonicalEvent a, CanonicalEvent b) {
    int byTime = a.occurredAt.compareTo(b.occurredAt);
    return byTime != 0 ? byTime : a.canonicalJson.compareTo(b.canonicalJson);
  }
}
