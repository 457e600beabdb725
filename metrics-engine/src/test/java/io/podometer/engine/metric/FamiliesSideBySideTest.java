package io.podometer.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    CountDownLatch secondStarted = new CountDownLatch(1);
    List<MetricFamily> families = new ArrayList<>();
    // the first waits for the second to start, and the others must find it started: taken in the
    // list's order, the second goes to the other thread at once, and the third is taken only once
    // one of the first two has ended (halving the list starts "review" beside "ai" instead)
    families.add(new Recording("ai", started, secondStarted, null, null, null));
    families.add(new Recording("dora", started, null, secondStarted, null, null));
    for (String name : List.of("flow", "review", "merge-rate", "seats")) {
      families.add(new Recording(name, started, null, null, secondStarted, null));
    }
    new MetricsEngine(families, DoraTiers.DEFAULTS).compute(context());
    List<String> order = List.copyOf(started);
    assertEquals(6, order.size(), "each family once: " + order);
    assertEquals(Set.of("ai", "dora", "flow", "review", "merge-rate", "seats"), Set.copyOf(order));
  }

  @Test
  @Timeout(30)
  void aFamilysFailureIsThrownOnceTheOthersHaveRun() {
    ConcurrentLinkedQueue<String> started = new ConcurrentLinkedQueue<>();
    List<MetricFamily> families =
        List.of(
            new Recording(
                "ai",
                started,
                null,
                null,
                null,
                new IllegalStateException("no such pod: payments")),
            new Recording("dora", started, null, null, null, null),
            new Recording("flow", started, null, null, null, null));
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

  /**
   * A family that notes when it starts, then counts {@code signals} down, waits for {@code awaits}
   * (both optional) and emits nothing, or fails.
   */
  private record Recording(
      String name,
      ConcurrentLinkedQueue<String> started,
      CountDownLatch awaits,
      CountDownLatch signals,
      CountDownLatch after,
      RuntimeException fails)
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
      if (after != null) {
        assertEquals(0, after.getCount(), name + " started before the family it follows");
      }
      if (signals != null) {
        signals.countDown();
      }
      if (fails != null) {
        throw fails;
      }
      if (awaits != null) {
        try {
          assertTrue(
              awaits.await(10, TimeUnit.SECONDS), name + " waited for a family never started");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
