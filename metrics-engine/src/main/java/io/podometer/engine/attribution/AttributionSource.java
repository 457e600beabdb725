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

  private final String id = name().toLowerCase(java.util.Locale.ROOT);

  public String id() {
    return id;
  }
}
