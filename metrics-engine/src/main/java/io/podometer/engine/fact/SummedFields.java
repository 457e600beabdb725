package io.podometer.engine.fact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.SummedField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a fact that add up over its distinct events ({@link SummedField}): the revisions of
 * one event id fold latest-wins among themselves into that id's contribution, and the contributions
 * are summed — exactly, in decimal, so the sum does not depend on the order the events came in —
 * and capped at the field's limit.
 */
final class SummedFields {

  private SummedFields() {}

  /** The summed fields of these events' types (none for most kinds of fact). */
  static List<SummedField> of(Collection<CanonicalEvent> events) {
    List<SummedField> summed = new ArrayList<>(0);
    for (CanonicalEvent event : events) {
      for (SummedField field : event.type().summedFields()) {
        if (!summed.contains(field)) {
          summed.add(field);
        }
      }
    }
    return summed;
  }

  /** The field saying whether a fact's counters are a whole day's report or the sum of parts. */
  static final String PERIOD = "period";

  /**
   * Whether an event reports a whole day (no {@code period}, or {@code day}) rather than a part of
   * it ({@code part}: one export of a telemetry stream).
   */
  static boolean reportsTheDay(CanonicalEvent event) {
    JsonNode period = event.dataTree().get(PERIOD);
    return period == null || !period.asText().equals("part");
  }

  /**
   * Sets each summed field of {@code fields} to the sum over the events' ids, or removes it when no
   * id carries it. Where a whole day's report is among the events, the day's counters are the
   * reports' and the parts add nothing (two sources of the same activity, e.g. a vendor's daily
   * report and its telemetry, are not added together); {@code period} says which it was. {@code
   * ordered}: the events in application order.
   */
  static void addUp(ObjectNode fields, List<CanonicalEvent> ordered, List<SummedField> summed) {
    List<CanonicalEvent> reports = ordered.stream().filter(SummedFields::reportsTheDay).toList();
    boolean byReports = !reports.isEmpty();
    fields.put(PERIOD, byReports ? "day" : "part");
    Map<String, BigDecimal> sums = contributions(byReports ? reports : ordered, summed);
    for (SummedField field : summed) {
      BigDecimal sum = sums.get(field.name());
      if (sum == null) {
        fields.remove(field.name());
      } else {
        fields.set(field.name(), node(field, sum));
      }
    }
  }

  /**
   * Adds the contributions of {@code ordered} — events whose ids the fact does not hold yet — to
   * the sums already in {@code fields}.
   */
  static void addOnto(ObjectNode fields, List<CanonicalEvent> ordered, List<SummedField> summed) {
    if (ordered.stream().anyMatch(SummedFields::reportsTheDay)) {
      throw new IllegalArgumentException("a day's report replaces the parts: refold");
    }
    if (!fields.path(PERIOD).asText("").equals("part")) {
      // the day is reported whole (a fact folded before parts existed has no period: its events
      // were all whole days): its parts add nothing
      return;
    }
    fields.put(PERIOD, "part");
    Map<String, BigDecimal> sums = contributions(ordered, summed);
    for (SummedField field : summed) {
      BigDecimal more = sums.get(field.name());
      if (more == null) {
        continue;
      }
      JsonNode held = fields.get(field.name());
      BigDecimal sum = held == null || !held.isNumber() ? more : held.decimalValue().add(more);
      fields.set(field.name(), node(field, sum));
    }
  }

  /** Per summed field, the sum over ids of each id's latest value (absent: no id carries it). */
  private static Map<String, BigDecimal> contributions(
      List<CanonicalEvent> ordered, List<SummedField> summed) {
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    for (CanonicalEvent event : ordered) {
      ObjectNode assigned = FactAssignments.of(event);
      ObjectNode contribution =
          byId.computeIfAbsent(event.id(), id -> JsonNodeFactory.instance.objectNode());
      for (SummedField field : summed) {
        JsonNode value = assigned.get(field.name());
        if (value != null && value.isNumber()) {
          contribution.set(field.name(), value);
        }
      }
    }
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    for (ObjectNode contribution : byId.values()) {
      contribution
          .fields()
          .forEachRemaining(
              entry ->
                  sums.merge(entry.getKey(), entry.getValue().decimalValue(), BigDecimal::add));
    }
    return sums;
  }

  private static JsonNode node(SummedField field, BigDecimal sum) {
    BigDecimal capped = sum.min(field.cap());
    return field.integral()
        ? LongNode.valueOf(capped.setScale(0, java.math.RoundingMode.DOWN).longValue())
        : DoubleNode.valueOf(capped.doubleValue());
  }
}
