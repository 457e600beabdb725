package io.podometer.connectors.otlp;

import io.podometer.engine.event.EventType;
import io.podometer.engine.event.SummedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which agent metric counts as which usage counter of a day: a metric name, optionally only its
 * points with one attribute's value ({@code claude_code.lines_of_code.count[type=added]}). Claude
 * Code's metrics are mapped by default; other agents' metrics of the same shape are added by
 * configuration, e.g. the OpenTelemetry GenAI conventions' {@code
 * gen_ai.client.token.usage=tokens}.
 */
public final class UsageMetricMap {

  /** One mapping: points of {@code metric} (whose {@code attribute} is {@code value}) → field. */
  public record Entry(String metric, String attribute, String value, String field) {

    boolean matches(String name, Map<String, String> attributes) {
      return metric.equals(name) && (attribute == null || value.equals(attributes.get(attribute)));
    }

    @Override
    public String toString() {
      return metric + (attribute == null ? "" : "[" + attribute + "=" + value + "]") + "=" + field;
    }
  }

  /** Claude Code's metrics (its monitoring documentation) as usage counters. */
  public static final List<Entry> CLAUDE_CODE =
      List.of(
          new Entry("claude_code.session.count", null, null, "sessions"),
          new Entry("claude_code.lines_of_code.count", "type", "added", "linesAdded"),
          new Entry("claude_code.lines_of_code.count", "type", "removed", "linesRemoved"),
          new Entry("claude_code.commit.count", null, null, "commits"),
          new Entry("claude_code.pull_request.count", null, null, "pullRequests"),
          new Entry("claude_code.cost.usage", null, null, "costUsd"),
          new Entry("claude_code.token.usage", null, null, "tokens"),
          new Entry("claude_code.code_edit_tool.decision", "decision", "accept", "editAccepts"),
          new Entry("claude_code.code_edit_tool.decision", "decision", "reject", "editRejects"),
          new Entry("claude_code.active_time.total", null, null, "activeSeconds"));

  private static final Set<String> FIELDS =
      EventType.AGENT_USAGE.summedFields().stream()
          .map(SummedField::name)
          .collect(Collectors.toUnmodifiableSet());

  private final List<Entry> entries;

  private UsageMetricMap(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Claude Code's metrics, and {@code more} (blank: none) in the configuration's form. */
  public static UsageMetricMap withClaudeCode(String more) {
    List<Entry> all = new ArrayList<>(CLAUDE_CODE);
    all.addAll(parse(more));
    return new UsageMetricMap(all);
  }

  /**
   * Entries separated by {@code ,} or {@code ;}, each {@code metric=field} or {@code
   * metric[attribute=value]=field}, the field one of the usage counters.
   *
   * @throws IllegalArgumentException naming the entry and the rule it breaks
   */
  public static List<Entry> parse(String spec) {
    List<Entry> entries = new ArrayList<>();
    if (spec == null || spec.isBlank()) {
      return entries;
    }
    for (String raw : spec.split("[,;]")) {
      String text = raw.strip();
      if (text.isEmpty()) {
        continue;
      }
      int equals = text.lastIndexOf('=');
      if (equals <= 0 || equals == text.length() - 1) {
        throw new IllegalArgumentException(
            "\"" + text + "\": expected metric=field or metric[attribute=value]=field");
      }
      String field = text.substring(equals + 1).strip();
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "\"" + text + "\": " + field + " is not a usage counter (one of " + sorted() + ")");
      }
      String metric = text.substring(0, equals).strip();
      String attribute = null;
      String value = null;
      int open = metric.indexOf('[');
      if (open >= 0) {
        int eq = metric.indexOf('=', open);
        if (!metric.endsWith("]") || eq < 0 || open == 0) {
          throw new IllegalArgumentException(
              "\"" + text + "\": expected metric[attribute=value]=field");
        }
        attribute = metric.substring(open + 1, eq).strip();
        value = metric.substring(eq + 1, metric.length() - 1).strip();
        metric = metric.substring(0, open).strip();
      }
      if (metric.isEmpty() || metric.length() > 255 || (attribute != null && attribute.isEmpty())) {
        throw new IllegalArgumentException(
            "\"" + text + "\": a metric name of 1 to 255 characters");
      }
      entries.add(new Entry(metric, attribute, value, field));
    }
    return entries;
  }

  private static String sorted() {
    return FIELDS.stream().sorted().collect(Collectors.joining(", "));
  }

  /** The usage counter a point of {@code metric} counts in, or null when it counts in none. */
  public String fieldOf(String metric, Map<String, String> attributes) {
    for (Entry entry : entries) {
      if (entry.matches(metric, attributes)) {
        return entry.field();
      }
    }
    return null;
  }

  /** Whether any entry names this metric (a metric no entry names is skipped at once). */
  public boolean names(String metric) {
    for (Entry entry : entries) {
      if (entry.metric().equals(metric)) {
        return true;
      }
    }
    return false;
  }

  public List<Entry> entries() {
    return entries;
  }
}
