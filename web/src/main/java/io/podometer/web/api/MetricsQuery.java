package io.podometer.web.api;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The parameters of a metrics request, checked: each message names the parameter at fault. */
public record MetricsQuery(ScopeId scope, List<MetricId> metrics, IsoWeek from, IsoWeek to) {

  static final int DEFAULT_WEEKS = 26;
  static final int MAX_WEEKS = 260;

  static MetricsQuery parse(
      String scope, List<String> metrics, String from, String to, IsoWeek current) {
    ScopeId scopeId = scope(scope);
    IsoWeek last = to == null || to.isBlank() ? current : week("to", to);
    IsoWeek first =
        from == null || from.isBlank() ? last.plusWeeks(-(DEFAULT_WEEKS - 1)) : week("from", from);
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("from: " + first + " is after to " + last);
    }
    if (first.plusWeeks(MAX_WEEKS - 1).compareTo(last) < 0) {
      throw new IllegalArgumentException("from/to: at most " + MAX_WEEKS + " weeks per request");
    }
    return new MetricsQuery(scopeId, metrics(metrics), first, last);
  }

  public static ScopeId scope(String scope) {
    if (scope == null || scope.isBlank()) {
      throw new IllegalArgumentException("scope: missing (e.g. org, pod:checkout, repo:acme/shop)");
    }
    if (scope.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("scope: must not contain control characters");
    }
    return ScopeId.parse(scope.strip());
  }

  public static IsoWeek week(String parameter, String text) {
    return IsoWeek.tryParse(text.strip())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    parameter + ": '" + text + "' is not an ISO week like 2026-W10"));
  }

  /** Every metric when none is named; repeated or comma-separated ids otherwise. */
  static List<MetricId> metrics(List<String> ids) {
    Set<MetricId> metrics = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    if (ids != null) {
      for (String value : ids) {
        for (String id : value.split(",")) {
          if (!id.isBlank()) {
            MetricId.fromId(id.strip())
                .ifPresentOrElse(metrics::add, () -> unknown.add(id.strip()));
          }
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "metric: unknown " + String.join(", ", unknown) + " (see GET /api/metrics/catalog)");
    }
    return metrics.isEmpty() ? Arrays.asList(MetricId.values()) : List.copyOf(metrics);
  }
}
