package io.podometer.engine.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table answers as a plain map of cells to figures would, whichever way figures went in. */
class FigureTableTest {

  private static final ScopeId PAYMENTS = ScopeId.pod("payments");
  private static final ScopeId SEARCH = ScopeId.pod("search");
  private static final IsoWeek W10 = IsoWeek.parse("2026-W10");
  private static final IsoWeek W11 = IsoWeek.parse("2026-W11");

  private static Figure figure(MetricId metric, ScopeId scope, IsoWeek week, double value) {
    return new Figure(
        metric, scope, week, value, null, null, 1, 3, null, Map.of(), Map.of(), null, null, false);
  }

  private static FigureKey key(Figure figure) {
    return new FigureKey(figure.metric(), figure.scope(), figure.week());
  }

  @Test
  void answersAsAMapOfCells() {
    Figure share = figure(MetricId.AI_CODE_SHARE, PAYMENTS, W10, 0.5);
    Figure shareLater = figure(MetricId.AI_CODE_SHARE, PAYMENTS, W11, 0.25);
    Figure frequency = figure(MetricId.DEPLOYMENT_FREQUENCY, SEARCH, W10, 4);
    Map<FigureKey, Figure> expected = new HashMap<>();
    FigureTable table = new FigureTable();
    for (Figure f : List.of(share, shareLater, frequency)) {
      expected.put(key(f), f);
      assertNull(table.put(key(f), f));
    }

    assertEquals(expected, table);
    assertEquals(table, expected);
    assertEquals(3, table.size());
    assertEquals(Set.of(share, shareLater, frequency), new HashSet<>(table.values()));
    assertSame(frequency, table.get(key(frequency)));
    assertNull(table.get(new FigureKey(MetricId.AI_CODE_SHARE, SEARCH, W10)));
    assertNull(table.get("not a key"));
    assertEquals(Set.of(W10, W11), table.weeks());
    assertEquals(Map.of(PAYMENTS, share), table.cells(MetricId.AI_CODE_SHARE, W10));
    assertEquals(
        Map.of(
            MetricId.AI_CODE_SHARE,
            Map.of(PAYMENTS, share),
            MetricId.DEPLOYMENT_FREQUENCY,
            Map.of(SEARCH, frequency)),
        table.week(W10));
    assertEquals(List.of(key(frequency)), table.keysOf(MetricId.DEPLOYMENT_FREQUENCY));
  }

  @Test
  void replacingAFigureKeepsTheCount() {
    Figure first = figure(MetricId.AI_CODE_SHARE, PAYMENTS, W10, 0.5);
    Figure second = figure(MetricId.AI_CODE_SHARE, PAYMENTS, W10, 0.75);
    FigureTable table = new FigureTable();
    table.put(key(first), first);

    assertSame(first, table.put(key(second), second));
    assertEquals(1, table.size());
    assertSame(second, table.get(key(first)));
  }

  @Test
  void groupsFiledWholeCountAndReadLikeFiguresPutOneByOne() {
    Figure payments = figure(MetricId.AI_CODE_SHARE, PAYMENTS, W10, 0.5);
    Figure search = figure(MetricId.AI_CODE_SHARE, SEARCH, W10, 0.25);
    Map<ScopeId, Figure> group = new Object2ObjectOpenHashMap<>();
    group.put(PAYMENTS, payments);
    group.put(SEARCH, search);
    FigureTable table = new FigureTable();
    table.putCells(MetricId.AI_CODE_SHARE, W10, group);
    table.putCells(MetricId.DEPLOYMENT_FREQUENCY, W10, Map.of()); // nothing filed

    assertEquals(Map.of(key(payments), payments, key(search), search), table);
    assertEquals(2, table.size());
    assertEquals(Set.of(W10), table.weeks());
    // a group filed twice would count its cells twice
    assertThrows(
        IllegalStateException.class,
        () -> table.putCells(MetricId.AI_CODE_SHARE, W10, new Object2ObjectOpenHashMap<>(group)));
  }

  @Test
  void removingLeavesNoEmptyGroupBehind() {
    Figure share = figure(MetricId.AI_CODE_SHARE, PAYMENTS, W10, 0.5);
    Figure frequency = figure(MetricId.DEPLOYMENT_FREQUENCY, PAYMENTS, W10, 4);
    Figure frequencyLater = figure(MetricId.DEPLOYMENT_FREQUENCY, PAYMENTS, W11, 2);
    FigureTable table = new FigureTable();
    for (Figure f : List.of(share, frequency, frequencyLater)) {
      table.put(key(f), f);
    }

    assertSame(share, table.remove(key(share)));
    assertNull(table.remove(key(share)));
    assertEquals(2, table.size());
    assertTrue(table.week(W10).keySet().equals(Set.of(MetricId.DEPLOYMENT_FREQUENCY)));
    assertEquals(Set.of(W10, W11), table.weeks());

    table.removeMetric(MetricId.DEPLOYMENT_FREQUENCY);
    assertEquals(0, table.size());
    assertEquals(Set.of(), table.weeks()); // no week left without a figure
    assertTrue(table.isEmpty());
    assertEquals(Map.of(), table);
  }
}
