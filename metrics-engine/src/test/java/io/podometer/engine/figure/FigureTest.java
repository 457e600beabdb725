package io.podometer.engine.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A figure keeps its numbers unboxed and its splits apart, and reads back what it was given. */
class FigureTest {

  private static final ScopeId POD = ScopeId.pod("payments");
  private static final IsoWeek WEEK = IsoWeek.parse("2026-W10");

  private static Figure share(Double value, Double exact, Map<String, Double> bySource) {
    return new Figure(
        MetricId.AI_CODE_SHARE,
        POD,
        WEEK,
        value,
        value == null ? null : value * 400,
        value == null ? null : 400.0,
        12,
        6,
        exact,
        bySource,
        Map.of(),
        null,
        null,
        false);
  }

  @Test
  void readsBackWhatItWasGiven() {
    TreeMap<String, Double> bySource = new TreeMap<>(Map.of("trailer", 0.25, "telemetry", 0.125));
    Figure figure = share(0.375, 0.25, bySource);

    assertEquals(0.375, figure.value());
    assertEquals(150.0, figure.num()); // 0.375 × 400
    assertEquals(400.0, figure.den());
    assertEquals(0.25, figure.exact());
    assertEquals(List.of("telemetry", "trailer"), List.copyOf(figure.bySource().keySet()));
    assertEquals(Map.of(), figure.byTool());
    assertEquals(12, figure.n());
    assertEquals(6, figure.people());
  }

  @Test
  void noneStaysNone() {
    Figure figure = share(null, null, null);

    assertNull(figure.value());
    assertNull(figure.num());
    assertNull(figure.den());
    assertNull(figure.exact());
    assertEquals(Map.of(), figure.bySource());
    assertEquals(figure, share(null, null, Map.of()));
  }

  @Test
  void equalWhenEveryPartIsEqual() {
    Figure figure = share(0.5, 0.5, new TreeMap<>(Map.of("trailer", 0.5)));

    assertEquals(figure, share(0.5, 0.5, Map.of("trailer", 0.5)));
    assertEquals(figure.hashCode(), share(0.5, 0.5, Map.of("trailer", 0.5)).hashCode());
    assertNotEquals(figure, share(0.5, null, Map.of("trailer", 0.5)));
    assertNotEquals(figure, share(0.5, 0.5, Map.of("telemetry", 0.5)));
    assertNotEquals(figure, share(0.25, 0.5, Map.of("trailer", 0.5)));
    assertNotEquals(figure, figure.withPeople(7));
    assertNotEquals(figure, figure.withTier("elite"));
    // as boxed doubles compare: 0.0 and -0.0 are two values
    assertNotEquals(share(0.0, null, null), share(-0.0, null, null));
  }

  @Test
  void withheldAndRedactedKeepNothingOfTheGroup() {
    Figure withheld = share(0.5, 0.5, Map.of("trailer", 0.5)).withheld(3, "under the floor");

    assertNull(withheld.value());
    assertEquals(3, withheld.people());
    assertEquals(Map.of(), withheld.bySource());
    Figure redacted = withheld.redacted();
    assertEquals(0, redacted.people());
    assertEquals(0, redacted.n());
    assertEquals("under the floor", redacted.withheld());
    Figure shown = share(0.5, null, null);
    assertSame(shown, shown.redacted());
  }
}
