package io.podometer.connectors.csv;

import static io.podometer.connectors.csv.DeploymentRows.putIfPresent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.org.OrgModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An incidents row as {@code incident.opened} ({@code incident:<id>:opened}) and, when it has a
 * {@code resolved_at}, {@code incident.resolved} ({@code incident:<id>:resolved}).
 */
final class IncidentRows implements CsvEvents.RowMapper {

  private static final Map<String, String> COLUMN_OF_FIELD =
      Map.ofEntries(
          Map.entry("id", "incident_id"),
          Map.entry("data.incidentId", "incident_id"),
          Map.entry("data.service", "service"),
          Map.entry("data.severity", "severity"),
          Map.entry("data.title", "title"),
          Map.entry("data.causedByDeploymentId", "caused_by_deployment"),
          Map.entry("data.causedBySha", "caused_by_sha"));

  private final RowEvents opened;
  private final RowEvents resolved;
  private final CsvMoments moments;
  private final OrgModel org;
  private final CsvEvents.Unknown unknownServices = new CsvEvents.Unknown();

  IncidentRows(CanonicalEventBuilder builder, CsvMoments moments, OrgModel org) {
    this.opened = new RowEvents(builder, withMoment("opened_at"));
    this.resolved = new RowEvents(builder, withMoment("resolved_at"));
    this.moments = moments;
    this.org = org;
  }

  private static Map<String, String> withMoment(String column) {
    Map<String, String> columns = new java.util.HashMap<>(COLUMN_OF_FIELD);
    columns.put("occurredAt", column);
    columns.put("data.at", column);
    return columns;
  }

  @Override
  public List<CanonicalEvent> events(CsvRow row) {
    String id = row.required("incident_id");
    String service = row.required("service");
    Instant openedAt = moments.requiredInstant(row, "opened_at");
    Instant resolvedAt = moments.instant(row, "resolved_at");
    if (openedAt != null && resolvedAt != null && resolvedAt.isBefore(openedAt)) {
      row.problem("resolved_at", "before opened_at (" + openedAt + ")");
      return List.of();
    }
    if (id == null || service == null || openedAt == null) {
      return List.of();
    }
    List<CanonicalEvent> out = new ArrayList<>(2);
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("incidentId", id);
    d.put("service", service);
    d.put("at", openedAt.toString());
    putIfPresent(d, "severity", row.text("severity"));
    putIfPresent(d, "title", row.text("title"));
    putIfPresent(d, "causedByDeploymentId", row.text("caused_by_deployment"));
    putIfPresent(d, "causedBySha", row.text("caused_by_sha"));
    CanonicalEvent open =
        opened.build(row, "incident:" + id + ":opened", "incident.opened", openedAt, null, d);
    if (open != null) {
      out.add(open);
    }
    if (resolvedAt != null) {
      ObjectNode r = CanonicalEventBuilder.data();
      r.put("incidentId", id);
      r.put("at", resolvedAt.toString());
      CanonicalEvent resolve =
          resolved.build(
              row, "incident:" + id + ":resolved", "incident.resolved", resolvedAt, null, r);
      if (resolve != null) {
        out.add(resolve);
      }
    }
    if (org.service(service).isEmpty()) {
      unknownServices.seen(service, row.line());
    }
    return out;
  }

  @Override
  public List<String> warnings() {
    return unknownServices.warnings(
        "service", "its incidents count for no pod until the model has a service of that id");
  }
}
