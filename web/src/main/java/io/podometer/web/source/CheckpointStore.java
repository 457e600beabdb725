package io.podometer.web.source;

import io.agroal.api.AgroalDataSource;
import io.podometer.connectors.source.Checkpoints;
import io.podometer.web.store.StoreDurability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/** The {@code source_checkpoint} table: each source's cursors, synced to disk when saved. */
@ApplicationScoped
public class CheckpointStore {

  @Inject AgroalDataSource dataSource;
  @Inject Clock clock;

  /** The checkpoints of one source, as its connector sees them. */
  public Checkpoints of(String source) {
    return new Checkpoints() {
      @Override
      public Optional<String> cursor(String stream) {
        return CheckpointStore.this.cursor(source, stream);
      }

      @Override
      public void save(String stream, String cursor) {
        CheckpointStore.this.save(source, stream, cursor);
      }
    };
  }

  Optional<String> cursor(String source, String stream) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "select cursor_at from source_checkpoint where source = ? and stream = ?")) {
      select.setString(1, source);
      select.setString(2, stream);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("checkpoint not read: " + e.getMessage(), e);
    }
  }

  void save(String source, String stream, String cursor) {
    try (Connection c = dataSource.getConnection()) {
      int updated;
      try (PreparedStatement update =
          c.prepareStatement(
              "update source_checkpoint set cursor_at = ?, updated_at = ?"
                  + " where source = ? and stream = ?")) {
        update.setString(1, cursor);
        update.setTimestamp(2, Timestamp.from(clock.instant()));
        update.setString(3, source);
        update.setString(4, stream);
        updated = update.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement insert =
            c.prepareStatement(
                "insert into source_checkpoint (source, stream, cursor_at, updated_at)"
                    + " values (?, ?, ?, ?)")) {
          insert.setString(1, source);
          insert.setString(2, stream);
          insert.setString(3, cursor);
          insert.setTimestamp(4, Timestamp.from(clock.instant()));
          insert.executeUpdate();
        }
      }
      StoreDurability.sync(c);
    } catch (SQLException e) {
      throw new IllegalStateException("checkpoint not saved: " + e.getMessage(), e);
    }
  }
}
