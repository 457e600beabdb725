package io.podometer.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.podometer.web.store.FactTable;
import io.podometer.web.store.RawEventTable;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The statements ingestion runs for every batch find their rows through an index on every column
 * they look up — read from the database's own plan (EXPLAIN), on H2 and on PostgreSQL, not from a
 * timing. A statement that walked a table would make each batch cost more than the one before.
 */
@QuarkusTest
class StorePlansIT {

  @Inject AgroalDataSource dataSource;

  @Test
  void theFoldReadsStoredFactsByPrimaryKey() throws SQLException {
    // the fold and the duplicate check read the touched facts' rows (fields, refs) by row id
    String plan = plan(FactTable.BY_IDS + "?, ?, ?)", 11L, 12L, 13L);
    assertUsesIndex(plan, "fact", "id");
  }

  @Test
  void earlierPayloadsAreReadByTheirSequenceNumber() throws SQLException {
    // a fact refolded with an event older than its newest reads its payloads back by seq
    String plan = plan(RawEventTable.BY_SEQS + "?, ?)", 101L, 102L);
    assertUsesIndex(plan, "raw_event", "seq");
  }

  @Test
  void theNewestFactsOfAKindComeFromTheirIndex() throws SQLException {
    // the facts API's lists and "data as of" walk the (kind, last_occurred_at) index
    String newest =
        plan(
            "select id from fact where kind = ? order by last_occurred_at desc, id"
                + " fetch first 100 rows only",
            "PULL_REQUEST");
    assertUsesIndex(newest, "fact", "kind");
    String asOf = plan("select max(last_occurred_at) from fact where kind = ?", "DEPLOYMENT");
    assertUsesIndex(asOf, "fact", "kind");
  }

  @Test
  void theLastArrivalAtStartIsALookupNotAScan() throws SQLException {
    // asked at every start that serves stored figures: a scan of a year's facts took 8.7 s
    String plan = plan(io.podometer.web.store.FactQueries.LAST_RECEIVED);
    if (plan.toLowerCase(Locale.ROOT).contains("/* public.")) {
      // H2 answers max(seq) from the primary key's ends ("direct lookup"), then looks the row up
      assertTrue(plan.contains("/* direct lookup */"), plan);
      assertTrue(
          plan.toLowerCase(Locale.ROOT)
              .matches("(?s).*/\\* public\\.primary_key_[a-z0-9_]*: seq = .*"),
          plan);
    } else {
      assertUsesIndex(plan, "raw_event", "seq");
    }
  }

  /** The plan of a statement with its parameters bound, as the database prints it. */
  private String plan(String sql, Object... parameters) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean postgres = c.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
      if (postgres) {
        // a few test rows make any table cheap to scan: ask whether an index CAN serve the
        // statement by taking the sequential scan off the table
        try (Statement off = c.createStatement()) {
          off.execute("set enable_seqscan = off");
        }
      }
      try (PreparedStatement explain = c.prepareStatement("explain " + sql)) {
        for (int i = 0; i < parameters.length; i++) {
          explain.setObject(i + 1, parameters[i]);
        }
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = explain.executeQuery()) {
          while (rs.next()) {
            lines.add(rs.getString(1));
          }
        }
        if (postgres) {
          try (Statement on = c.createStatement()) {
            on.execute("set enable_seqscan = on");
          }
        }
        return String.join("\n", lines);
      }
    }
  }

  /**
   * H2 names the index and the condition it serves ({@code PRIMARY_KEY_…: ID IN(…)}, {@code
   * IX_FACT_NEWEST: KIND = ?1}); PostgreSQL says "Index Scan"/"Index Only Scan"/"Bitmap Index Scan"
   * with an Index Cond on the column.
   */
  private static void assertUsesIndex(String plan, String table, String column) {
    String lower = plan.toLowerCase(Locale.ROOT);
    boolean h2 = lower.contains("/* public.");
    if (h2) {
      assertTrue(
          lower.matches("(?s).*/\\* public\\.[a-z0-9_]+: [^*]*\\b" + column + "\\b.*"),
          "an index serves " + column + " of " + table + ":\n" + plan);
      assertTrue(!lower.contains("tablescan") && !lower.contains(".tablescan"), plan);
    } else {
      assertTrue(
          lower.contains("index scan") || lower.contains("index only scan"),
          "an index scan on " + table + ":\n" + plan);
      assertTrue(
          lower.matches("(?s).*index cond: .*\\b" + column + "\\b.*"),
          "the index condition holds " + column + ":\n" + plan);
      assertTrue(!lower.contains("seq scan"), plan);
    }
  }
}
