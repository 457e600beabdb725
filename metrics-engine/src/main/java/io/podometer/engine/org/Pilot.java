package io.podometer.engine.org;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A pod running an AI-native pilot from {@code start}, compared with the {@code baselineWeeks}
 * weeks before it. {@code successCriteria} are the effective criteria (the defaults with this
 * pilot's overrides applied).
 */
public record Pilot(
    String pod,
    String champion,
    LocalDate start,
    int baselineWeeks,
    PilotCriteria successCriteria) {

  public static final int DEFAULT_BASELINE_WEEKS = 8;

  public Pilot {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(champion, "champion");
    Objects.requireNonNull(start, "start");
    if (baselineWeeks < 1) {
      throw new IllegalArgumentException("baselineWeeks must be at least 1: " + baselineWeeks);
    }
    successCriteria = successCriteria == null ? PilotCriteria.DEFAULTS : successCriteria;
  }

  /** The first day of the baseline window; the window ends the day before {@link #start()}. */
  public LocalDate baselineStart() {
    return start.minusWeeks(baselineWeeks);
  }
}
