package io.podometer.engine.metric;

import io.podometer.engine.figure.Aggregation;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.FigurePool;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SPEC §8, disclosure control: a figure withheld under the privacy floor must not be recoverable
 * from figures that are shown. A week's people-derived figures are sums over the same items — the
 * organization of its pillars, a pillar of its pods, a pod of its work in each repository, a
 * service of its repositories, an STO of its bets — so where the figures shown pin a withheld one
 * down, more cells beside it are withheld (complementary suppression, {@link CellAlgebra}). Members
 * in no pod are such a group too when they are fewer than the floor: the organization minus its
 * pods would be them. Metrics are taken in a fixed order, and a cell withheld beside one is
 * withheld (and protected) for every later metric with a withheld cell that week: where two metrics
 * share a numerator or denominator, the cells hidden for the first are hidden for the second, so
 * together they show no more of it than the first alone. Then every withheld figure loses its num,
 * den, item count and group size ({@link Figure#redacted()}). Ranges of weeks are handled where
 * totals are made ({@link RangeTotals}).
 */
final class DisclosureControl {

  /** Why a figure that is itself above the floor is withheld. */
  static final String COMPLEMENT =
      "withheld: shown beside the figures around it, it would reveal a group of fewer than ";

  private final PrivacyFloor floor;
  private final FigurePool pool;
  private final String reason;
  private final boolean complements;
  private final SuppressionMemo memo;

  /**
   * @param complements whether to withhold the figures that would give a withheld one away (else
   *     only redacts: see {@link MetricsEngine#withoutComplements()})
   * @param memo the answers worked out by earlier computations, taken where the input is the same
   */
  DisclosureControl(
      PrivacyFloor floor, FigurePool pool, boolean complements, SuppressionMemo memo) {
    this.floor = floor;
    this.pool = pool;
    this.complements = complements;
    this.memo = memo;
    this.reason = COMPLEMENT + floor.floor() + " people";
  }

  /**
   * Withholds what would reveal a withheld figure, then redacts every withheld figure. Weeks are
   * independent: they are worked out side by side.
   */
  void apply(Map<FigureKey, Figure> figures) {
    int withoutPod = floor.membersWithoutPod();
    // members in no pod are counted in the organization only: the organization minus its pods
    // is them, and under the floor they are a group to protect like a withheld cell
    boolean guardRemainder = withoutPod > 0 && withoutPod < floor.floor();
    List<Figure> withheld =
        pool.peopleDerivedFigures().entrySet().parallelStream()
            .flatMap(week -> protect(week.getKey(), week.getValue(), guardRemainder).stream())
            .toList();
    for (Figure figure : withheld) {
      figures.put(new FigureKey(figure.metric(), figure.scope(), figure.week()), figure);
    }
  }

  /** A week's withheld figures, redacted: those under the floor and those beside them. */
  private List<Figure> protect(
      IsoWeek week, Map<MetricId, Collection<Figure>> byMetric, boolean guardRemainder) {
    List<Figure> withheld = new ArrayList<>();
    // the metrics with a withheld cell this week: only they need protecting
    Map<MetricId, Map<ScopeId, Figure>> guarded = new EnumMap<>(MetricId.class);
    byMetric.forEach(
        (metric, list) -> {
          boolean any = guardRemainder;
          for (Figure figure : list) {
            if (figure.withheld() != null) {
              withheld.add(figure.redacted());
              any |= inModel(figure);
            }
          }
          if (any && complements && metric.aggregation() != Aggregation.DERIVED) {
            Map<ScopeId, Figure> cells = new HashMap<>(list.size() * 2);
            for (Figure figure : list) {
              if (inModel(figure)) {
                cells.put(figure.scope(), figure);
              }
            }
            guarded.put(metric, cells);
          }
        });
    // in a fixed order, each metric also withholds the cells withheld beside earlier ones (and
    // protects them in turn): the cells a metric withholds include every earlier metric's, so a
    // count two metrics share is shown by neither where the first withholds it
    Set<ScopeId> complements = new TreeSet<>();
    Set<List<ScopeId>> lastAtoms = null;
    Set<ScopeId> lastHidden = null;
    for (Map.Entry<MetricId, Map<ScopeId, Figure>> entry : guarded.entrySet()) {
      Map<ScopeId, Figure> cells = entry.getValue();
      Set<List<ScopeId>> atoms = pool.shapes(entry.getKey(), week);
      Set<ScopeId> hidden = hiddenOf(cells);
      // the same items and the same withheld cells as the metric before: its answer holds
      if (!atoms.equals(lastAtoms) || !hidden.equals(lastHidden)) {
        complements.addAll(complementsOf(atoms, cells, complements, guardRemainder));
      }
      lastAtoms = atoms;
      lastHidden = hidden;
      for (ScopeId scope : complements) {
        Figure figure = cells.get(scope);
        if (figure != null && figure.withheld() == null) {
          withheld.add(figure.withheld(figure.people(), reason).redacted());
        }
      }
    }
    return withheld;
  }

  private static Set<ScopeId> hiddenOf(Map<ScopeId, Figure> cells) {
    Set<ScopeId> hidden = new HashSet<>();
    cells.forEach(
        (scope, figure) -> {
          if (figure.withheld() != null) {
            hidden.add(scope);
          }
        });
    return hidden;
  }

  private static boolean inModel(Figure figure) {
    return figure.metric().peopleDerived()
        && figure.metric().aggregation() != Aggregation.DERIVED
        && figure.scope().kind() != ScopeKind.MEMBER;
  }

  /** The cells to withhold beside a metric's withheld ones in a week. */
  private List<ScopeId> complementsOf(
      Set<List<ScopeId>> atoms,
      Map<ScopeId, Figure> cells,
      Set<ScopeId> alreadyChosen,
      boolean guardRemainder) {
    List<ScopeId> scopes = new ArrayList<>(cells.keySet());
    scopes.sort(null); // the same order whatever the map's: the same answer
    return memo.answer(
        SuppressionMemo.Fingerprint.of(atoms, scopes, cells, alreadyChosen, guardRemainder),
        () -> workedOut(atoms, scopes, cells, alreadyChosen, guardRemainder));
  }

  private static List<ScopeId> workedOut(
      Set<List<ScopeId>> atoms,
      List<ScopeId> scopes,
      Map<ScopeId, Figure> cells,
      Set<ScopeId> alreadyChosen,
      boolean guardRemainder) {
    Map<ScopeId, IntArrayList> atomsOf = new HashMap<>();
    IntArrayList withoutPod = new IntArrayList();
    int index = 0;
    for (List<ScopeId> atom : atoms) {
      boolean inPod = false;
      for (ScopeId scope : atom) {
        atomsOf.computeIfAbsent(scope, s -> new IntArrayList()).add(index);
        inPod |= scope.kind() == ScopeKind.POD;
      }
      if (!inPod) {
        withoutPod.add(index);
      }
      index++;
    }
    CellAlgebra algebra = new CellAlgebra(atoms.size());
    for (ScopeId scope : scopes) {
      Figure figure = cells.get(scope);
      IntArrayList of = atomsOf.get(scope);
      algebra.cell(
          of == null ? new int[0] : of.toIntArray(),
          figure.withheld() != null || alreadyChosen.contains(scope),
          true,
          rankOf(scope.kind()),
          figure.people());
    }
    if (guardRemainder && !withoutPod.isEmpty()) {
      // members in no pod: never shown, and under the floor
      algebra.cell(withoutPod.toIntArray(), true, false, CellAlgebra.Rank.TOP, 0);
    }
    List<ScopeId> chosen = new ArrayList<>();
    for (int cell : algebra.complete()) {
      chosen.add(scopes.get(cell));
    }
    return chosen;
  }

  private static CellAlgebra.Rank rankOf(ScopeKind kind) {
    return switch (kind) {
      case POD, REPO, BET -> CellAlgebra.Rank.LEAF;
      case ORG -> CellAlgebra.Rank.TOP;
      default -> CellAlgebra.Rank.SUM;
    };
  }
}
