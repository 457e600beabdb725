package io.podometer.web.store;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.fact.FactKeyHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The digests the store files events and facts under: a payload's first 128 bits of SHA-256 (two
 * payloads with equal digests are the same payload: the chance of a collision is negligible), and
 * 64-bit hashes of event ids and fact keys (FNV-1a, mixed), which only narrow a lookup that is then
 * checked against the stored key.
 */
public final class EventHashes {

  private EventHashes() {}

  /** The first 16 bytes of SHA-256 of the event's canonical JSON. */
  public static byte[] payload(CanonicalEvent event) {
    return payload(event.canonicalJson());
  }

  public static byte[] payload(String canonicalJson) {
    try {
      return Arrays.copyOf(
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalJson.getBytes(StandardCharsets.UTF_8)),
          16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public static long id(String eventId) {
    return text(0xcbf29ce484222325L, eventId);
  }

  public static long key(FactKey key) {
    return FactKeyHash.first(key);
  }

  private static long text(long seed, String text) {
    long h = seed;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    // final mix, so that keys differing in their last characters spread over every bit
    return FactKeyHash.mix(h);
  }
}
