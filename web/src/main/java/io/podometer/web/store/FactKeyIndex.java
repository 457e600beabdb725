package io.podometer.web.store;

import io.agroal.api.AgroalDataSource;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Where each fact's row is, by natural key, held in memory: the store keeps no index on fact keys
 * (inserting random keys into an on-disk B-tree is what made ingestion slow down as the store grew,
 * and on H2 it rewrote pages at every commit). Keys are filed by a 64-bit hash; a lookup gives the
 * row that may hold the key, which the caller confirms against the row's own key; keys whose hash
 * is taken by another key are kept whole on the side. Built from the fact table on first use (about
 * 20 bytes a fact); rebuilt after a change made outside ingestion (erasure, retention).
 * Thread-safe.
 */
@ApplicationScoped
public class FactKeyIndex {

  private static final Logger LOG = Logger.getLogger(FactKeyIndex.class);

  @Inject AgroalDataSource dataSource;

  // null until first used, or after invalidate()
  private KeyRows keys;

  /** Rows by key hash, and the keys whose hash another key took, kept whole. Not thread-safe. */
  private static final class KeyRows {
    final Long2LongOpenHashMap rows = new Long2LongOpenHashMap();
    final Map<FactKey, Long> sharedHash = new HashMap<>();

    KeyRows() {
      rows.defaultReturnValue(-1);
    }

    void file(FactKey key, long row) {
      long hash = EventHashes.key(key);
      if (rows.containsKey(hash)) {
        sharedHash.put(key, row);
      } else {
        rows.put(hash, row);
      }
    }

    long row(FactKey key) {
      Long whole = sharedHash.get(key);
      return whole != null ? whole : rows.get(EventHashes.key(key));
    }

    int size() {
      return rows.size() + sharedHash.size();
    }
  }

  /** The rows that may hold these keys (keys absent when no fact of that key is stored). */
  public synchronized Map<FactKey, Long> candidates(Collection<FactKey> keys) {
    ensureBuilt();
    Map<FactKey, Long> found = new HashMap<>();
    for (FactKey key : keys) {
      long row = this.keys.row(key);
      if (row > 0) {
        found.put(key, row);
      }
    }
    return found;
  }

  /** Files facts just inserted (after their transaction committed). */
  public synchronized void added(Map<FactKey, Long> inserted) {
    ensureBuilt();
    inserted.forEach(keys::file);
  }

  /**
   * Files rows read by someone else's scan of the whole fact table (the figures' load at start):
   * the index is rebuilt from them and stands once {@link Filing#done} is called; lookups meanwhile
   * use the index as it was. One filing at a time.
   */
  public Filing refile() {
    return new Filing();
  }

  /** A scan's rows being filed; see {@link #refile}. */
  public final class Filing {
    private final KeyRows filed = new KeyRows();

    private Filing() {}

    public void file(FactKey key, long row) {
      filed.file(key, row);
    }

    public void done() {
      synchronized (FactKeyIndex.this) {
        keys = filed;
      }
    }
  }

  /** Whether the keys are in memory (a lookup now reads no table). */
  public synchronized boolean built() {
    return keys != null;
  }

  /** Forgets everything; the next lookup reads the fact table again. */
  public synchronized void invalidate() {
    keys = null;
  }

  private void ensureBuilt() {
    if (keys != null) {
      return;
    }
    long started = System.nanoTime();
    KeyRows built = new KeyRows();
    try (Connection c = dataSource.getConnection()) {
      Streaming.read(
          c,
          connection -> {
            try (PreparedStatement select =
                connection.prepareStatement("select id, kind, fact_key from fact")) {
              select.setFetchSize(10_000);
              try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                  built.file(
                      new FactKey(FactKind.valueOf(rs.getString(2)), rs.getString(3)),
                      rs.getLong(1));
                }
              }
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the fact keys: " + e.getMessage(), e);
    }
    keys = built;
    LOG.debugf(
        "index of %d fact keys built in %d ms",
        built.size(), (System.nanoTime() - started) / 1_000_000);
  }
}
