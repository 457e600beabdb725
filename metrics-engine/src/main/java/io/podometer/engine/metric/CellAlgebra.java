package io.podometer.engine.metric;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which hidden cells the shown ones pin down, and complementary suppression until none is.
 *
 * <p>A week's items of one metric fall into "atoms": the items that count in exactly the same
 * scopes (same pod, pillar, repository, service, bets). Every cell — a pod's figure, a service's —
 * is the sum of its atoms (its num, its den, its item count alike), so every cell shown is a linear
 * equation in the atoms. A hidden cell can be worked out exactly when its sum of atoms is a linear
 * combination of the cells shown (pillar minus its other pods; a pod that works in two repositories
 * minus one of them). Exact arithmetic modulo a large prime decides it.
 *
 * <p>Where a hidden cell can be worked out, one more shown cell near it is hidden (with any shown
 * cell summing the very same atoms): the first, in order of cost (a pod, repository or bet before a
 * pillar, service or STO, those before the organization; then fewer people), whose hiding leaves it
 * unknown; else the cheapest, and again. Cells are numbered in the order they are added, which
 * breaks the last ties, so the same input always gives the same answer.
 */
final class CellAlgebra {

  /** How much it costs to hide a cell: leaves before sums before the top. */
  enum Rank {
    LEAF,
    SUM,
    TOP
  }

  private static final long P = 2_147_483_647L; // 2^31 − 1: products fit in a long
  private static final int CANDIDATES_TRIED = 6;

  private final int atoms;
  private final List<int[]> cells = new ArrayList<>();
  private final List<Rank> ranks = new ArrayList<>();
  private final List<Integer> sizes = new ArrayList<>();
  private final BitSet hidden = new BitSet();
  private final BitSet withholdable = new BitSet();
  // built once every cell is added, on the first question asked
  private Index index;

  CellAlgebra(int atoms) {
    this.atoms = atoms;
  }

  /**
   * A cell.
   *
   * @param cellAtoms the atoms it sums
   * @param isHidden withheld already, or never published (a group no figure shows)
   * @param canWithhold whether it may be hidden to protect another (a published figure)
   * @param size the people behind it
   * @return its number
   */
  int cell(int[] cellAtoms, boolean isHidden, boolean canWithhold, Rank rank, int size) {
    int index = cells.size();
    cells.add(cellAtoms.clone());
    ranks.add(rank);
    sizes.add(size);
    hidden.set(index, isHidden);
    withholdable.set(index, canWithhold);
    return index;
  }

  /** Whether a cell's value follows from the cells shown. */
  boolean solvable(int cell) {
    return cells.get(cell).length > 0 && basis(hidden).spans(cells.get(cell));
  }

  /**
   * Hides further cells until no hidden cell can be worked out.
   *
   * @return the cells hidden to protect others, in the order they were chosen
   */
  List<Integer> complete() {
    List<Integer> chosen = new ArrayList<>();
    BitSet hopeless = new BitSet();
    // hiding more only takes equations away: a cell found safe stays safe
    BitSet safe = new BitSet();
    Basis shown = basis(hidden);
    while (true) {
      int exposed = -1;
      for (int c = hidden.nextSetBit(0); c >= 0; c = hidden.nextSetBit(c + 1)) {
        if (safe.get(c) || hopeless.get(c) || cells.get(c).length == 0) {
          continue;
        }
        if (!shown.spans(cells.get(c))) {
          safe.set(c);
          continue;
        }
        exposed = c;
        break;
      }
      if (exposed < 0) {
        return chosen;
      }
      List<Integer> candidates = candidatesAround(exposed);
      if (candidates.isEmpty()) {
        hopeless.set(exposed); // every cell near it is hidden already or may not be
        continue;
      }
      if (ranks.get(candidates.get(0)) != Rank.TOP) {
        // the top cell only when nothing else is left: several small cells rather than it
        candidates.removeIf(c -> ranks.get(c) == Rank.TOP);
      }
      List<BitSet> units = new ArrayList<>();
      for (int c : candidates) {
        BitSet unit = sameAs(c);
        if (!units.contains(unit)) {
          units.add(unit);
        }
        if (units.size() == CANDIDATES_TRIED) {
          break;
        }
      }
      // the shown cells but every candidate: each trial then adds back all candidates but one
      BitSet withoutAll = (BitSet) hidden.clone();
      units.forEach(withoutAll::or);
      Basis base = basis(withoutAll);
      int pick = 0;
      Basis picked = null;
      for (int i = 0; i < units.size(); i++) {
        Basis trial = base.copy();
        for (int j = 0; j < units.size(); j++) {
          if (j != i) {
            BitSet others = (BitSet) units.get(j).clone();
            others.andNot(units.get(i));
            others.stream().forEach(c -> trial.add(cells.get(c)));
          }
        }
        if (i == 0) {
          picked = trial; // the cheapest, if no trial protects the cell
        }
        if (!trial.spans(cells.get(exposed))) {
          pick = i;
          picked = trial;
          break;
        }
      }
      hidden.or(units.get(pick));
      units.get(pick).stream().forEach(chosen::add);
      shown = picked;
    }
  }

  /**
   * A shown cell with every shown cell summing the same atoms (a pod working alone in its own
   * repository, that repository's service): hiding one of them alone would hide nothing.
   */
  private BitSet sameAs(int cell) {
    BitSet unit = new BitSet();
    for (int c : index().sameAtoms.get(index().classOf[cell])) {
      if (!hidden.get(c) && withholdable.get(c)) {
        unit.set(c);
      }
    }
    return unit;
  }

  /**
   * Shown cells that may be hidden near a cell: those sharing an atom with it, and those sharing an
   * atom with a shown cell that does (its siblings under a pillar or service, the other
   * repositories of a pod working in it) — through the top cell, which touches everything, only
   * when nothing else is near.
   */
  private List<Integer> candidatesAround(int exposed) {
    List<Integer> candidates = candidatesAround(exposed, false);
    if (candidates.isEmpty() || ranks.get(candidates.get(0)) == Rank.TOP) {
      candidates = candidatesAround(exposed, true);
    }
    return candidates;
  }

  private List<Integer> candidatesAround(int exposed, boolean viaTop) {
    BitSet near = near(exposed);
    near.clear(exposed);
    BitSet around = (BitSet) near.clone();
    for (int via = near.nextSetBit(0); via >= 0; via = near.nextSetBit(via + 1)) {
      if (ranks.get(via) == Rank.TOP && !viaTop) {
        continue;
      }
      around.or(near(via));
    }
    around.clear(exposed);
    List<Integer> candidates = new ArrayList<>();
    for (int c = around.nextSetBit(0); c >= 0; c = around.nextSetBit(c + 1)) {
      if (!hidden.get(c) && withholdable.get(c)) {
        candidates.add(c);
      }
    }
    candidates.sort(
        Comparator.comparing((Integer c) -> ranks.get(c))
            .thenComparing(sizes::get)
            .thenComparing(c -> c));
    return candidates;
  }

  /** The cells sharing an atom with a cell (itself included). */
  private BitSet near(int cell) {
    BitSet near = new BitSet();
    for (int a : cells.get(cell)) {
      near.or(index().cellsOfAtom[a]);
    }
    return near;
  }

  private Index index() {
    if (index == null) {
      index = new Index(cells, atoms);
    }
    return index;
  }

  /**
   * What the questions read, built once: the cells by size, the cells of each atom, and the cells
   * that sum the very same atoms.
   */
  private static final class Index {
    final int[] bySize;
    final BitSet[] cellsOfAtom;
    final int[] classOf;
    final List<List<Integer>> sameAtoms = new ArrayList<>();

    Index(List<int[]> cells, int atoms) {
      bySize =
          java.util.stream.IntStream.range(0, cells.size())
              .boxed()
              .sorted(
                  Comparator.comparingInt((Integer c) -> cells.get(c).length).thenComparing(c -> c))
              .mapToInt(Integer::intValue)
              .toArray();
      cellsOfAtom = new BitSet[atoms];
      for (int a = 0; a < atoms; a++) {
        cellsOfAtom[a] = new BitSet();
      }
      Map<BitSet, Integer> classes = new java.util.HashMap<>();
      classOf = new int[cells.size()];
      for (int c = 0; c < cells.size(); c++) {
        BitSet set = new BitSet(atoms);
        for (int a : cells.get(c)) {
          set.set(a);
          cellsOfAtom[a].set(c);
        }
        classOf[c] = classes.computeIfAbsent(set, k -> classes.size());
        if (classOf[c] == sameAtoms.size()) {
          sameAtoms.add(new ArrayList<>());
        }
        sameAtoms.get(classOf[c]).add(c);
      }
    }
  }

  private Basis basis(BitSet hiddenCells) {
    Basis basis = new Basis(atoms);
    // small rows first (pods, repositories before pillars, services, the organization): a sum
    // reduced by its parts is left with little, so the rows stay sparse
    for (int c : index().bySize) {
      if (!hiddenCells.get(c)) {
        basis.add(cells.get(c));
      }
    }
    return basis;
  }

  /**
   * Rows in echelon form, kept sparse: each kept row starts at its own column with a 1. A row is
   * reduced by walking only the columns it touches, smallest first.
   */
  private static final class Basis {
    private final int[][] pivotColumns;
    private final long[][] pivotValues;
    private final long[] scratch;
    private final boolean[] queued;
    private final it.unimi.dsi.fastutil.ints.IntHeapPriorityQueue touched =
        new it.unimi.dsi.fastutil.ints.IntHeapPriorityQueue();

    Basis(int columns) {
      this(new int[columns][], new long[columns][]);
    }

    private Basis(int[][] pivotColumns, long[][] pivotValues) {
      this.pivotColumns = pivotColumns;
      this.pivotValues = pivotValues;
      this.scratch = new long[pivotColumns.length];
      this.queued = new boolean[pivotColumns.length];
    }

    /** The same rows (shared: a kept row never changes), to add more to apart. */
    Basis copy() {
      return new Basis(pivotColumns.clone(), pivotValues.clone());
    }

    void add(int[] ones) {
      int first = reduce(ones);
      if (first < 0) {
        return;
      }
      // the row left: its first column and every column still queued
      List<Integer> rest = new ArrayList<>();
      rest.add(first);
      while (!touched.isEmpty()) {
        int c = touched.dequeueInt();
        queued[c] = false;
        if (scratch[c] != 0) {
          rest.add(c);
        }
      }
      long inverse = scratch[first] == 1 ? 1 : inverse(scratch[first]);
      int[] cols = new int[rest.size()];
      long[] vals = new long[rest.size()];
      for (int i = 0; i < rest.size(); i++) {
        int c = rest.get(i);
        cols[i] = c;
        vals[i] = scratch[c] * inverse % P;
        scratch[c] = 0;
      }
      pivotColumns[first] = cols;
      pivotValues[first] = vals;
    }

    boolean spans(int[] ones) {
      int first = reduce(ones);
      if (first < 0) {
        return true;
      }
      scratch[first] = 0;
      while (!touched.isEmpty()) {
        int c = touched.dequeueInt();
        queued[c] = false;
        scratch[c] = 0;
      }
      return false;
    }

    /**
     * Reduces the row in {@link #scratch}: its first column without a pivot (left out of the queue,
     * which holds the columns after it), or −1 when nothing is left (queue empty).
     */
    private int reduce(int[] ones) {
      for (int a : ones) {
        scratch[a] = 1;
        queued[a] = true;
        touched.enqueue(a);
      }
      while (!touched.isEmpty()) {
        int c = touched.dequeueInt();
        queued[c] = false;
        long factor = scratch[c];
        if (factor == 0) {
          continue;
        }
        int[] cols = pivotColumns[c];
        if (cols == null) {
          return c;
        }
        long[] vals = pivotValues[c];
        for (int k = 0; k < cols.length; k++) {
          int col = cols[k];
          scratch[col] = Math.floorMod(scratch[col] - factor * vals[k] % P, P);
          if (!queued[col] && col != c) {
            queued[col] = true;
            touched.enqueue(col);
          }
        }
        scratch[c] = 0;
      }
      return -1;
    }

    private static long inverse(long value) {
      long result = 1;
      long base = value % P;
      long exponent = P - 2;
      while (exponent > 0) {
        if ((exponent & 1) == 1) {
          result = result * base % P;
        }
        base = base * base % P;
        exponent >>= 1;
      }
      return result;
    }
  }
}
