package io.podometer.connectors.csv;

import static io.podometer.connectors.csv.CsvColumn.optional;
import static io.podometer.connectors.csv.CsvColumn.required;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of CSV file Podometer reads, each with its columns (README, "CSV sources", documents
 * their formats). A column not listed is refused: a misspelt header must not drop its data.
 */
public enum CsvKind {
  DEPLOYMENTS(
      "deployments",
      required("deployment_id"),
      required("service"),
      required("environment"),
      required("status"),
      required("finished_at"),
      optional("started_at"),
      optional("sha"),
      optional("rollback_of"),
      optional("repo"),
      optional("labels")),
  INCIDENTS(
      "incidents",
      required("incident_id"),
      required("service"),
      required("opened_at"),
      optional("resolved_at"),
      optional("severity"),
      optional("title"),
      optional("caused_by_deployment"),
      optional("caused_by_sha")),
  MEETINGS(
      "meetings",
      required("member"),
      // one of week and week_start on every row: checked by the row, not the header
      optional("week"),
      optional("week_start"),
      required("hours"),
      optional("reported_at")),
  MEMBERS(
      "members",
      required("member_id"),
      optional("name"),
      optional("emails"),
      optional("logins"),
      optional("telemetry_ids"),
      optional("role"),
      optional("level"),
      optional("pod"),
      optional("pillar"),
      optional("from"));

  private final String wireName;
  private final List<CsvColumn> columns;

  CsvKind(String wireName, CsvColumn... columns) {
    this.wireName = wireName;
    this.columns = List.of(columns);
  }

  /** The name in URLs and on the command line: {@code deployments}, {@code members}, … */
  public String wireName() {
    return wireName;
  }

  public List<CsvColumn> columns() {
    return columns;
  }

  /** Whether importing the kind changes the organization model rather than adding events. */
  public boolean changesOrgModel() {
    return this == MEMBERS;
  }

  public static Optional<CsvKind> of(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.wireName.equals(wanted)).findFirst();
  }

  public static String allNames() {
    return Arrays.stream(values()).map(CsvKind::wireName).collect(Collectors.joining(", "));
  }
}
