package io.podometer.engine.figure;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.Map;
import java.util.Objects;

/**
 * One figure: {@code value} is null when there is nothing to compute it from, or when it is
 * withheld ({@code withheld} then says why; once {@link #redacted()}, num, den, n and people are
 * gone too, so nothing about the small group is left to add up). {@code n} counts the items behind
 * it; {@code people} is the size of the group behind it (SPEC §8); {@code exact}, {@code bySource}
 * and {@code byTool} (the agent tools named, of lines whose tool is known) split AI shares; {@code
 * tier} is the DORA tier where SPEC gives one; {@code partial} while the week is in progress.
 *
 * <p>Immutable, with a value's equality. A server holds millions of figures: the numbers are kept
 * unboxed (NaN stands for none: no figure is ever not a number) and the AI shares' splits, which
 * few figures have, apart.
 */
public final class Figure {

  private static final double NONE = Double.NaN;

  private final MetricId metric;
  private final ScopeId scope;
  private final IsoWeek week;
  private final double value;
  private final double num;
  private final double den;
  private final int n;
  private final int people;
  private final Split split;
  private final String tier;
  private final String withheld;
  private final boolean partial;

  /** An AI share's exact part and its splits by source and by agent tool. */
  private record Split(double exact, Map<String, Double> bySource, Map<String, Double> byTool) {

    static Split of(Double exact, Map<String, Double> bySource, Map<String, Double> byTool) {
      boolean none =
          exact == null
              && (bySource == null || bySource.isEmpty())
              && (byTool == null || byTool.isEmpty());
      return none
          ? null
          : new Split(exact == null ? NONE : exact, compact(bySource), compact(byTool));
    }

    /** Most splits name one source or tool: one small map instead of a tree (order kept). */
    private static Map<String, Double> compact(Map<String, Double> split) {
      if (split == null || split.isEmpty()) {
        return Map.of();
      }
      if (split.size() == 1) {
        Map.Entry<String, Double> only = split.entrySet().iterator().next();
        if (only.getKey() != null && only.getValue() != null) {
          return Map.of(only.getKey(), only.getValue());
        }
      }
      return split;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Split that
          && same(exact, that.exact)
          && bySource.equals(that.bySource)
          && byTool.equals(that.byTool);
    }

    @Override
    public int hashCode() {
      return Double.hashCode(exact) * 31 + bySource.hashCode() * 7 + byTool.hashCode();
    }
  }

  public Figure(
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
    this(
        metric,
        scope,
        week,
        unboxed(value),
        unboxed(num),
        unboxed(den),
        n,
        people,
        Split.of(exact, bySource, byTool),
        tier,
        withheld,
        partial);
  }

  private Figure(
      MetricId metric,
      ScopeId scope,
      IsoWeek week,
      double value,
      double num,
      double den,
      int n,
      int people,
      Split split,
      String tier,
      String withheld,
      boolean partial) {
    this.metric = metric;
    this.scope = scope;
    this.week = week;
    this.value = value;
    this.num = num;
    this.den = den;
    this.n = n;
    this.people = people;
    this.split = split;
    this.tier = tier;
    this.withheld = withheld;
    this.partial = partial;
  }

  private static double unboxed(Double number) {
    return number == null ? NONE : number;
  }

  private static Double boxed(double number) {
    return Double.isNaN(number) ? null : Doubles.box(number);
  }

  /** Equal as boxed doubles are: bit for bit, so that none equals none. */
  private static boolean same(double a, double b) {
    return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
  }

  public MetricId metric() {
    return metric;
  }

  public ScopeId scope() {
    return scope;
  }

  public IsoWeek week() {
    return week;
  }

  public Double value() {
    return boxed(value);
  }

  public Double num() {
    return boxed(num);
  }

  public Double den() {
    return boxed(den);
  }

  public int n() {
    return n;
  }

  public int people() {
    return people;
  }

  public Double exact() {
    return split == null ? null : boxed(split.exact());
  }

  public Map<String, Double> bySource() {
    return split == null ? Map.of() : split.bySource();
  }

  public Map<String, Double> byTool() {
    return split == null ? Map.of() : split.byTool();
  }

  public String tier() {
    return tier;
  }

  public String withheld() {
    return withheld;
  }

  public boolean partial() {
    return partial;
  }

  public Figure withheld(String reason) {
    return withheld(people, reason);
  }

  /** The figure withheld for a group of {@code groupSize} people. */
  public Figure withheld(int groupSize, String reason) {
    return new Figure(
        metric, scope, week, NONE, NONE, NONE, n, groupSize, null, null, reason, partial);
  }

  /**
   * A withheld figure as it is served and stored: no num, den, item count or group size (each would
   * tell something about the group it hides). Unchanged when not withheld.
   */
  public Figure redacted() {
    if (withheld == null) {
      return this;
    }
    return new Figure(metric, scope, week, NONE, NONE, NONE, 0, 0, null, null, withheld, partial);
  }

  public Figure withTier(String newTier) {
    return new Figure(
        metric, scope, week, value, num, den, n, people, split, newTier, withheld, partial);
  }

  public Figure withPeople(int groupSize) {
    return new Figure(
        metric, scope, week, value, num, den, n, groupSize, split, tier, withheld, partial);
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof Figure that
            && metric == that.metric
            && n == that.n
            && people == that.people
            && partial == that.partial
            && same(value, that.value)
            && same(num, that.num)
            && same(den, that.den)
            && scope.equals(that.scope)
            && week.equals(that.week)
            && Objects.equals(split, that.split)
            && Objects.equals(tier, that.tier)
            && Objects.equals(withheld, that.withheld);
  }

  @Override
  public int hashCode() {
    int hash = metric.hashCode();
    hash = hash * 31 + scope.hashCode();
    hash = hash * 31 + week.hashCode();
    hash = hash * 31 + Double.hashCode(value);
    hash = hash * 31 + Double.hashCode(num);
    hash = hash * 31 + Double.hashCode(den);
    hash = hash * 31 + n;
    hash = hash * 31 + people;
    hash = hash * 31 + Objects.hashCode(split);
    hash = hash * 31 + Objects.hashCode(tier);
    hash = hash * 31 + Objects.hashCode(withheld);
    return hash * 31 + Boolean.hashCode(partial);
  }

  @Override
  public String toString() {
    return "Figure[metric=%s, scope=%s, week=%s, value=%s, num=%s, den=%s, n=%d, people=%d, exact=%s, bySource=%s, byTool=%s, tier=%s, withheld=%s, partial=%s]"
        .formatted(
            metric,
            scope,
            week,
            value(),
            num(),
            den(),
            n,
            people,
            exact(),
            bySource(),
            byTool(),
            tier,
            withheld,
            partial);
  }
}
