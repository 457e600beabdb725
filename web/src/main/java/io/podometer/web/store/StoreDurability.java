package io.podometer.web.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a committed transaction reach the disk before it is acknowledged. PostgreSQL does so at
 * commit. The embedded H2 writes its commits in the background (every half second), so that its
 * housekeeping can compact the file as it goes; a commit that must survive a crash at once (an
 * ingested batch, a changed organization model, a user or token) is followed by {@code CHECKPOINT
 * SYNC}, which writes and syncs everything committed so far.
 */
public final class StoreDurability {

  private StoreDurability() {}

  /** Syncs through a connection of the pool. */
  public static void sync(javax.sql.DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      sync(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot sync the store: " + e.getMessage(), e);
    }
  }

  public static void sync(Connection c) throws SQLException {
    if (c.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2")) {
      try (Statement checkpoint = c.createStatement()) {
        checkpoint.execute("CHECKPOINT SYNC");
      }
    }
  }
}
