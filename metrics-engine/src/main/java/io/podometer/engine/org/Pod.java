package io.podometer.engine.org;

import java.util.Objects;
import java.util.Optional;

/**
 * A cross-functional team. {@code pillar} is null for a pod that belongs to no pillar; {@code
 * thresholdOverrides} holds only the detector keys this pod sets (see {@link
 * OrgModel#thresholdsFor(String)} for the effective values).
 */
public record Pod(String id, String name, String pillar, ThresholdOverrides thresholdOverrides) {

  public Pod {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    thresholdOverrides = thresholdOverrides == null ? ThresholdOverrides.NONE : thresholdOverrides;
  }

  public Optional<String> pillarId() {
    return Optional.ofNullable(pillar);
  }
}
