package io.podometer.engine.figure;

/** How contributions to one (scope, week) cell pool into a figure (roll-ups pool items). */
public enum Aggregation {
  /** Σnum / Σden. */
  RATIO,
  /** |distinct num keys| / |distinct den keys| (e.g. active AI users / active engineers). */
  DISTINCT_RATIO,
  /** Median of the samples, interpolated like PostgreSQL {@code percentile_cont(0.5)}. */
  MEDIAN,
  /** 90th percentile of the samples, interpolated like {@code percentile_cont(0.9)}. */
  P90,
  /** Σnum. */
  SUM,
  /** |distinct num keys| (e.g. deploy days). */
  DISTINCT_COUNT,
  /** Σnum / |distinct den keys| (e.g. merged PRs per active engineer). */
  SUM_PER_DISTINCT,
  /** Largest count of one num key / all num keys counted (e.g. top reviewer's share). */
  TOP_SHARE,
  /** Gini coefficient of num-key counts over the den keys, zeros included. */
  GINI,
  /** Computed from other figures after pooling. */
  DERIVED
}
