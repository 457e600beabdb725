package io.podometer.web.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.fact.FoldedFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads stored facts: as the API shows them (with the ids of the events behind each, read from
 * their payloads), or as the figures load them (fields only, streamed). A fact is found by key
 * through the {@link FactKeyIndex}.
 */
@ApplicationScoped
public class FactQueries {

  private static final int FETCH = 5000;
  private static final String COLUMNS = "id, kind, fact_key, fields, events, last_occurred_at";

  @Inject AgroalDataSource dataSource;
  @Inject FactKeyIndex index;

  public Optional<FoldedFact> find(FactKey key) {
    return find(List.of(key)).stream().findFirst();
  }

  /** The stored facts of some keys with their event ids (those not stored are left out). */
  public List<FoldedFact> find(Collection<FactKey> keys) {
    return withEventIds(rows(keys));
  }

  /** The stored facts of some keys, fields only (those not stored are left out). */
  public List<StoredFact> stored(Collection<FactKey> keys) {
    return rows(keys).stream().map(FactTable.Row::stored).toList();
  }

  /** Facts of a kind, optionally of one repository, newest first, at most {@code limit}. */
  public List<FoldedFact> list(FactKind kind, String repo, int limit) {
    List<FactTable.Row> found = new ArrayList<>();
    run(
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from fact where kind = ?"
                      + (repo == null ? "" : " and repo = ?")
                      + " order by last_occurred_at desc, id fetch first "
                      + limit
                      + " rows only")) {
            select.setString(1, kind.name());
            if (repo != null) {
              select.setString(2, repo);
            }
            readRows(select, found::add);
          }
        });
    return withEventIds(found);
  }

  /**
   * Every stored fact, fields only, in chunks of up to {@code chunk} (the figures load them at
   * start: streamed, so the whole table is never held as rows); {@code fileKeys} only while nothing
   * is ingested.
   */
  public void forEachChunk(int chunk, Consumer<List<StoredFact>> consumer, boolean fileKeys) {
    List<StoredFact> batch = new ArrayList<>(chunk);
    // at start (nothing ingested meanwhile) the same scan files every fact's row in the index of
    // keys, so that the first ingestion need not read the table again
    FactKeyIndex.Filing filing = fileKeys ? index.refile() : null;
    stream(
        "select " + COLUMNS + " from fact",
        null,
        row -> {
          if (filing != null) {
            filing.file(row.key(), row.id());
          }
          batch.add(row.stored());
          if (batch.size() == chunk) {
            consumer.accept(List.copyOf(batch));
            batch.clear();
          }
        });
    if (filing != null) {
      filing.done();
    }
    if (!batch.isEmpty()) {
      consumer.accept(List.copyOf(batch));
    }
  }

  /** Every stored fact of a kind, fields only, streamed. */
  public void forEachOfKind(FactKind kind, Consumer<StoredFact> consumer) {
    stream(
        "select " + COLUMNS + " from fact where kind = ?",
        kind,
        row -> consumer.accept(row.stored()));
  }

  /** The arrival of the newest stored event, through the events' primary key. */
  public static final String LAST_RECEIVED =
      "select received_at from raw_event where seq = (select max(seq) from raw_event)";

  /**
   * When the facts were last written: the arrival of the newest stored event (every fact write
   * comes with one), found through the events' primary key rather than a scan of the facts.
   */
  public Optional<Instant> lastWritten() {
    Instant[] last = {null};
    run(
        c -> {
          try (PreparedStatement select = c.prepareStatement(LAST_RECEIVED);
              ResultSet rs = select.executeQuery()) {
            OffsetDateTime at = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            last[0] = at == null ? null : at.toInstant();
          }
        });
    return Optional.ofNullable(last[0]);
  }

  /** The newest {@code occurredAt} of any stored event: "data as of". */
  public Optional<Instant> dataAsOf() {
    Instant[] newest = {null};
    run(
        c -> {
          // one index look-up per kind rather than a scan of every fact
          for (FactKind kind : FactKind.values()) {
            try (PreparedStatement select =
                c.prepareStatement("select max(last_occurred_at) from fact where kind = ?")) {
              select.setString(1, kind.name());
              try (ResultSet rs = select.executeQuery()) {
                OffsetDateTime at = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                if (at != null && (newest[0] == null || at.toInstant().isAfter(newest[0]))) {
                  newest[0] = at.toInstant();
                }
              }
            }
          }
        });
    return Optional.ofNullable(newest[0]);
  }

  public long rawEventCount() {
    long[] count = {0};
    run(
        c -> {
          try (PreparedStatement select = c.prepareStatement("select count(*) from raw_event");
              ResultSet rs = select.executeQuery()) {
            rs.next();
            count[0] = rs.getLong(1);
          }
        });
    return count[0];
  }

  private List<FactTable.Row> rows(Collection<FactKey> keys) {
    Map<FactKey, Long> candidates = index.candidates(keys);
    List<FactTable.Row> found = new ArrayList<>();
    run(
        c -> {
          Map<Long, FactTable.Row> rows = FactTable.byIds(c, candidates.values());
          candidates.forEach(
              (key, id) -> {
                FactTable.Row row = rows.get(id);
                if (row != null && row.key().equals(key)) {
                  found.add(row);
                }
              });
        });
    return found;
  }

  private List<FoldedFact> withEventIds(List<FactTable.Row> rows) {
    List<FoldedFact> folded = new ArrayList<>(rows.size());
    run(
        c -> {
          List<Long> seqs = new ArrayList<>();
          rows.forEach(row -> addAll(seqs, EventRefs.of(row.events()).seqs()));
          Map<Long, String> payloads =
              RawEventTable.payloads(c, seqs.stream().mapToLong(Long::longValue).toArray());
          for (FactTable.Row row : rows) {
            TreeSet<String> ids = new TreeSet<>();
            for (long seq : EventRefs.of(row.events()).seqs()) {
              String payload = payloads.get(seq);
              if (payload != null) {
                ids.add(json(payload).path("id").asText());
              }
            }
            folded.add(
                new FoldedFact(
                    row.key(),
                    (ObjectNode) json(row.fields()),
                    List.copyOf(ids),
                    row.lastOccurredAt()));
          }
        });
    return folded;
  }

  private static void addAll(List<Long> to, long[] values) {
    for (long value : values) {
      to.add(value);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return EventCodec.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored fact or payload is not JSON", e);
    }
  }

  /** Streams the rows of a query (of one kind, when given) to a consumer. */
  private void stream(String sql, FactKind kind, Consumer<FactTable.Row> consumer) {
    run(
        c ->
            Streaming.read(
                c,
                connection -> {
                  try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setFetchSize(FETCH);
                    if (kind != null) {
                      select.setString(1, kind.name());
                    }
                    readRows(select, consumer);
                  }
                }));
  }

  private static void readRows(PreparedStatement select, Consumer<FactTable.Row> sink)
      throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        sink.accept(
            new FactTable.Row(
                rs.getLong(1),
                new FactKey(FactKind.valueOf(rs.getString(2)), rs.getString(3)),
                rs.getString(4),
                rs.getBytes(5),
                rs.getObject(6, OffsetDateTime.class).toInstant()));
      }
    }
  }

  private interface Work {
    void run(Connection connection) throws SQLException;
  }

  private void run(Work work) {
    try (Connection c = dataSource.getConnection()) {
      work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the stored facts: " + e.getMessage(), e);
    }
  }
}
