package io.podometer.engine.org;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detector thresholds one pod sets, key by key: detector id ({@code review_bottleneck}) → key
 * ({@code pickupHours}) → value. Values are {@link Integer}, {@link Double}, {@link Boolean} or
 * {@code List<String>}, already checked against the key's type by the loader.
 */
public record ThresholdOverrides(Map<String, Map<String, Object>> byDetector) {

  public static final ThresholdOverrides NONE = new ThresholdOverrides(Map.of());

  public ThresholdOverrides {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    byDetector.forEach((detector, values) -> copy.put(detector, copyValues(values)));
    byDetector = Collections.unmodifiableMap(copy);
  }

  public boolean isEmpty() {
    return byDetector.values().stream().allMatch(Map::isEmpty);
  }

  /** {@code base} with these overrides applied key by key. */
  public DetectorThresholds applyTo(DetectorThresholds base) {
    return isEmpty() ? base : RecordTrees.overlay(base, byDetector);
  }

  private static Map<String, Object> copyValues(Map<String, Object> values) {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> copy.put(key, value instanceof List<?> list ? List.copyOf(list) : value));
    return Collections.unmodifiableMap(copy);
  }
}
