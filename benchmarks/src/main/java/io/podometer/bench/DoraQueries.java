package io.podometer.bench;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The three DORA figures in plain SQL, as SQL-based tools compute them: one query per figure, each
 * grouping by (ISO week, service) and by ISO week alone for the organization. ISO weeks are read in
 * the organization's time zone; only deployments finished in the weeks asked are read (the index on
 * {@code deployed_at} serves a few weeks; over a whole year the planner rightly scans the table).
 */
final class DoraQueries {

  private static final String WEEK = "'IYYY-\"W\"IW'";

  /**
   * Successful production deployments per week; a service known to a deployment source reads 0 in a
   * week without one, from the week its deployments are known.
   */
  private static final String DEPLOYMENT_FREQUENCY =
      """
      WITH weeks AS (
        SELECT to_char(monday, %1$s) AS week, monday AT TIME ZONE ? AS starts
        FROM generate_series(?::timestamp, ?::timestamp, interval '1 week') AS monday
      ), weekly AS (
        SELECT service, to_char(deployed_at AT TIME ZONE ?, %1$s) AS week, count(*) AS deployments
        FROM deployments
        WHERE successful AND deployed_at >= ? AND deployed_at < ?
        GROUP BY 1, 2
      )
      SELECT s.id AS service, w.week, sum(coalesce(d.deployments, 0))::float8 AS value
      FROM services s
      JOIN weeks w ON s.deployments_known_since <= w.starts
      LEFT JOIN weekly d ON d.service = s.id AND d.week = w.week
      GROUP BY GROUPING SETS ((w.week, s.id), (w.week))
      """
          .formatted(WEEK);

  /**
   * Median hours from each deployed PR's first commit to the deployment that shipped it, in the
   * week of the deployment; PRs of ignored bots and without a known first commit count in none.
   */
  private static final String LEAD_TIME_MEDIAN =
      """
      SELECT service, week,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS value
      FROM (
        SELECT d.service, to_char(d.deployed_at AT TIME ZONE ?, %1$s) AS week,
               greatest(0, extract(epoch FROM d.deployed_at - c.first_commit_at)::float8 / 3600)
                 AS hours
        FROM deployments d
        JOIN deployment_changes dc ON dc.deployment_id = d.id
        JOIN changes c ON c.repo = dc.repo AND c.number = dc.number
        WHERE d.successful AND d.deployed_at >= ? AND d.deployed_at < ?
          AND NOT c.by_ignored_bot AND c.first_commit_at IS NOT NULL
      ) shipped
      GROUP BY GROUPING SETS ((week, service), (week))
      """
          .formatted(WEEK);

  /** Production deployments of the week, successful or not, that failed, over all of them. */
  private static final String CHANGE_FAILURE_RATE =
      """
      SELECT service, week, (count(*) FILTER (WHERE failed))::float8 / count(*) AS value
      FROM (
        SELECT service, to_char(deployed_at AT TIME ZONE ?, %1$s) AS week, failed
        FROM deployments
        WHERE deployed_at >= ? AND deployed_at < ?
      ) production
      GROUP BY GROUPING SETS ((week, service), (week))
      """
          .formatted(WEEK);

  private final Connection db;
  private final String zone;
  private final OffsetDateTime from;
  private final OffsetDateTime to;
  private final LocalDateTime firstMonday;
  private final LocalDateTime lastMonday;

  DoraQueries(Connection db, IsoWeek from, IsoWeek to, ZoneId zone) {
    this.db = db;
    this.zone = postgresZone(zone);
    this.from = from.start(zone).atOffset(ZoneOffset.UTC);
    this.to = to.end(zone).atOffset(ZoneOffset.UTC);
    // local Mondays: generate_series walks them in the zone, AT TIME ZONE places them
    this.firstMonday = from.monday().atStartOfDay();
    this.lastMonday = to.monday().atStartOfDay();
  }

  /** Every figure of the three metrics, for every service and the organization, every week. */
  DoraCells compute() throws SQLException {
    DoraCells cells = new DoraCells();
    try (PreparedStatement q = db.prepareStatement(DEPLOYMENT_FREQUENCY)) {
      q.setString(1, zone);
      q.setObject(2, firstMonday);
      q.setObject(3, lastMonday);
      q.setString(4, zone);
      q.setObject(5, from);
      q.setObject(6, to);
      read(q, MetricId.DEPLOYMENT_FREQUENCY, cells);
    }
    try (PreparedStatement q = db.prepareStatement(LEAD_TIME_MEDIAN)) {
      bindZoneAndRange(q);
      read(q, MetricId.LEAD_TIME_P50_HOURS, cells);
    }
    try (PreparedStatement q = db.prepareStatement(CHANGE_FAILURE_RATE)) {
      bindZoneAndRange(q);
      read(q, MetricId.CHANGE_FAILURE_RATE, cells);
    }
    return cells;
  }

  private void bindZoneAndRange(PreparedStatement q) throws SQLException {
    q.setString(1, zone);
    q.setObject(2, from);
    q.setObject(3, to);
  }

  private static void read(PreparedStatement q, MetricId metric, DoraCells cells)
      throws SQLException {
    try (ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        String service = rows.getString("service");
        ScopeId scope = service == null ? ScopeId.ORG : ScopeId.service(service);
        cells.put(metric, scope, IsoWeek.parse(rows.getString("week")), rows.getDouble("value"));
      }
    }
  }

  /**
   * The zone as PostgreSQL names it. A region id is the same in both; a fixed offset is written
   * POSIX-style, where the sign is inverted (UTC-02:00 is two hours east of Greenwich).
   */
  static String postgresZone(ZoneId zone) {
    ZoneId normalized = zone.normalized();
    if (normalized instanceof ZoneOffset offset) {
      return offset.getTotalSeconds() == 0
          ? "UTC"
          : "UTC" + ZoneOffset.ofTotalSeconds(-offset.getTotalSeconds()).getId();
    }
    return normalized.getId();
  }
}
