package io.podometer.bench;

import io.podometer.bench.DoraCells.Cell;
import io.podometer.engine.figure.MetricId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's cells against the SQL ones: the same set of cells, each value equal within {@code
 * tolerance}. A cell the engine withheld under the privacy floor is compared with nothing: SQL has
 * no privacy floor and shows it.
 */
record CellComparison(Map<MetricId, Integer> compared, int withheld, List<String> differences) {

  private static final Comparator<Cell> ORDER =
      Comparator.comparing(Cell::metric).thenComparing(Cell::week).thenComparing(Cell::scope);

  static CellComparison of(DoraCells engine, DoraCells sql, double tolerance) {
    Map<MetricId, Integer> compared = new EnumMap<>(MetricId.class);
    List<Cell> differing = new ArrayList<>();
    for (Map.Entry<Cell, Double> e : engine.values().entrySet()) {
      Double other = sql.values().get(e.getKey());
      if (other == null || !(Math.abs(e.getValue() - other) <= tolerance)) {
        differing.add(e.getKey());
      } else {
        compared.merge(e.getKey().metric(), 1, Integer::sum);
      }
    }
    int withheld = 0;
    for (Cell cell : sql.values().keySet()) {
      if (engine.withheld().contains(cell)) {
        withheld++;
      } else if (!engine.values().containsKey(cell)) {
        differing.add(cell);
      }
    }
    differing.sort(ORDER);
    List<String> differences = new ArrayList<>(differing.size());
    for (Cell cell : differing) {
      differences.add(
          String.format(
              Locale.ROOT,
              "%s: engine %s, SQL %s",
              cell,
              describe(engine, cell),
              describe(sql, cell)));
    }
    return new CellComparison(compared, withheld, differences);
  }

  private static String describe(DoraCells side, Cell cell) {
    Double value = side.values().get(cell);
    if (value != null) {
      return String.format(Locale.ROOT, "%.12g", value);
    }
    return side.withheld().contains(cell) ? "withheld" : "no cell";
  }

  int comparedCells() {
    return compared.values().stream().mapToInt(Integer::intValue).sum();
  }

  boolean equal() {
    return differences.isEmpty();
  }
}
