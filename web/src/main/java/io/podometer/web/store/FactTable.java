package io.podometer.web.store;

import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fact} table in plain JDBC: rows read by id (the primary key: the only lookup the
 * ingestion path makes), new rows inserted with ids from a sequence (so they append), changed rows
 * updated, all in batches inside the caller's transaction. One instance per writer thread.
 */
public final class FactTable {

  public static final String BY_IDS =
      "select id, kind, fact_key, fields, events, last_occurred_at from fact where id in (";
  private static final String INSERT =
      "insert into fact (id, kind, fact_key, repo, fields, events, last_occurred_at, updated_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE =
      "update fact set fact_key = ?, repo = ?, fields = ?, events = ?, last_occurred_at = ?,"
          + " updated_at = ? where id = ?";

  private final SequenceBlocks ids = new SequenceBlocks("fact_seq", 50);

  /** A stored fact row. */
  public record Row(long id, FactKey key, String fields, byte[] events, Instant lastOccurredAt) {

    public StoredFact stored() {
      return new StoredFact(key, fields, lastOccurredAt);
    }
  }

  /** A row to write: inserted when {@code isNew}, else updated. */
  public record Written(
      long id,
      boolean isNew,
      FactKey key,
      String repo,
      String fields,
      byte[] events,
      Instant lastOccurredAt) {}

  /** The rows of some ids (ids not stored are absent). */
  public static Map<Long, Row> byIds(Connection c, Collection<Long> rowIds) throws SQLException {
    Map<Long, Row> rows = new HashMap<>();
    for (List<Long> chunk : KeyLists.chunks(rowIds)) {
      try (PreparedStatement select =
          c.prepareStatement(BY_IDS + KeyLists.markers(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            long id = rs.getLong(1);
            rows.put(
                id,
                new Row(
                    id,
                    new FactKey(FactKind.valueOf(rs.getString(2)), rs.getString(3)),
                    rs.getString(4),
                    rs.getBytes(5),
                    rs.getObject(6, OffsetDateTime.class).toInstant()));
          }
        }
      }
    }
    return rows;
  }

  /** The id a new fact's row will have (taken from the sequence). */
  public long newId(Connection c) throws SQLException {
    return ids.next(c);
  }

  /** Inserts the rows with a new id and updates the others. */
  public static void write(Connection c, List<Written> rows, Instant now) throws SQLException {
    OffsetDateTime updated = now.atOffset(ZoneOffset.UTC);
    try (PreparedStatement insert = c.prepareStatement(INSERT);
        PreparedStatement update = c.prepareStatement(UPDATE)) {
      int inserts = 0;
      int updates = 0;
      for (Written row : rows) {
        OffsetDateTime last = row.lastOccurredAt().atOffset(ZoneOffset.UTC);
        if (row.isNew()) {
          insert.setLong(1, row.id());
          insert.setString(2, row.key().kind().name());
          insert.setString(3, row.key().key());
          insert.setString(4, row.repo());
          insert.setString(5, row.fields());
          insert.setBytes(6, row.events());
          insert.setObject(7, last);
          insert.setObject(8, updated);
          insert.addBatch();
          if (++inserts % KeyLists.CHUNK == 0) {
            insert.executeBatch();
          }
        } else {
          update.setString(1, row.key().key());
          update.setString(2, row.repo());
          update.setString(3, row.fields());
          update.setBytes(4, row.events());
          update.setObject(5, last);
          update.setObject(6, updated);
          update.setLong(7, row.id());
          update.addBatch();
          if (++updates % KeyLists.CHUNK == 0) {
            update.executeBatch();
          }
        }
      }
      if (inserts % KeyLists.CHUNK != 0) {
        insert.executeBatch();
      }
      if (updates % KeyLists.CHUNK != 0) {
        update.executeBatch();
      }
    }
  }

  /** Deletes the rows of some ids. */
  public static void delete(Connection c, Collection<Long> rowIds) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("delete from fact where id = ?")) {
      for (Long id : rowIds) {
        delete.setLong(1, id);
        delete.addBatch();
      }
      delete.executeBatch();
    }
  }
}
