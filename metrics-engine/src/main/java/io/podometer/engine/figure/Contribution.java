package io.podometer.engine.figure;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.List;

/**
 * One item's part in a figure, for every scope it counts in: a ratio's numerator and denominator, a
 * sample for a percentile, or keys for distinct counts. {@code person} is the member (or identity)
 * behind it, null for facts about things; {@code source} and {@code exactNum} split AI shares by
 * attribution source. Immutable.
 */
public record Contribution(
    MetricId metric,
    IsoWeek week,
    List<ScopeId> scopes,
    double num,
    double den,
    double sample,
    String numKey,
    String denKey,
    String source,
    String tool,
    double exactNum,
    String person,
    Evidence evidence) {

  public static Contribution ratio(
      MetricId metric,
      IsoWeek week,
      List<ScopeId> scopes,
      double num,
      double den,
      String person,
      Evidence evidence) {
    return new Contribution(
        metric, week, scopes, num, den, Double.NaN, null, null, null, null, 0, person, evidence);
  }

  /**
   * A ratio item of an agent's own usage: {@code tool} splits the figure by tool (each tool's own
   * rate where its items carry the den, else its part of the whole).
   */
  public static Contribution ofTool(
      MetricId metric,
      IsoWeek week,
      List<ScopeId> scopes,
      double num,
      double den,
      String tool,
      String person,
      Evidence evidence) {
    return new Contribution(
        metric, week, scopes, num, den, Double.NaN, null, null, null, tool, 0, person, evidence);
  }

  public static Contribution count(
      MetricId metric,
      IsoWeek week,
      List<ScopeId> scopes,
      double amount,
      String person,
      Evidence evidence) {
    return ratio(metric, week, scopes, amount, 0, person, evidence);
  }

  public static Contribution sample(
      MetricId metric,
      IsoWeek week,
      List<ScopeId> scopes,
      double value,
      String person,
      Evidence evidence) {
    return new Contribution(
        metric, week, scopes, 0, 0, value, null, null, null, null, 0, person, evidence);
  }

  /** A distinct-count item: {@code numKey} and/or {@code denKey} may be null. */
  public static Contribution keyed(
      MetricId metric,
      IsoWeek week,
      List<ScopeId> scopes,
      String numKey,
      String denKey,
      String person,
      Evidence evidence) {
    return new Contribution(
        metric, week, scopes, 0, 0, Double.NaN, numKey, denKey, null, null, 0, person, evidence);
  }

  /**
   * The same item with its attribution source, the agent tool behind it (null when unknown) and the
   * exact part of its numerator.
   */
  public Contribution withSource(String source, String tool, double exactNum) {
    return new Contribution(
        metric, week, scopes, num, den, sample, numKey, denKey, source, tool, exactNum, person,
        evidence);
  }

  public boolean hasSample() {
    return !Double.isNaN(sample);
  }
}
