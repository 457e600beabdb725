package io.podometer.web.figures;

import io.agroal.api.AgroalDataSource;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.live.FigureChanges;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.live.WeekFigures;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The figures as last computed, one row per (scope, week) cell holding every metric's figure of it
 * ({@link FigureCellCodec}): an event rewrites the few cells it changed, a full recomputation only
 * the cells that differ. Each write is one transaction: a crash leaves the previous figures, never
 * half of a change.
 */
@ApplicationScoped
public class FigureStore {

  private static final int BATCH = 500;
  private static final String INSERT =
      "insert into figure_cell (scope, week, figures) values (?, ?, ?)";
  private static final String DELETE = "delete from figure_cell where scope = ? and week = ?";

  /**
   * What the stored figures were computed for, and the moment up to which they reflect the facts
   * handed to them ({@code factsUpTo}; null in states stored before it was kept).
   */
  public record State(
      long orgVersion,
      IsoWeek from,
      IsoWeek to,
      String engine,
      Instant computedAt,
      Instant factsUpTo) {}

  /** One cell: a scope in a week. */
  record Cell(ScopeId scope, IsoWeek week) {}

  @Inject AgroalDataSource dataSource;

  public List<Figure> loadAll() {
    List<Figure> figures = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("select scope, week, figures from figure_cell")) {
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          figures.addAll(
              FigureCellCodec.decode(
                  ScopeId.parse(rs.getString(1)), IsoWeek.parse(rs.getString(2)), rs.getBytes(3)));
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
                "select org_version, from_week, to_week, engine, computed_at, facts_up_to"
                    + " from figure_state where id = 1");
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
              rs.getTimestamp(5).toInstant(),
              rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the figure state", e);
    }
  }

  /** Replaces every stored cell by the snapshot's, and the state, in one transaction. */
  public int replaceAll(FigureSnapshot snapshot, State state) {
    Set<Cell> cells = new HashSet<>();
    for (IsoWeek week = snapshot.from();
        week.compareTo(snapshot.to()) <= 0;
        week = week.plusWeeks(1)) {
      IsoWeek w = week;
      snapshot.week(week).scopes().forEach(scope -> cells.add(new Cell(scope, w)));
    }
    inTransaction(
        c -> {
          try (PreparedStatement delete = c.prepareStatement("delete from figure_cell")) {
            delete.executeUpdate();
          }
          insert(c, snapshot, cells);
          writeState(c, state);
        });
    return cells.size();
  }

  /**
   * Rewrites the cells (those the changes touched: {@link #cellsOf}), as the snapshot has them (a
   * cell left without figures is deleted), and the state, in one transaction; returns how many
   * cells were written.
   */
  public int write(FigureSnapshot snapshot, Set<Cell> cells, State state) {
    inTransaction(
        c -> {
          try (PreparedStatement delete = c.prepareStatement(DELETE)) {
            int pending = 0;
            for (Cell cell : cells) {
              delete.setString(1, cell.scope().toString());
              delete.setString(2, cell.week().toString());
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
          insert(c, snapshot, cells);
          writeState(c, state);
        });
    return cells.size();
  }

  /** The (scope, week) cells holding the changed figures. */
  static Set<Cell> cellsOf(FigureChanges changes) {
    Set<Cell> cells = new HashSet<>();
    for (Figure f : changes.upserted()) {
      cells.add(new Cell(f.scope(), f.week()));
    }
    for (FigureKey key : changes.removed()) {
      cells.add(new Cell(key.scope(), key.week()));
    }
    return cells;
  }

  private static void insert(Connection c, FigureSnapshot snapshot, Set<Cell> cells)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      int pending = 0;
      List<Figure> figures = new ArrayList<>();
      for (Cell cell : cells) {
        WeekFigures week = snapshot.week(cell.week());
        figures.clear();
        for (MetricId metric : MetricId.values()) {
          Figure figure = week.figure(metric, cell.scope());
          if (figure != null) {
            figures.add(figure);
          }
        }
        if (figures.isEmpty()) {
          continue;
        }
        insert.setString(1, cell.scope().toString());
        insert.setString(2, cell.week().toString());
        insert.setBytes(3, FigureCellCodec.encode(figures));
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
            "insert into figure_state (id, org_version, from_week, to_week, engine, computed_at,"
                + " facts_up_to) values (1, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, state.orgVersion());
      insert.setString(2, state.from().toString());
      insert.setString(3, state.to().toString());
      insert.setString(4, state.engine());
      insert.setTimestamp(5, Timestamp.from(state.computedAt()));
      insert.setTimestamp(6, state.factsUpTo() == null ? null : Timestamp.from(state.factsUpTo()));
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
}
