package io.podometer.connectors.otlp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.podometer.connectors.commits.AgentToolNames;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventProblem;
import io.podometer.engine.event.EventType;
import io.podometer.engine.event.SummedField;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An agent's OpenTelemetry export as {@code agent.usage} days: the points of the metrics the {@link
 * UsageMetricMap} names add up per agent, person and day (delta points as they are, cumulative ones
 * as their increases, {@link CumulativeSeries}), and the {@code permission_mode_changed} events to
 * a mode that bypasses permissions count in {@code permissionBypasses}. Each export gives one event
 * per agent, person and day, whose id is a digest of the points behind it: the same export sent
 * again is a duplicate, and the day's fact adds up every distinct export (EVENTS.md). The person is
 * the {@code user.email} (else {@code user.account_uuid}, {@code user.id}) of the point or of its
 * resource; a point without one, with a negative or non-finite value, or out of the contract's time
 * range is rejected and counted, as OTLP's partial success reports it.
 */
public final class OtlpUsage {

  /** The identity attributes, strongest first. */
  static final List<String> IDENTITY = List.of("user.email", "user.account_uuid", "user.id");

  /** The modes of {@code permission_mode_changed} that let the agent act without asking. */
  static final Set<String> BYPASSING_MODES = Set.of("bypassPermissions");

  private static final String CLAUDE_CODE = "claude_code.";

  /** Where a resource's digest is kept beside its attributes: a series names it, not its text. */
  private static final String RESOURCE_KEY = "\u0000resource";

  /**
   * What an export gave: its events, the points or records rejected (with the first reason), and
   * what to do once the events are stored ({@code commit}: keep its cumulative series' last
   * points).
   */
  public record Read(List<CanonicalEvent> events, long rejected, String problem, Runnable commit) {}

  private final UsageMetricMap names;
  private final CumulativeSeries cumulative;
  private final ZoneId zone;
  private final CanonicalEventBuilder builder = new CanonicalEventBuilder(new EventCodec(), "otlp");

  public OtlpUsage(UsageMetricMap names, CumulativeSeries cumulative, ZoneId zone) {
    this.names = names;
    this.cumulative = cumulative;
    this.zone = zone;
  }

  /** The usage days of a metrics export. */
  public Read metrics(ExportMetricsServiceRequest request) {
    Days days = new Days(cumulative.batch());
    for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
      Map<String, String> resource = attributes(resourceMetrics.getResource().getAttributesList());
      resource.put(RESOURCE_KEY, digest(resource.toString()));
      for (ScopeMetrics scope : resourceMetrics.getScopeMetricsList()) {
        for (Metric metric : scope.getMetricsList()) {
          if (names.names(metric.getName())) {
            read(metric, resource, days);
          }
        }
      }
    }
    return days.events("otlp");
  }

  /** The usage days of a logs export: its agents' security signals and activity. */
  public Read logs(ExportLogsServiceRequest request) {
    Days days = new Days(cumulative.batch());
    for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
      Map<String, String> resource = attributes(resourceLogs.getResource().getAttributesList());
      resource.put(RESOURCE_KEY, digest(resource.toString()));
      for (ScopeLogs scope : resourceLogs.getScopeLogsList()) {
        for (LogRecord record : scope.getLogRecordsList()) {
          read(record, resource, days);
        }
      }
    }
    return days.events("otlp-log");
  }

  private void read(Metric metric, Map<String, String> resource, Days days) {
    switch (metric.getDataCase()) {
      case SUM -> {
        // a sum that may go down (an up-down counter) counts no usage that adds up
        if (!known(metric.getSum().getAggregationTemporality())) {
          unspecified(metric.getName(), metric.getSum().getDataPointsCount(), days);
        } else if (metric.getSum().getIsMonotonic()) {
          numbers(
              metric.getName(),
              resource,
              isDelta(metric.getSum().getAggregationTemporality()),
              metric.getSum().getDataPointsList(),
              days);
        }
      }
      case HISTOGRAM -> {
        if (!known(metric.getHistogram().getAggregationTemporality())) {
          unspecified(metric.getName(), metric.getHistogram().getDataPointsCount(), days);
          return;
        }
        boolean delta = isDelta(metric.getHistogram().getAggregationTemporality());
        for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
          Point at =
              new Point(
                  attributes(point.getAttributesList()),
                  point.getStartTimeUnixNano(),
                  point.getTimeUnixNano());
          point(
              metric.getName(),
              resource,
              at,
              delta,
              point.hasSum() ? point.getSum() : Double.NaN,
              days);
        }
      }
      default -> {
        // gauges (a level, not a count), summaries and exponential histograms carry no counter a
        // usage day adds up
      }
    }
  }

  private void numbers(
      String name,
      Map<String, String> resource,
      boolean delta,
      List<NumberDataPoint> points,
      Days days) {
    for (NumberDataPoint point : points) {
      Point at =
          new Point(
              attributes(point.getAttributesList()),
              point.getStartTimeUnixNano(),
              point.getTimeUnixNano());
      point(name, resource, at, delta, value(point), days);
    }
  }

  /** OTLP says a sum's temporality must be given: without it, its points cannot be counted. */
  private static boolean known(AggregationTemporality temporality) {
    return temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA
        || temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
  }

  private static void unspecified(String metric, int points, Days days) {
    for (int i = 0; i < points; i++) {
      days.reject(metric + ": aggregationTemporality unspecified (delta or cumulative)");
    }
  }

  private static boolean isDelta(AggregationTemporality temporality) {
    return temporality != AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
  }

  /** Where and when a data point is: its attributes, its series' start and its own time. */
  private record Point(Map<String, String> attributes, long startNanos, long timeNanos) {}

  private static double value(NumberDataPoint point) {
    return point.getValueCase() == NumberDataPoint.ValueCase.AS_INT
        ? point.getAsInt()
        : point.getAsDouble();
  }

  private void point(
      String metric,
      Map<String, String> resource,
      Point seen,
      boolean delta,
      double value,
      Days days) {
    Map<String, String> attributes = seen.attributes();
    long startNanos = seen.startNanos();
    long timeNanos = seen.timeNanos();
    String field = names.fieldOf(metric, attributes);
    if (field == null) {
      return;
    }
    String user = identity(attributes, resource);
    if (user == null) {
      days.reject(metric + ": a point names no user.email, user.account_uuid or user.id");
      return;
    }
    String tool = tool(metric, resource);
    if (tool == null) {
      days.reject(metric + ": no agent named (a claude_code.* metric, or service.name)");
      return;
    }
    if (!Double.isFinite(value) || value < 0) {
      days.reject(metric + ": a point's value is " + value + " (a count, 0 or more)");
      return;
    }
    if (timeNanos <= 0) {
      days.reject(metric + ": a point without timeUnixNano");
      return;
    }
    // a digest, not the attributes' text: an export's points hold little whatever its attributes
    String series = digest(metric + attributesKey(attributes) + resource.get(RESOURCE_KEY));
    BigDecimal amount = new BigDecimal(Double.toString(value));
    if (!delta) {
      amount = days.cumulative.increase(series, startNanos, timeNanos, amount);
      if (amount == null) {
        return;
      }
    }
    Instant at = instant(timeNanos);
    days.add(
        tool,
        user,
        LocalDate.ofInstant(at, zone),
        at,
        field,
        amount,
        series + "@" + startNanos + ".." + timeNanos);
  }

  private void read(LogRecord record, Map<String, String> resource, Days days) {
    Map<String, String> attributes = attributes(record.getAttributesList());
    String event = record.getEventName();
    if (event.isEmpty()) {
      event = attributes.getOrDefault("event.name", record.getBody().getStringValue());
    }
    String bare = event.startsWith(CLAUDE_CODE) ? event.substring(CLAUDE_CODE.length()) : event;
    String mode = attributes.getOrDefault("to_mode", attributes.get("mode"));
    // the other events (prompts, tool results, API requests) come every few seconds: the metrics
    // already count what they tell, so only the security signal becomes usage
    if (!bare.equals("permission_mode_changed")
        || mode == null
        || !BYPASSING_MODES.contains(mode)) {
      return;
    }
    String tool = event.startsWith(CLAUDE_CODE) ? "claude_code" : serviceTool(resource);
    long nanos =
        record.getTimeUnixNano() > 0 ? record.getTimeUnixNano() : record.getObservedTimeUnixNano();
    String user = identity(attributes, resource);
    if (user == null || tool == null || nanos <= 0) {
      days.reject(
          event + ": a record names no user.email, user.account_uuid or user.id, agent or time");
      return;
    }
    Instant at = instant(nanos);
    String key =
        digest(event + attributesKey(attributes) + resource.get(RESOURCE_KEY)) + "@" + nanos;
    days.add(
        tool, user, LocalDate.ofInstant(at, zone), at, "permissionBypasses", BigDecimal.ONE, key);
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
  }

  private static String tool(String metric, Map<String, String> resource) {
    return metric.startsWith(CLAUDE_CODE) ? "claude_code" : serviceTool(resource);
  }

  private static String serviceTool(Map<String, String> resource) {
    String service = resource.get("service.name");
    return service == null || service.isBlank() || service.startsWith("unknown_service")
        ? null
        : AgentToolNames.toolId(service);
  }

  private static String identity(Map<String, String> attributes, Map<String, String> resource) {
    for (String name : IDENTITY) {
      String value = attributes.getOrDefault(name, resource.get(name));
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private static Map<String, String> attributes(List<KeyValue> list) {
    Map<String, String> attributes = new TreeMap<>();
    for (KeyValue kv : list) {
      attributes.put(kv.getKey(), text(kv.getValue()));
    }
    return attributes;
  }

  private static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      default -> value.toString().strip();
    };
  }

  /** A short digest of a text (a series' or a record's identity). */
  private static String digest(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String attributesKey(Map<String, String> attributes) {
    return attributes.toString();
  }

  /** The usage of each agent, person and day in one export, and what it rejected. */
  private final class Days {

    private final Map<String, Day> days = new TreeMap<>();
    private final CumulativeSeries.Batch cumulative;

    Days(CumulativeSeries.Batch cumulative) {
      this.cumulative = cumulative;
    }

    private long rejected;
    private String problem;

    void reject(String why) {
      rejected++;
      if (problem == null) {
        problem = why;
      }
    }

    Day day(String tool, String user, LocalDate date) {
      return days.computeIfAbsent(
          tool + "\u0000" + user + "\u0000" + date, k -> new Day(tool, user, date));
    }

    void add(
        String tool,
        String user,
        LocalDate date,
        Instant at,
        String field,
        BigDecimal amount,
        String point) {
      Day day = day(tool, user, date);
      day.counters.merge(field, amount, BigDecimal::add);
      // a change of permission mode is a signal about use, not use
      day.used |= amount.signum() > 0 && !field.equals("permissionBypasses");
      day.seen(at, point);
    }

    Read events(String idPrefix) {
      List<CanonicalEvent> events = new ArrayList<>();
      for (Day day : days.values()) {
        List<EventProblem> problems = new ArrayList<>();
        CanonicalEvent event =
            builder.build(
                idPrefix + ":" + day.tool + ":" + day.user + ":" + day.date + ":" + day.digest(),
                EventType.AGENT_USAGE.wireName(),
                day.latest,
                null,
                null,
                day.data(),
                0,
                problems);
        if (event == null) {
          rejected += day.points.size();
          if (problem == null) {
            problem = problems.get(0).toString();
          }
        } else {
          events.add(event);
        }
      }
      return new Read(List.copyOf(events), rejected, problem, cumulative::commit);
    }
  }

  /** One agent's use by one person on one day, in one export. */
  private static final class Day {
    final String tool;
    final String user;
    final LocalDate date;
    final Map<String, BigDecimal> counters = new TreeMap<>();
    final List<String> points = new ArrayList<>();
    Instant latest = Instant.EPOCH;
    boolean used;

    Day(String tool, String user, LocalDate date) {
      this.tool = tool;
      this.user = user;
      this.date = date;
    }

    void seen(Instant at, String point) {
      points.add(point);
      if (at.isAfter(latest)) {
        latest = at;
      }
    }

    ObjectNode data() {
      ObjectNode data = CanonicalEventBuilder.data();
      data.put("tool", tool);
      data.put("user", user);
      data.put("day", date.toString());
      data.put("period", "part"); // one export: the day adds up its exports
      if (used) {
        data.put("active", true);
      }
      for (SummedField field : EventType.AGENT_USAGE.summedFields()) {
        BigDecimal sum = counters.get(field.name());
        if (sum != null) {
          BigDecimal capped = sum.min(field.cap());
          if (field.integral()) {
            data.put(field.name(), capped.setScale(0, java.math.RoundingMode.HALF_UP).longValue());
          } else {
            data.put(field.name(), capped.doubleValue());
          }
        }
      }
      return data;
    }

    /** A digest of the points behind this day: the same export gives the same id. */
    String digest() {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        points.stream()
            .sorted()
            .forEach(p -> sha.update((p + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest(), 0, 12);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
