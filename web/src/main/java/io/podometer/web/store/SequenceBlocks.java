package io.podometer.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ids from a database sequence whose increment is {@code blockSize}: one {@code nextval} reserves
 * the ids from the value it returns up to the next block, so a batch of thousands of rows asks the
 * database for an id once per block, not once per row. Not thread-safe: one per writer thread.
 */
public final class SequenceBlocks {

  private final String sequence;
  private final int blockSize;
  private long next;
  private long end;

  public SequenceBlocks(String sequence, int blockSize) {
    this.sequence = sequence;
    this.blockSize = blockSize;
  }

  public long next(Connection connection) throws SQLException {
    if (next == end) {
      try (PreparedStatement select =
              connection.prepareStatement("select nextval('" + sequence + "')");
          ResultSet rs = select.executeQuery()) {
        rs.next();
        next = rs.getLong(1);
        end = next + blockSize;
      }
    }
    return next++;
  }
}
