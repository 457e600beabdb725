package io.podometer.web.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a large read so that the driver streams it: PostgreSQL fetches rows in chunks only inside a
 * transaction (with a fetch size), so an auto-commit connection is switched to one for the read; a
 * connection already in a transaction (a JTA one) is used as it is.
 */
final class Streaming {

  interface Read {
    void run(Connection connection) throws SQLException;
  }

  private Streaming() {}

  static void read(Connection c, Read read) throws SQLException {
    if (!c.getAutoCommit()) {
      read.run(c);
      return;
    }
    c.setAutoCommit(false);
    try {
      read.run(c);
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
  }
}
