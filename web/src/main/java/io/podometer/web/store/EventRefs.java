package io.podometer.web.store;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The events behind a fact, as the fact row keeps them ({@code fact.events}): per distinct payload
 * its row in {@code raw_event} (0 once retention deleted the payload), a hash of its event id and
 * the digest of its payload. They decide duplicates (a digest already there) and revisions (a new
 * digest under an id already there) without an index on the raw events. Not thread-safe.
 */
public final class EventRefs {

  static final int SIZE = 32;

  private byte[] bytes;
  private int count;

  private EventRefs(byte[] bytes, int count) {
    this.bytes = bytes;
    this.count = count;
  }

  public static EventRefs empty() {
    return new EventRefs(new byte[SIZE * 2], 0);
  }

  /** The refs as stored (null: none). */
  public static EventRefs of(byte[] stored) {
    if (stored == null || stored.length == 0) {
      return empty();
    }
    if (stored.length % SIZE != 0) {
      throw new IllegalStateException("stored event refs of " + stored.length + " bytes");
    }
    return new EventRefs(stored.clone(), stored.length / SIZE);
  }

  public int size() {
    return count;
  }

  /** Whether a payload with this digest is already behind the fact. */
  public boolean hasPayload(byte[] digest) {
    for (int i = 0; i < count; i++) {
      if (Arrays.equals(bytes, i * SIZE + 16, i * SIZE + 32, digest, 0, 16)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an event with this id hash is already behind the fact. */
  public boolean hasId(long idHash) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    for (int i = 0; i < count; i++) {
      if (buffer.getLong(i * SIZE + 8) == idHash) {
        return true;
      }
    }
    return false;
  }

  /** How many payloads of events with this id hash are behind the fact. */
  public int countId(long idHash) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (buffer.getLong(i * SIZE + 8) == idHash) {
        n++;
      }
    }
    return n;
  }

  public void add(long seq, long idHash, byte[] digest) {
    if ((count + 1) * SIZE > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, SIZE * 2));
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    buffer.putLong(count * SIZE, seq);
    buffer.putLong(count * SIZE + 8, idHash);
    System.arraycopy(digest, 0, bytes, count * SIZE + 16, 16);
    count++;
  }

  /** The {@code raw_event} rows holding the payloads (those deleted by retention left out). */
  public long[] seqs() {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return java.util.stream.IntStream.range(0, count)
        .mapToLong(i -> buffer.getLong(i * SIZE))
        .filter(seq -> seq > 0)
        .toArray();
  }

  /** The same refs with the payloads' rows forgotten (retention deleted them). */
  public EventRefs withoutPayloads() {
    byte[] copy = Arrays.copyOf(bytes, count * SIZE);
    ByteBuffer buffer = ByteBuffer.wrap(copy);
    for (int i = 0; i < count; i++) {
      buffer.putLong(i * SIZE, 0L);
    }
    return new EventRefs(copy, count);
  }

  /** Forgets the refs of these {@code raw_event} rows (payloads a remap superseded). */
  public void remove(java.util.Set<Long> rowSeqs) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (!rowSeqs.contains(buffer.getLong(i * SIZE))) {
        System.arraycopy(bytes, i * SIZE, bytes, kept * SIZE, SIZE);
        kept++;
      }
    }
    count = kept;
  }

  public byte[] toBytes() {
    return Arrays.copyOf(bytes, count * SIZE);
  }
}
