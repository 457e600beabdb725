package io.podometer.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code raw_event} table in plain JDBC: an append-only log of every distinct payload, each
 * under a sequence number that the fact it folds into keeps ({@link EventRefs}). Read and deleted
 * by those numbers only (its primary key). One instance per writer thread.
 */
public final class RawEventTable {

  public static final String BY_SEQS = "select seq, payload from raw_event where seq in (";
  private static final String INSERT =
      "insert into raw_event (seq, payload, received_at) values (?, ?, ?)";

  private final SequenceBlocks seqs = new SequenceBlocks("raw_event_seq", 50);

  /** The number a new payload will be stored under (taken from the sequence). */
  public long newSeq(Connection c) throws SQLException {
    return seqs.next(c);
  }

  /** A payload to append. */
  public record NewPayload(long seq, String canonicalJson) {}

  public static void append(Connection c, List<NewPayload> payloads, Instant receivedAt)
      throws SQLException {
    OffsetDateTime received = receivedAt.atOffset(ZoneOffset.UTC);
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      int pending = 0;
      for (NewPayload payload : payloads) {
        insert.setLong(1, payload.seq());
        insert.setString(2, payload.canonicalJson());
        insert.setObject(3, received);
        insert.addBatch();
        if (++pending == KeyLists.CHUNK) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  /** The payloads stored under some numbers (those deleted are absent). */
  public static Map<Long, String> payloads(Connection c, long[] seqs) throws SQLException {
    List<Long> all = new ArrayList<>(seqs.length);
    for (long seq : seqs) {
      all.add(seq);
    }
    Map<Long, String> payloads = new HashMap<>();
    for (List<Long> chunk : KeyLists.chunks(all)) {
      try (PreparedStatement select =
          c.prepareStatement(BY_SEQS + KeyLists.markers(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            payloads.put(rs.getLong(1), rs.getString(2));
          }
        }
      }
    }
    return payloads;
  }

  /** Deletes the payloads stored under some numbers; returns how many there were. */
  public static int delete(Connection c, long[] seqs) throws SQLException {
    int deleted = 0;
    try (PreparedStatement delete = c.prepareStatement("delete from raw_event where seq = ?")) {
      int pending = 0;
      for (long seq : seqs) {
        delete.setLong(1, seq);
        delete.addBatch();
        if (++pending == KeyLists.CHUNK) {
          deleted += sum(delete.executeBatch());
          pending = 0;
        }
      }
      if (pending > 0) {
        deleted += sum(delete.executeBatch());
      }
    }
    return deleted;
  }

  private static int sum(int[] counts) {
    int sum = 0;
    for (int n : counts) {
      sum += Math.max(n, 0);
    }
    return sum;
  }
}
