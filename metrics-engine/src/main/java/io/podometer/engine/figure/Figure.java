package io.podometer.engine.figure;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.Map;

/**
 * One figure: {@code value} is null when there is nothing to compute it from, or when it is
 * withheld ({@code withheld} then says why, and num/den are null too). {@code n} counts the items
 * behind it; {@code people} is the size of the group behind it (SPEC §8); {@code exact} and {@code
 * bySource} split AI shares; {@code tier} is the DORA tier where SPEC gives one; {@code partial}
 * while the week is in progress.
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
    String tier,
    String withheld,
    boolean partial) {

  public Figure withheld(String reason) {
    return withheld(people, reason);
  }

  /** The figure withheld for a group of {@code groupSize} people. */
  public Figure withheld(int groupSize, String reason) {
    return new Figure(
        metric, scope, week, null, null, null, n, groupSize, null, Map.of(), null, reason, partial);
  }

  public Figure withTier(String newTier) {
    return new Figure(
        metric, scope, week, value, num, den, n, people, exact, bySource, newTier, withheld,
        partial);
  }

  public Figure withPeople(int groupSize) {
    return new Figure(
        metric, scope, week, value, num, den, n, groupSize, exact, bySource, tier, withheld,
        partial);
  }
}
