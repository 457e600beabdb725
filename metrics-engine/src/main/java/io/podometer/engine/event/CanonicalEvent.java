package io.podometer.engine.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A validated canonical event (EVENTS.md). {@code dataTree} is the data as the sender gave it,
 * unknown fields included, with timestamps normalized to UTC (not to be modified); {@code
 * canonicalJson} is the whole event with object keys sorted and timestamps normalized to UTC, so
 * two deliveries of one fact compare equal byte for byte. The typed {@link #data()} is read on
 * first use. Equal when their canonical JSON is equal. Thread-safe.
 */
public final class CanonicalEvent {

  private final String id;
  private final EventType type;
  private final String source;
  private final Instant occurredAt;
  private final String repo;
  private final String actor;
  private final ObjectNode dataTree;
  private final String canonicalJson;
  private volatile EventData data;
  private volatile io.podometer.engine.event.FactKey factKey;

  public CanonicalEvent(
      String id,
      EventType type,
      String source,
      Instant occurredAt,
      String repo,
      String actor,
      EventData data,
      ObjectNode dataTree,
      String canonicalJson) {
    this.id = id;
    this.type = type;
    this.source = source;
    this.occurredAt = occurredAt;
    this.repo = repo;
    this.actor = actor;
    this.data = data;
    this.dataTree = dataTree;
    this.canonicalJson = canonicalJson;
  }

  public String id() {
    return id;
  }

  public EventType type() {
    return type;
  }

  public String source() {
    return source;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  /** Always 1: the only schema this version reads. */
  public int schema() {
    return 1;
  }

  /** {@code owner/name}, or null for events that name no repository. */
  public String repo() {
    return repo;
  }

  public String actor() {
    return actor;
  }

  public ObjectNode dataTree() {
    return dataTree;
  }

  public String canonicalJson() {
    return canonicalJson;
  }

  /** The data as its type's record. */
  public EventData data() {
    EventData typed = data;
    if (typed == null) {
      try {
        typed = EventCodec.mapper().treeToValue(dataTree, type.dataClass());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("event " + id + " does not read as " + type, e);
      }
      data = typed;
    }
    return typed;
  }

  /**
   * The natural key of the fact it folds into, worked out once: validation checks its length,
   * ingestion files the event under it.
   */
  public io.podometer.engine.event.FactKey factKey() {
    io.podometer.engine.event.FactKey key = factKey;
    if (key == null) {
      key = io.podometer.engine.event.FactKey.naturalKeyOf(this);
      factKey = key;
    }
    return key;
  }

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

  @Override
  public boolean equals(Object other) {
    return other instanceof CanonicalEvent e && e.canonicalJson.equals(canonicalJson);
  }

  @Override
  public int hashCode() {
    return canonicalJson.hashCode();
  }

  @Override
  public String toString() {
    return canonicalJson;
  }
}
