package io.podometer.engine.live;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import java.util.SortedSet;

/**
 * What a recomputation changed: the figures new or different ({@code upserted}), the cells that no
 * longer have a figure ({@code removed}), the weeks recomputed and how long it took.
 */
public record FigureChanges(
    List<Figure> upserted, List<FigureKey> removed, SortedSet<IsoWeek> weeks, long nanos) {

  public boolean isEmpty() {
    return upserted.isEmpty() && removed.isEmpty();
  }
}
