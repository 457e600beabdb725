package io.podometer.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmark's PostgreSQL database: opened, and created first when missing. */
final class BenchDatabase {

  private static final String NO_SUCH_DATABASE = "3D000";
  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]*/)([^?]+)(.*)");

  private BenchDatabase() {}

  static Connection open(SqlBenchSettings settings) throws SQLException {
    try {
      return DriverManager.getConnection(
          settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    } catch (SQLException e) {
      if (!NO_SUCH_DATABASE.equals(e.getSQLState())) {
        throw e;
      }
    }
    Matcher url = URL.matcher(settings.dbUrl());
    if (!url.matches()) {
      throw new SQLException("cannot tell the database name in " + settings.dbUrl());
    }
    String name = url.group(2);
    String maintenance = url.group(1) + "postgres" + url.group(3);
    try (Connection admin =
            DriverManager.getConnection(maintenance, settings.dbUser(), settings.dbPassword());
        Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
    } catch (SQLException e) {
      throw new SQLException(
          "database "
              + name
              + " does not exist and "
              + settings.dbUser()
              + " cannot create it ("
              + e.getMessage()
              + "); create it with: su postgres -c \"createdb -O "
              + settings.dbUser()
              + " "
              + name
              + "\"",
          e);
    }
    return DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
  }

  /** The server's version and the settings that weigh on these queries. */
  static String describe(Connection db) throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT current_setting('server_version'), current_setting('shared_buffers'),"
                    + " current_setting('work_mem'),"
                    + " current_setting('max_parallel_workers_per_gather'),"
                    + " current_setting('jit')")) {
      r.next();
      return "PostgreSQL "
          + r.getString(1)
          + ", shared_buffers "
          + r.getString(2)
          + ", work_mem "
          + r.getString(3)
          + ", parallel workers per gather "
          + r.getString(4)
          + ", jit "
          + r.getString(5);
    }
  }
}
