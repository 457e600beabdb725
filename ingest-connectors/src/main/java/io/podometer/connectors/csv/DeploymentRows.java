package io.podometer.connectors.csv;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.org.OrgModel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A deployments row as one {@code deployment.finished} of id {@code deploy:<service>:<id>}. */
final class DeploymentRows implements CsvEvents.RowMapper {

  private static final Map<String, String> COLUMN_OF_FIELD =
      Map.ofEntries(
          Map.entry("id", "deployment_id"),
          Map.entry("occurredAt", "finished_at"),
          Map.entry("repo", "repo"),
          Map.entry("data.deploymentId", "deployment_id"),
          Map.entry("data.service", "service"),
          Map.entry("data.environment", "environment"),
          Map.entry("data.status", "status"),
          Map.entry("data.finishedAt", "finished_at"),
          Map.entry("data.startedAt", "started_at"),
          Map.entry("data.sha", "sha"),
          Map.entry("data.rollbackOf", "rollback_of"),
          Map.entry("data.labels", "labels"));

  private final RowEvents events;
  private final CsvMoments moments;
  private final OrgModel org;
  private final CsvEvents.Unknown unknownServices = new CsvEvents.Unknown();

  DeploymentRows(CanonicalEventBuilder builder, CsvMoments moments, OrgModel org) {
    this.events = new RowEvents(builder, COLUMN_OF_FIELD);
    this.moments = moments;
    this.org = org;
  }

  @Override
  public List<CanonicalEvent> events(CsvRow row) {
    String id = row.required("deployment_id");
    String service = row.required("service");
    String environment = row.required("environment");
    String status = status(row);
    Instant finished = moments.requiredInstant(row, "finished_at");
    Instant started = moments.instant(row, "started_at");
    if (started != null && finished != null && started.isAfter(finished)) {
      row.problem("started_at", "after finished_at (" + finished + ")");
    }
    if (id == null
        || service == null
        || environment == null
        || status == null
        || finished == null) {
      return List.of();
    }
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("deploymentId", id);
    d.put("service", service);
    d.put("environment", environment);
    d.put("status", status);
    d.put("finishedAt", finished.toString());
    if (started != null) {
      d.put("startedAt", started.toString());
    }
    putIfPresent(d, "sha", row.text("sha"));
    putIfPresent(d, "rollbackOf", row.text("rollback_of"));
    List<String> labels = row.list("labels");
    if (!labels.isEmpty()) {
      ArrayNode array = d.putArray("labels");
      labels.forEach(array::add);
    }
    if (org.service(service).isEmpty()) {
      unknownServices.seen(service, row.line());
    }
    CanonicalEvent event =
        events.build(
            row,
            "deploy:" + service + ":" + id,
            "deployment.finished",
            finished,
            row.text("repo"),
            d);
    return event == null ? List.of() : List.of(event);
  }

  @Override
  public List<String> warnings() {
    return unknownServices.warnings(
        "service", "its deployments count for no pod until the model has a service of that id");
  }

  private static String status(CsvRow row) {
    String status = row.required("status");
    if (status == null) {
      return null;
    }
    String normalized = status.toLowerCase(Locale.ROOT);
    if (!normalized.equals("success") && !normalized.equals("failure")) {
      row.problem("status", "must be success or failure, got '" + status + "'");
      return null;
    }
    return normalized;
  }

  static void putIfPresent(ObjectNode data, String field, String value) {
    if (value != null) {
      data.put(field, value);
    }
  }
}
