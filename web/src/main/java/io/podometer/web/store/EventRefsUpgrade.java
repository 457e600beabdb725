package io.podometer.web.store;

import io.agroal.api.AgroalDataSource;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Fills the event refs of facts stored before they were kept (migration V004 leaves them null):
 * every stored payload is read once, in order, and filed under the fact it folds into. Runs at
 * start, before anything is ingested; does nothing once every fact has its refs.
 */
@ApplicationScoped
public class EventRefsUpgrade {

  private static final Logger LOG = Logger.getLogger(EventRefsUpgrade.class);

  @Inject AgroalDataSource dataSource;

  public void run() {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        if (!anyWithout(c)) {
          return;
        }
        long started = System.nanoTime();
        Map<FactKey, EventRefs> refs = readRefs(c);
        int facts = writeRefs(c, refs);
        c.commit();
        StoreDurability.sync(c);
        LOG.infof(
            "event refs of %d facts filled from %d stored payloads in %d ms",
            facts,
            refs.values().stream().mapToInt(EventRefs::size).sum(),
            (System.nanoTime() - started) / 1_000_000);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fill the facts' event refs: " + e.getMessage(), e);
    }
  }

  private static boolean anyWithout(Connection c) throws SQLException {
    try (PreparedStatement select =
            c.prepareStatement("select count(*) from fact where events is null");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  private static Map<FactKey, EventRefs> readRefs(Connection c) throws SQLException {
    EventCodec codec = new EventCodec();
    Map<FactKey, EventRefs> refs = new HashMap<>();
    try (PreparedStatement select =
        c.prepareStatement("select seq, payload from raw_event order by seq")) {
      select.setFetchSize(5000);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String payload = rs.getString(2);
          CanonicalEvent event = codec.readStored(payload);
          refs.computeIfAbsent(FactKey.of(event), k -> EventRefs.empty())
              .add(rs.getLong(1), EventHashes.id(event.id()), EventHashes.payload(payload));
        }
      }
    }
    return refs;
  }

  private static int writeRefs(Connection c, Map<FactKey, EventRefs> refs) throws SQLException {
    Map<Long, FactKey> facts = new HashMap<>();
    try (PreparedStatement select =
            c.prepareStatement("select id, kind, fact_key from fact where events is null");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        facts.put(rs.getLong(1), new FactKey(FactKind.valueOf(rs.getString(2)), rs.getString(3)));
      }
    }
    try (PreparedStatement update = c.prepareStatement("update fact set events = ? where id = ?")) {
      int pending = 0;
      for (Map.Entry<Long, FactKey> fact : facts.entrySet()) {
        update.setBytes(1, refs.getOrDefault(fact.getValue(), EventRefs.empty()).toBytes());
        update.setLong(2, fact.getKey());
        update.addBatch();
        if (++pending == KeyLists.CHUNK) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
    return facts.size();
  }
}
