package io.podometer.engine.fact;

import io.podometer.engine.event.FactKey;

/**
 * Two independent 64-bit hashes of a fact key (kind and key text), together a 128-bit identity:
 * facts held by the million in memory are filed under it rather than under their key strings, which
 * would take more room than most facts. Two keys agreeing on both halves is a chance of about one
 * in 10^26 for the facts of a large organization. {@link #first} alone narrows a look-up that is
 * then checked.
 */
public final class FactKeyHash {

  private FactKeyHash() {}

  /** FNV-1a over the kind and the key's characters, then mixed (MurmurHash3's finalizer). */
  public static long first(FactKey key) {
    long h = 0xcbf29ce484222325L ^ (key.kind().ordinal() * 0x9E3779B97F4A7C15L);
    String text = key.key();
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** A polynomial hash with another multiplier and seed, mixed: independent of {@link #first}. */
  public static long second(FactKey key) {
    long h = 0x2545F4914F6CDD1DL + key.kind().ordinal();
    String text = key.key();
    for (int i = 0; i < text.length(); i++) {
      h = h * 0x5851F42D4C957F2DL + text.charAt(i);
    }
    return mix(h ^ text.length());
  }

  /** MurmurHash3's finalizer: every bit of the input moves about half of the output's. */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
