package io.podometer.connectors.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a row's events through the same contract as every connector ({@link
 * CanonicalEventBuilder}), and names what the contract refuses by the row's line and the column the
 * field came from.
 */
final class RowEvents {

  private final CanonicalEventBuilder builder;
  private final Map<String, String> columnOfField;

  /**
   * @param columnOfField the column each envelope or data field ({@code id}, {@code
   *     data.finishedAt}) is read from
   */
  RowEvents(CanonicalEventBuilder builder, Map<String, String> columnOfField) {
    this.builder = builder;
    this.columnOfField = columnOfField;
  }

  /** The event, or null after reporting on the row why the contract refuses it. */
  CanonicalEvent build(
      CsvRow row, String id, String type, Instant occurredAt, String repo, ObjectNode data) {
    List<EventProblem> problems = new ArrayList<>();
    CanonicalEvent event =
        builder.build(id, type, occurredAt, repo, null, data, row.line(), problems);
    // a cell may feed two fields (finished_at: occurredAt and data.finishedAt): named once
    java.util.Set<String> named = new java.util.HashSet<>();
    for (EventProblem problem : problems) {
      String field = problem.field();
      String column = columnOfField.get(field.replaceFirst("\\[\\d+]$", ""));
      String rule =
          column == null ? type + " " + field + ": " + problem.reason() : problem.reason();
      if (named.add(column + "\n" + rule)) {
        row.problem(column, rule);
      }
    }
    return event;
  }
}
