package io.podometer.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podometer.engine.event.FactKind;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the engine runs its families side by side: the list's order, each once, failures kept. */
class FamiliesSideBySideTest {

  private static final IsoWeek W10 = IsoWeek.parse("2026-W10");

  @Test
  @Timeout(30)
  void theFamiliesAreStartedInTheListsOrderEachOnce() {
    ConcurrentLinkedQueue<String> started = new ConcurrentLinkedQueue<>();
    List<MetricFamily> families = new ArrayList<>();
    for (String name : List.of("ai", "dora", "flow", "review", "merge-rate", "seats")) {
      families.add(new Recording(name, started, 50, null));
    }
    new MetricsEngine(families, DoraTiers.DEFAULTS).compute(context());
    List<String> order = List.copyOf(started);
    assertEquals(6, order.size(), "each family once: " + order);
    assertEquals(Set.of("ai", "dora", "flow", "review", "merge-rate", "seats"), Set.copyOf(order));
    // the first two taken are the list's first two (halving the list would start "review" second)
    assertEquals(Set.of("ai", "dora"), Set.copyOf(order.subList(0, 2)), order.toString());
  }

  @Test
  @Timeout(30)
  void aFamilysFailureIsThrownOnceTheOthersHaveRun() {
    ConcurrentLinkedQueue<String> started = new ConcurrentLinkedQueue<>();
    List<MetricFamily> families =
        List.of(
            new Recording("ai", started, 0, new IllegalStateException("no such pod: payments")),
            new Recording("dora", started, 50, null),
            new Recording("flow", started, 50, null));
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () -> new MetricsEngine(families, DoraTiers.DEFAULTS).compute(context()));
    assertEquals("no such pod: payments", thrown.getMessage());
    assertEquals(Set.of("ai", "dora", "flow"), Set.copyOf(started));
  }

  private static EngineContext context() {
    return new EngineContext(
        GoldenData.org(GoldenData.engineResource("metric/flow/FlowFamilyTest/org.yaml")),
        FactSet.ofTyped(Map.of()),
        W10,
        W10,
        Instant.parse("2026-03-23T00:00:00Z"));
  }

  /** A family that notes when it starts, takes its time, and emits nothing (or fails). */
  private record Recording(
      String name, ConcurrentLinkedQueue<String> started, long millis, RuntimeException fails)
      implements MetricFamily {

    @Override
    public Set<MetricId> metrics() {
      return Set.of();
    }

    @Override
    public Set<FactKind> reads() {
      return Set.of();
    }

    @Override
    public void contribute(EngineContext context, Consumer<Contribution> out) {
      started.add(name);
      if (fails != null) {
        throw fails;
      }
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
