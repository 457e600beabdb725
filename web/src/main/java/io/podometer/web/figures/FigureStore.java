package io.podometer.web.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures as last computed, in the {@code figure} table, written in JDBC batches: a full
 * recomputation rewrites hundreds of thousands of rows, an event a handful. Each write is one
 * transaction: a crash leaves the previous figures, never half of a change.
 */
@ApplicationScoped
public class FigureStore {

  private static final int BATCH = 1000;
  private static final TypeReference<Map<String, Double>> BY_SOURCE = new TypeReference<>() {};
  private static final String INSERT =
      "insert into figure (metric, scope, week, val, num, den, n, people, exact_share, by_source,"
          + " tier, withheld, partial_week) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String DELETE =
      "delete from figure where metric = ? and scope = ? and week = ?";

  /** What the stored figures were computed for. */
  public record State(
      long orgVersion, IsoWeek from, IsoWeek to, String engine, Instant computedAt) {}

  @Inject AgroalDataSource dataSource;

  public List<Figure> loadAll() {
    List<Figure> figures = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "select metric, scope, week, val, num, den, n, people, exact_share, by_source,"
                    + " tier, withheld, partial_week from figure")) {
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          figures.add(read(rs));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the stored figures", e);
    }
    return figures;
  }

  public Optional<State> state() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "select org_version, from_week, to_week, engine, computed_at from figure_state"
                    + " where id = 1");
        ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new State(
              rs.getLong(1),
              IsoWeek.parse(rs.getString(2)),
              IsoWeek.parse(rs.getString(3)),
              rs.getString(4),
              rs.getTimestamp(5).toInstant()));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the figure state", e);
    }
  }

  /** Replaces every stored figure and the state, in one transaction. */
  public void replaceAll(Collection<Figure> figures, State state) {
    inTransaction(
        c -> {
          try (PreparedStatement delete = c.prepareStatement("delete from figure")) {
            delete.executeUpdate();
          }
          insert(c, figures);
          writeState(c, state);
        });
  }

  /** Writes the figures that changed and removes those that no longer exist, in one transaction. */
  public void write(Collection<Figure> upserted, Collection<FigureKey> removed, State state) {
    inTransaction(
        c -> {
          List<FigureKey> deleted = new ArrayList<>(removed);
          upserted.forEach(f -> deleted.add(new FigureKey(f.metric(), f.scope(), f.week())));
          try (PreparedStatement delete = c.prepareStatement(DELETE)) {
            int pending = 0;
            for (FigureKey key : deleted) {
              delete.setString(1, key.metric().id());
              delete.setString(2, key.scope().toString());
              delete.setString(3, key.week().toString());
              delete.addBatch();
              if (++pending == BATCH) {
                delete.executeBatch();
                pending = 0;
              }
            }
            if (pending > 0) {
              delete.executeBatch();
            }
          }
          insert(c, upserted);
          writeState(c, state);
        });
  }

  private static void insert(Connection c, Collection<Figure> figures) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      int pending = 0;
      for (Figure f : figures) {
        insert.setString(1, f.metric().id());
        insert.setString(2, f.scope().toString());
        insert.setString(3, f.week().toString());
        setDouble(insert, 4, f.value());
        setDouble(insert, 5, f.num());
        setDouble(insert, 6, f.den());
        insert.setInt(7, f.n());
        insert.setInt(8, f.people());
        setDouble(insert, 9, f.exact());
        insert.setString(10, f.bySource().isEmpty() ? null : json(f.bySource()));
        insert.setString(11, f.tier());
        insert.setString(12, f.withheld());
        insert.setBoolean(13, f.partial());
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  private static void writeState(Connection c, State state) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("delete from figure_state")) {
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into figure_state (id, org_version, from_week, to_week, engine, computed_at)"
                + " values (1, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, state.orgVersion());
      insert.setString(2, state.from().toString());
      insert.setString(3, state.to().toString());
      insert.setString(4, state.engine());
      insert.setTimestamp(5, Timestamp.from(state.computedAt()));
      insert.executeUpdate();
    }
  }

  private interface Work {
    void run(Connection connection) throws SQLException;
  }

  private void inTransaction(Work work) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store figures: " + e.getMessage(), e);
    }
  }

  private static Figure read(ResultSet rs) throws SQLException {
    String bySource = rs.getString(10);
    return new Figure(
        MetricId.fromId(rs.getString(1)).orElseThrow(),
        ScopeId.parse(rs.getString(2)),
        IsoWeek.parse(rs.getString(3)),
        getDouble(rs, 4),
        getDouble(rs, 5),
        getDouble(rs, 6),
        rs.getInt(7),
        rs.getInt(8),
        getDouble(rs, 9),
        bySource == null ? Map.of() : parse(bySource),
        rs.getString(11),
        rs.getString(12),
        rs.getBoolean(13));
  }

  private static Double getDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static void setDouble(PreparedStatement statement, int column, Double value)
      throws SQLException {
    if (value == null) {
      statement.setNull(column, Types.DOUBLE);
    } else {
      statement.setDouble(column, value);
    }
  }

  private static String json(Map<String, Double> bySource) {
    try {
      return EventCodec.mapper().writeValueAsString(new java.util.TreeMap<>(bySource));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of numbers always serializes", e);
    }
  }

  private static Map<String, Double> parse(String json) {
    try {
      return new java.util.TreeMap<>(EventCodec.mapper().readValue(json, BY_SOURCE));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored split by source is not JSON: " + json, e);
    }
  }
}
