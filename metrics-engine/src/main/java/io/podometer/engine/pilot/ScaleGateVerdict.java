package io.podometer.engine.pilot;

import io.podometer.engine.time.IsoWeek;
import java.util.List;

/**
 * A pilot's scale gate in a week: the verdict, each criterion met, missed or not yet known, the
 * weeks it took to reach the adoption criterion, the differences in differences against the pods
 * without a pilot (throughput per engineer; lead time in hours — below zero is faster), and what is
 * missing when the data does not allow a verdict.
 */
public record ScaleGateVerdict(
    String pod,
    IsoWeek week,
    Verdict verdict,
    List<Criterion> criteria,
    Integer weeksToAdoption,
    Double throughputDifferenceInDifferences,
    Double leadTimeDifferenceInDifferences,
    List<String> missing) {

  public enum Verdict {
    VALIDATED("validated"),
    PROMISING("promising"),
    NOT_VALIDATED("not validated"),
    INSUFFICIENT_DATA("insufficient data");

    private final String words;

    Verdict(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /**
   * One criterion: {@code met} is null while it cannot be told yet, with {@code detail} saying why.
   */
  public record Criterion(String id, String rule, Boolean met, String detail) {}

  public ScaleGateVerdict {
    criteria = List.copyOf(criteria);
    missing = List.copyOf(missing);
  }
}
