package io.podometer.engine.metric;

import io.podometer.engine.time.IsoWeek;
import java.util.List;

/** The organization's overview figures per week, oldest week first. */
public record WeeklyOverview(
    List<IsoWeek> weeks, List<PodSeries> mergedPrsByPod, List<ShareCell> aiShare) {

  /** Merged PRs per week of one pod, aligned with {@code weeks}. */
  public record PodSeries(String pod, String name, List<Integer> values) {}

  /**
   * A share: {@code num} AI-attributed added lines of {@code den} added lines; {@code value} is
   * null when nothing landed that week; {@code partial} while the week is still in progress.
   */
  public record ShareCell(IsoWeek week, long num, long den, Double value, boolean partial) {}
}
