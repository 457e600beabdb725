package io.podometer.web.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.podometer.connectors.source.RawPayload;
import io.podometer.connectors.source.RawPayloads;
import io.podometer.web.store.SequenceBlocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code raw_payload} table, in plain JDBC (a body may be megabytes: a text column, read and
 * written as a string). A payload is committed before it is mapped; the events it maps to are
 * synced to disk with it when they are stored.
 */
@ApplicationScoped
public class RawPayloadStore implements RawPayloads {

  /** A kept payload and its row id, the order payloads are remapped in. */
  public record Kept(long id, RawPayload payload) {}

  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  @Inject AgroalDataSource dataSource;
  @Inject ObjectMapper json;

  private final SequenceBlocks ids = new SequenceBlocks("raw_payload_seq", 50);

  @Override
  public boolean keep(RawPayload payload) {
    try (Connection c = dataSource.getConnection()) {
      if (payload.deliveryId() != null && isKept(c, payload.source(), payload.deliveryId())) {
        return false;
      }
      String hash = io.podometer.web.store.Sha256.hex(payload.body());
      if (payload.deliveryId() == null && hash.equals(lastHash(c, payload))) {
        // the same page as the last one kept under its name: what it maps to is stored already
        return true;
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into raw_payload (id, source, kind, name, delivery_id, headers, body,"
                  + " received_at, body_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setLong(1, nextId(c));
        insert.setString(2, payload.source());
        insert.setString(3, payload.kind());
        // a name is for reading back; a very long query is cut, not refused
        insert.setString(
            4, payload.name().length() > 2000 ? payload.name().substring(0, 2000) : payload.name());
        insert.setString(5, payload.deliveryId());
        insert.setString(6, json.writeValueAsString(payload.headers()));
        insert.setString(7, payload.body());
        insert.setTimestamp(8, Timestamp.from(payload.receivedAt()));
        insert.setString(9, hash);
        insert.executeUpdate();
        return true;
      } catch (SQLException e) {
        // two deliveries of one id at once: the other one kept it
        if (payload.deliveryId() != null && isKept(c, payload.source(), payload.deliveryId())) {
          return false;
        }
        throw e;
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("payload not kept: " + e.getMessage(), e);
    }
  }

  /** The body hash of the last payload kept under the same source and name, or null. */
  private static String lastHash(Connection c, RawPayload payload) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "select body_hash from raw_payload where source = ? and name = ?"
                + " order by id desc limit 1")) {
      select.setString(1, payload.source());
      select.setString(2, payload.name());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private synchronized long nextId(Connection c) throws SQLException {
    return ids.next(c);
  }

  private static boolean isKept(Connection c, String source, String deliveryId)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("select 1 from raw_payload where source = ? and delivery_id = ?")) {
      select.setString(1, source);
      select.setString(2, deliveryId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The source's payloads after {@code afterId}, oldest first, at most {@code limit}. */
  public List<Kept> page(String source, long afterId, int limit) {
    return select(
        "select id, source, kind, name, delivery_id, headers, body, received_at from raw_payload"
            + " where source = ? and id > ? order by id limit ?",
        source,
        afterId,
        limit);
  }

  public long count(String source) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("select count(*) from raw_payload where source = ?")) {
      select.setString(1, source);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("payloads not counted: " + e.getMessage(), e);
    }
  }

  /** Payloads whose body may mention one of these names (lower case): a superset. */
  public List<Kept> mentioning(Set<String> names, long afterId, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    for (String name : names) {
      where.append(where.length() == 0 ? "" : " or ").append("lower(body) like ?");
      params.add("%" + name + "%");
    }
    params.add(afterId);
    params.add(limit);
    return select(
        "select id, source, kind, name, delivery_id, headers, body, received_at from raw_payload"
            + " where ("
            + where
            + ") and id > ? order by id limit ?",
        params.toArray());
  }

  /**
   * Rewrites every kept body that mentions one of the names (lower case), in the caller's
   * transaction (an erasure); returns how many changed.
   */
  public int rewriteMentioning(
      Set<String> names, java.util.function.UnaryOperator<String> rewrite) {
    if (names.isEmpty()) {
      return 0;
    }
    int rewritten = 0;
    long after = 0;
    while (true) {
      List<Kept> page = mentioning(names, after, 200);
      if (page.isEmpty()) {
        return rewritten;
      }
      try (Connection c = dataSource.getConnection();
          PreparedStatement update =
              c.prepareStatement("update raw_payload set body = ? where id = ?")) {
        for (Kept kept : page) {
          after = kept.id();
          String body = rewrite.apply(kept.payload().body());
          if (!body.equals(kept.payload().body())) {
            update.setString(1, body);
            update.setLong(2, kept.id());
            update.executeUpdate();
            rewritten++;
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("payloads not rewritten: " + e.getMessage(), e);
      }
    }
  }

  /** Deletes the payloads received before the instant; returns how many. */
  public long deleteReceivedBefore(Instant cut) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("delete from raw_payload where received_at < ?")) {
      delete.setTimestamp(1, Timestamp.from(cut));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("payloads not deleted: " + e.getMessage(), e);
    }
  }

  private List<Kept> select(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        select.setObject(i + 1, params[i]);
      }
      List<Kept> kept = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          kept.add(
              new Kept(
                  rs.getLong(1),
                  new RawPayload(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      json.readValue(rs.getString(6), HEADERS),
                      rs.getString(7),
                      rs.getTimestamp(8).toInstant())));
        }
      }
      return kept;
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("payloads not read: " + e.getMessage(), e);
    }
  }
}
