package io.podometer.bench;

import io.podometer.engine.metric.dora.DeploymentLinkage;
import io.podometer.engine.metric.dora.DeploymentLinkage.LinkedDeployment;
import io.podometer.engine.metric.dora.DeploymentLinkage.ServiceCoverage;
import io.podometer.engine.metric.dora.DeploymentLinkage.ShippedChange;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The tables a SQL-based DORA tool holds once its collectors have run (in the manner of Apache
 * DevLake's deployments, pull requests and deployment commits): production deployments with the
 * failure verdict, the merged PRs that reached production with their first commit, which deployment
 * shipped which PR, and since when each service's deployments are known. Loaded with COPY, then
 * indexed, vacuumed and analyzed as a tool's database would be between collections.
 */
final class DoraTables {

  private static final String SCHEMA =
      """
      DROP TABLE IF EXISTS deployment_changes, changes, deployments, services;
      CREATE TABLE services (
        id text PRIMARY KEY,
        deployments_known_since timestamptz NOT NULL
      );
      CREATE TABLE deployments (
        id text PRIMARY KEY,
        service text NOT NULL,
        environment text NOT NULL,
        deployed_at timestamptz NOT NULL,
        successful boolean NOT NULL,
        failed boolean NOT NULL
      );
      CREATE TABLE changes (
        repo text NOT NULL,
        number integer NOT NULL,
        service text NOT NULL,
        author text,
        by_ignored_bot boolean NOT NULL,
        first_commit_at timestamptz,
        merged_at timestamptz NOT NULL,
        PRIMARY KEY (repo, number)
      );
      CREATE TABLE deployment_changes (
        deployment_id text NOT NULL,
        repo text NOT NULL,
        number integer NOT NULL
      );
      """;

  // after the load: building an index once is cheaper than maintaining it row by row
  private static final String INDEXES =
      """
      ALTER TABLE deployment_changes ADD PRIMARY KEY (deployment_id, repo, number);
      CREATE INDEX deployments_deployed_at ON deployments (deployed_at);
      CREATE INDEX deployments_service_deployed_at ON deployments (service, deployed_at);
      CREATE UNIQUE INDEX deployment_changes_change ON deployment_changes (repo, number);
      """;

  /** Rows loaded per table. */
  record Loaded(int services, int deployments, int changes, int deploymentChanges) {}

  private DoraTables() {}

  static Loaded load(Connection db, DeploymentLinkage linkage, ZoneId zone) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute(SCHEMA);
    }
    Csv services = new Csv();
    for (ServiceCoverage s : linkage.services()) {
      services.row(s.service(), s.deploymentsKnownFrom().start(zone));
    }
    Csv deployments = new Csv();
    Csv changes = new Csv();
    Csv links = new Csv();
    for (LinkedDeployment d : linkage.deployments()) {
      deployments.row(
          d.id(), d.service(), d.environment(), d.finishedAt(), d.successful(), d.failed());
      for (ShippedChange c : d.changes()) {
        // a PR ships with one deployment only: one row each
        changes.row(
            c.repo(),
            c.number(),
            d.service(),
            c.author(),
            c.byIgnoredBot(),
            c.leadTimeStart(),
            c.mergedAt());
        links.row(d.id(), c.repo(), c.number());
      }
    }
    CopyManager copy = new CopyManager(db.unwrap(BaseConnection.class));
    copy(copy, "services (id, deployments_known_since)", services);
    copy(
        copy,
        "deployments (id, service, environment, deployed_at, successful, failed)",
        deployments);
    copy(
        copy,
        "changes (repo, number, service, author, by_ignored_bot, first_commit_at, merged_at)",
        changes);
    copy(copy, "deployment_changes (deployment_id, repo, number)", links);
    try (Statement st = db.createStatement()) {
      st.execute(INDEXES);
    }
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(true); // VACUUM cannot run inside a transaction
    try (Statement st = db.createStatement()) {
      st.execute("VACUUM ANALYZE services, deployments, changes, deployment_changes");
    } finally {
      db.setAutoCommit(autoCommit);
    }
    return new Loaded(services.rows, deployments.rows, changes.rows, links.rows);
  }

  private static void copy(CopyManager copy, String table, Csv csv) throws SQLException {
    try {
      copy.copyIn(
          "COPY " + table + " FROM STDIN (FORMAT csv)", new StringReader(csv.text.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CSV as COPY reads it: an empty unquoted field is NULL, text is always quoted. */
  private static final class Csv {
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    void row(Object... fields) {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          text.append(',');
        }
        Object field = fields[i];
        if (field instanceof String s) {
          text.append('"').append(s.replace("\"", "\"\"")).append('"');
        } else if (field instanceof Instant || field instanceof Number) {
          text.append(field); // ISO-8601 with Z: PostgreSQL reads it as timestamptz
        } else if (field instanceof Boolean b) {
          text.append(b ? 't' : 'f');
        } else if (field != null) {
          throw new IllegalArgumentException("no CSV form for " + field.getClass());
        }
      }
      text.append('\n');
      rows++;
    }
  }
}
