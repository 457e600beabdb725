package io.podometer.engine.figure;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.Map;

/**
 * One figure: {@code value} is null when there is nothing to compute it from, or when it is
 * withheld ({@code withheld} then says why; once {@link #redacted()}, num, den, n and people are
 * gone too, so nothing about the small group is left to add up). {@code n} counts the items behind
 * it; {@code people} is the size of the group behind it (SPEC §8); {@code exact}, {@code bySource}
 * and {@code byTool} (the agent tools named, of lines whose tool is known) split AI shares; {@code
 * tier} is the DORA tier where SPEC gives one; {@code partial} while the week is in progress.
 */
public record Figure(
    MetricId metric,
    ScopeId scope,
    IsoWeek week,
    Double value,
    Double num,
    Double den,
    int n,
    int people,
    Double exact,
    Map<String, Double> bySource,
    Map<String, Double> byTool,
    String tier,
    String withheld,
    boolean partial) {

  public Figure {
    bySource = bySource == null ? Map.of() : bySource;
    byTool = byTool == null ? Map.of() : byTool;
  }

  public Figure withheld(String reason) {
    return withheld(people, reason);
  }

  /** The figure withheld for a group of {@code groupSize} people. */
  public Figure withheld(int groupSize, String reason) {
    return new Figure(
        metric, scope, week, null, null, null, n, groupSize, null, Map.of(), Map.of(), null, reason,
        partial);
  }

  /**
   * A withheld figure as it is served and stored: no num, den, item count or group size (each would
   * tell something about the group it hides). Unchanged when not withheld.
   */
  public Figure redacted() {
    if (withheld == null) {
      return this;
    }
    return new Figure(
        metric, scope, week, null, null, null, 0, 0, null, Map.of(), Map.of(), null, withheld,
        partial);
  }

  public Figure withTier(String newTier) {
    return new Figure(
        metric, scope, week, value, num, den, n, people, exact, bySource, byTool, newTier, withheld,
        partial);
  }

  public Figure withPeople(int groupSize) {
    return new Figure(
        metric, scope, week, value, num, den, n, groupSize, exact, bySource, byTool, tier, withheld,
        partial);
  }
}
