package io.podometer.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.podometer.engine.figure.Figure;
import java.util.Map;

/**
 * One figure as the API shows it. {@code noData}: no connected source covers the scope that week
 * (as opposed to a value of 0); {@code withheld} says why a value is hidden (and then no num, den,
 * n or people are given: each would tell something about the group); {@code partial} while the week
 * is in progress. AI shares carry their {@code exact} part (line-level and agent-authored lines)
 * and their split {@code bySource} and {@code byTool} (lines whose agent tool is known), each a
 * share of the same denominator.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureView(
    String week,
    String from,
    Double value,
    Double num,
    Double den,
    Integer n,
    Integer people,
    Double exact,
    Map<String, Double> bySource,
    Map<String, Double> byTool,
    String tier,
    String withheld,
    Boolean partial,
    Boolean noData) {

  static FigureView of(Figure f) {
    return new FigureView(
        f.week().toString(),
        null,
        finite(f.value()),
        finite(f.num()),
        finite(f.den()),
        f.withheld() == null ? f.n() : null, // a withheld figure tells nothing of its group
        f.withheld() == null ? f.people() : null,
        f.exact(),
        f.bySource().isEmpty() ? null : f.bySource(),
        f.byTool().isEmpty() ? null : f.byTool(),
        f.tier(),
        f.withheld(),
        f.partial() ? Boolean.TRUE : null,
        null);
  }

  /**
   * JSON has no infinity: a value out of range (the contract's limits keep them out of new facts)
   * is shown as no value rather than as a string a page cannot draw.
   */
  private static Double finite(Double value) {
    return value == null || Double.isFinite(value) ? value : null;
  }

  static FigureView total(Figure f, String from) {
    FigureView week = of(f);
    return new FigureView(
        null,
        from,
        week.value,
        week.num,
        week.den,
        week.n,
        week.people,
        week.exact,
        week.bySource,
        week.byTool,
        week.tier,
        week.withheld,
        null,
        null);
  }

  static FigureView noData(String week) {
    return new FigureView(
        week, null, null, null, null, 0, 0, null, null, null, null, null, null, true);
  }
}
