package io.podometer.engine.attribution;

/** Where a change's AI attribution comes from, strongest first (SPEC §5.1). */
public enum AttributionSource {
  LINE,
  TELEMETRY,
  AUTHOR,
  TRAILER,
  DECLARED,
  HUMAN;

  /** Line-level data and agent authorship are exact; the other sources are estimates. */
  public boolean exact() {
    return this == LINE || this == AUTHOR;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
