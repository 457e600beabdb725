package io.podometer.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.metric.CellAlgebra.Rank;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CellAlgebraTest {

  @Test
  void aLoneWithheldPodTakesItsSmallestVisibleSiblingWithIt() {
    // atoms: 0 = pod a's items, 1 = pod b's, 2 = pod c's. pillar = a + b + c with a withheld:
    // pillar − b − c = a. Hiding c (4 people, fewer than b's 7) leaves pillar − b = a + c
    CellAlgebra algebra = new CellAlgebra(3);
    algebra.cell(new int[] {0, 1, 2}, false, true, Rank.SUM, 13);
    int a = algebra.cell(new int[] {0}, true, true, Rank.LEAF, 2);
    algebra.cell(new int[] {1}, false, true, Rank.LEAF, 7);
    int c = algebra.cell(new int[] {2}, false, true, Rank.LEAF, 4);
    assertTrue(algebra.solvable(a));
    assertEquals(List.of(c), algebra.complete());
    assertFalse(algebra.solvable(a));
    assertFalse(algebra.solvable(c));
  }

  @Test
  void aPodWorkingInTwoRepositoriesGivesAwayTheOneWithheld() {
    // atoms: 0 = identity's work in identity-api, 1 = identity's work in identity-worker (only 2
    // people: withheld), 2 = search's work in search. identity − identity-api = identity-worker.
    // Around the worker: identity (shares its items) and identity-api (shares identity's); the
    // repository is cheaper than the pod (4 people, 5) and hiding it is enough:
    // identity = api + worker no longer splits
    CellAlgebra algebra = new CellAlgebra(3);
    algebra.cell(new int[] {0, 1, 2}, false, true, Rank.TOP, 11);
    algebra.cell(new int[] {0, 1}, false, true, Rank.LEAF, 5);
    algebra.cell(new int[] {2}, false, true, Rank.LEAF, 6);
    int api = algebra.cell(new int[] {0}, false, true, Rank.LEAF, 4);
    int worker = algebra.cell(new int[] {1}, true, true, Rank.LEAF, 2);
    algebra.cell(new int[] {2}, false, true, Rank.LEAF, 6);
    assertTrue(algebra.solvable(worker));
    assertEquals(List.of(api), algebra.complete());
    assertFalse(algebra.solvable(worker));
  }

  @Test
  void aServiceOfOneRepositoryGoesWithIt() {
    // atoms: 0 = work in repo r (withheld), 1 = in repo s. Service S holds r alone: S = r, so S is
    // hidden too; and the organization S + T, T = s: then org − T = S, so s (or T) goes as well
    CellAlgebra algebra = new CellAlgebra(2);
    algebra.cell(new int[] {0, 1}, false, true, Rank.TOP, 20);
    int serviceR = algebra.cell(new int[] {0}, false, true, Rank.SUM, 3);
    int serviceS = algebra.cell(new int[] {1}, false, true, Rank.SUM, 17);
    int r = algebra.cell(new int[] {0}, true, true, Rank.LEAF, 2);
    int s = algebra.cell(new int[] {1}, false, true, Rank.LEAF, 17);
    List<Integer> chosen = algebra.complete();
    assertTrue(chosen.contains(serviceR), chosen.toString());
    assertTrue(chosen.contains(s) || chosen.contains(serviceS), chosen.toString());
    assertFalse(algebra.solvable(r));
  }

  @Test
  void aSmallUnpublishedGroupIsProtectedLikeAWithheldCell() {
    // atoms: 0 = pod A, 1 = pod B, 2 = two members in no pod (never published, cannot be hidden
    // further). org − A − B would be them: the smaller pod, A, is hidden
    CellAlgebra algebra = new CellAlgebra(3);
    algebra.cell(new int[] {0, 1, 2}, false, true, Rank.TOP, 14);
    int a = algebra.cell(new int[] {0}, false, true, Rank.LEAF, 5);
    algebra.cell(new int[] {1}, false, true, Rank.LEAF, 7);
    int remainder = algebra.cell(new int[] {2}, true, false, Rank.TOP, 0);
    assertEquals(List.of(a), algebra.complete());
    assertFalse(algebra.solvable(remainder));
  }

  /**
   * Random weeks of items across pods (in pillars), repositories (in services) and bets (an item in
   * none, one or two): the algebra agrees with an independent rank computation on which cells can
   * be worked out, and after completion none can.
   */
  @Test
  void noHiddenCellCanBeWorkedOutAfterCompletion() {
    Random random = new Random(20261203);
    for (int round = 0; round < 300; round++) {
      int pods = 2 + random.nextInt(5);
      int repos = 2 + random.nextInt(6);
      int bets = random.nextInt(3);
      int pillars = 1 + random.nextInt(2);
      int services = 1 + random.nextInt(3);
      List<TreeSet<Integer>> cellsOfAtom = new ArrayList<>();
      // cells: 0 org, pillars, pods, services, repos, bets
      int firstPillar = 1;
      int firstPod = firstPillar + pillars;
      int firstService = firstPod + pods;
      int firstRepo = firstService + services;
      int firstBet = firstRepo + repos;
      int cellCount = firstBet + bets;
      for (int i = 0; i < 4 + random.nextInt(12); i++) {
        TreeSet<Integer> in = new TreeSet<>();
        in.add(0);
        int pod = random.nextInt(pods);
        in.add(firstPod + pod);
        in.add(firstPillar + pod % pillars);
        int repo = random.nextInt(repos);
        in.add(firstRepo + repo);
        in.add(firstService + repo % services);
        for (int b = 0; b < bets; b++) {
          if (random.nextBoolean()) {
            in.add(firstBet + b);
          }
        }
        cellsOfAtom.add(in);
      }
      List<int[]> cells = new ArrayList<>();
      for (int c = 0; c < cellCount; c++) {
        List<Integer> atoms = new ArrayList<>();
        for (int a = 0; a < cellsOfAtom.size(); a++) {
          if (cellsOfAtom.get(a).contains(c)) {
            atoms.add(a);
          }
        }
        cells.add(atoms.stream().mapToInt(Integer::intValue).toArray());
      }
      boolean[] hidden = new boolean[cellCount];
      CellAlgebra algebra = new CellAlgebra(cellsOfAtom.size());
      for (int c = 0; c < cellCount; c++) {
        hidden[c] = c >= firstPod && random.nextInt(4) == 0;
        Rank rank =
            c == 0
                ? Rank.TOP
                : c < firstPod || (c >= firstService && c < firstRepo) ? Rank.SUM : Rank.LEAF;
        algebra.cell(cells.get(c), hidden[c], true, rank, 1 + random.nextInt(20));
      }
      for (int c = 0; c < cellCount; c++) {
        if (hidden[c] && cells.get(c).length > 0) {
          assertEquals(
              Rank2.spanned(cells, hidden, c, cellsOfAtom.size()),
              algebra.solvable(c),
              "round " + round + ", cell " + c);
        }
      }
      for (int c : algebra.complete()) {
        hidden[c] = true;
      }
      for (int c = 0; c < cellCount; c++) {
        if (hidden[c] && cells.get(c).length > 0) {
          assertFalse(
              Rank2.spanned(cells, hidden, c, cellsOfAtom.size()),
              "round " + round + ", cell " + c + " can still be worked out");
        }
      }
    }
  }

  /** Dense Gaussian elimination over the rationals, as doubles with partial pivoting. */
  private static final class Rank2 {
    static boolean spanned(List<int[]> cells, boolean[] hidden, int target, int atoms) {
      List<double[]> rows = new ArrayList<>();
      for (int c = 0; c < cells.size(); c++) {
        if (!hidden[c]) {
          rows.add(row(cells.get(c), atoms));
        }
      }
      int rank = rank(rows, atoms);
      rows.add(row(cells.get(target), atoms));
      return rank(rows, atoms) == rank;
    }

    private static double[] row(int[] ones, int atoms) {
      double[] row = new double[atoms];
      for (int a : ones) {
        row[a] = 1;
      }
      return row;
    }

    private static int rank(List<double[]> original, int columns) {
      List<double[]> rows = new ArrayList<>();
      original.forEach(r -> rows.add(r.clone()));
      int rank = 0;
      for (int col = 0; col < columns && rank < rows.size(); col++) {
        int pivot = rank;
        for (int r = rank; r < rows.size(); r++) {
          if (Math.abs(rows.get(r)[col]) > Math.abs(rows.get(pivot)[col])) {
            pivot = r;
          }
        }
        if (Math.abs(rows.get(pivot)[col]) < 1e-9) {
          continue;
        }
        double[] top = rows.get(pivot);
        rows.set(pivot, rows.get(rank));
        rows.set(rank, top);
        for (int r = rank + 1; r < rows.size(); r++) {
          double factor = rows.get(r)[col] / top[col];
          for (int c = col; c < columns; c++) {
            rows.get(r)[c] -= factor * top[c];
          }
        }
        rank++;
      }
      return rank;
    }
  }
}
