package io.podometer.connectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.figure.Aggregation;
import io.podometer.engine.figure.CellSummary;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.DoraTiers;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.metric.RangeTotals;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attacker: a leader sees every figure of every pod, pillar, service, repository, bet and STO,
 * week by week and as totals over any range of weeks. On the demo organization (with a privacy
 * floor its smaller pods and most repositories fall under), for each people-derived metric, no
 * withheld weekly figure may be solvable from what is shown.
 *
 * <p>The model the attacker works in: every item of a metric counts in a set of scopes (its pod,
 * pillar, the organization, its repository and service, its bets and their STOs); items with the
 * same set in the same week are one unknown ("atom"). A figure's num, den and item count are the
 * sums over the atoms it covers, so each figure shown is a linear equation; a withheld figure is
 * recovered exactly when its sum of atoms is a combination of the equations shown. The model does
 * not depend on the values, only on which figures are shown, so one test covers num, den and n.
 */
class DisclosureOnDemoTest {

  private static final int WEEKS = 4;

  static DemoFigures demo;
  static EngineResult result;
  static List<IsoWeek> weeks = new ArrayList<>();

  @BeforeAll
  static void compute() {
    demo = new DemoFigures(40, 12);
    IsoWeek to = IsoWeek.of(DemoFigures.NOW, ZoneOffset.UTC).plusWeeks(-1);
    IsoWeek from = to.plusWeeks(-(WEEKS - 1));
    for (IsoWeek w = from; w.compareTo(to) <= 0; w = w.plusWeeks(1)) {
      weeks.add(w);
    }
    FactSet facts = DemoFigures.fold(demo.events);
    result =
        MetricFamilies.engine()
            .compute(new EngineContext(demo.org, facts, from, to, DemoFigures.NOW));
  }

  @Test
  void noWithheldFigureCanBeSolvedFromWeeksRangesAndTheScopeTree() {
    int withheldSeen = 0;
    int complementsSeen = 0;
    for (MetricId metric : MetricId.values()) {
      if (!metric.peopleDerived() || metric.aggregation() == Aggregation.DERIVED) {
        continue;
      }
      Attack attack = new Attack(metric);
      for (Figure figure : result.figures()) {
        if (figure.metric() == metric
            && figure.withheld() != null
            && attack.inModel(figure.scope())) {
          withheldSeen++;
          if (figure.withheld().contains("beside")) {
            complementsSeen++;
          }
          assertTrue(
              !attack.solvable(figure.scope(), figure.week()),
              metric.id()
                  + " of "
                  + figure.scope()
                  + " in "
                  + figure.week()
                  + " ("
                  + figure.withheld()
                  + ") can be worked out from the figures shown");
        }
      }
    }
    // the demo must exercise the rule: small pods and repositories withheld, and complements
    assertTrue(withheldSeen > 100, "withheld cells: " + withheldSeen);
    assertTrue(complementsSeen > 10, "complements: " + complementsSeen);
  }

  /**
   * The equations a leader can write for one metric, and the test of a withheld cell against them.
   */
  private static final class Attack {

    private final MetricId metric;
    private final Map<String, Integer> atoms = new LinkedHashMap<>();
    private final Map<ScopeId, Map<IsoWeek, Set<Integer>>> cover = new HashMap<>();
    private final Basis basis;

    Attack(MetricId metric) {
      this.metric = metric;
      for (IsoWeek week : weeks) {
        for (Contribution c : result.drilldown(metric, ScopeId.ORG, week)) {
          List<ScopeId> scopes = c.scopes().stream().filter(s -> inModel(s)).sorted().toList();
          int atom = atoms.computeIfAbsent(week + " " + scopes, k -> atoms.size());
          for (ScopeId scope : scopes) {
            cover
                .computeIfAbsent(scope, s -> new HashMap<>())
                .computeIfAbsent(week, w -> new TreeSet<>())
                .add(atom);
          }
        }
      }
      basis = new Basis(atoms.size());
      RangeTotals totals = new RangeTotals(MetricFamilies.engine(), DoraTiers.DEFAULTS);
      for (ScopeId scope : cover.keySet()) {
        for (int a = 0; a < weeks.size(); a++) {
          for (int b = a; b < weeks.size(); b++) {
            Figure shown = a == b ? cell(scope, weeks.get(a)) : total(totals, scope, a, b);
            if (shown != null && shown.withheld() == null) {
              Set<Integer> row = new TreeSet<>();
              for (int w = a; w <= b; w++) {
                row.addAll(cover.get(scope).getOrDefault(weeks.get(w), Set.of()));
              }
              basis.add(row);
            }
          }
        }
      }
    }

    boolean inModel(ScopeId scope) {
      return scope.kind() != ScopeKind.MEMBER;
    }

    boolean solvable(ScopeId scope, IsoWeek week) {
      Set<Integer> target = cover.getOrDefault(scope, Map.of()).getOrDefault(week, Set.of());
      return !target.isEmpty() && basis.spans(target);
    }

    private Figure cell(ScopeId scope, IsoWeek week) {
      return result.figure(metric, scope, week);
    }

    private Figure total(RangeTotals totals, ScopeId scope, int a, int b) {
      EngineContext lookups =
          new EngineContext(
              demo.org, FactSet.ofTyped(Map.of()), weeks.get(a), weeks.get(b), DemoFigures.NOW);
      List<Figure> figures =
          totals.fromWeeks(lookups, scope, List.of(metric), new Cells()).orElseThrow();
      return figures.isEmpty() ? null : figures.get(0);
    }
  }

  /** The weekly cells of the computation, as the server keeps them for range totals. */
  private static final class Cells implements RangeTotals.WeeklyCells {
    @Override
    public Figure figure(MetricId metric, ScopeId scope, IsoWeek week) {
      return result.figure(metric, scope, week);
    }

    @Override
    public CellSummary summary(MetricId metric, ScopeId scope, IsoWeek week) {
      return result
          .summaries()
          .getOrDefault(week, Map.of())
          .getOrDefault(metric, Map.of())
          .get(scope);
    }

    @Override
    public String[] contributors(ScopeId scope, IsoWeek week) {
      return result.contributors().getOrDefault(week, Map.of()).getOrDefault(scope, new String[0]);
    }

    @Override
    public boolean summarized(IsoWeek week) {
      return true;
    }
  }

  /** Rows reduced to echelon form modulo a prime (exact: no rounding decides a rank). */
  private static final class Basis {
    private static final long P = 1_000_000_007L;
    private final int columns;
    private final Map<Integer, long[]> pivots = new HashMap<>();

    Basis(int columns) {
      this.columns = columns;
    }

    void add(Set<Integer> ones) {
      long[] row = reduce(ones);
      for (int c = 0; c < columns; c++) {
        if (row[c] != 0) {
          long inverse = power(row[c], P - 2);
          for (int k = c; k < columns; k++) {
            row[k] = row[k] * inverse % P;
          }
          pivots.put(c, row);
          return;
        }
      }
    }

    boolean spans(Set<Integer> ones) {
      long[] row = reduce(ones);
      for (long v : row) {
        if (v != 0) {
          return false;
        }
      }
      return true;
    }

    private long[] reduce(Set<Integer> ones) {
      long[] row = new long[columns];
      ones.forEach(i -> row[i] = 1);
      for (int c = 0; c < columns; c++) {
        if (row[c] != 0) {
          long[] pivot = pivots.get(c);
          if (pivot != null) {
            long factor = row[c];
            for (int k = c; k < columns; k++) {
              row[k] = Math.floorMod(row[k] - factor * pivot[k] % P, P);
            }
          }
        }
      }
      return row;
    }

    private static long power(long base, long exponent) {
      long out = 1;
      base %= P;
      while (exponent > 0) {
        if ((exponent & 1) == 1) {
          out = out * base % P;
        }
        base = base * base % P;
        exponent >>= 1;
      }
      return out;
    }
  }
}
