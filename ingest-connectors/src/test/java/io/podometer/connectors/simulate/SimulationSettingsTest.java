package io.podometer.connectors.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-04T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void defaults() {
    SimulationSettings s = SimulationSettings.defaults(CLOCK);
    assertEquals(40, s.engineers());
    assertEquals(26, s.weeks());
    assertEquals(42, s.seed());
    assertEquals(CLOCK, s.clock());
    assertEquals(1000, s.withEngineers(1000).engineers());
    assertEquals(52, s.withWeeks(52).weeks());
    assertEquals(7, s.withSeed(7).seed());
  }

  @Test
  void rejectsBadInputWithAMessageThatSaysWhy() {
    SimulationSettings s = SimulationSettings.defaults(CLOCK);
    assertTrue(
        message(() -> s.withEngineers(3))
            .contains("engineers must be between 12 and 100000, got 3"));
    assertTrue(message(() -> s.withWeeks(0)).contains("weeks must be between 1 and 260, got 0"));
    assertTrue(message(() -> s.withWeeks(261)).contains("got 261"));
    assertTrue(message(() -> s.withClock(null)).contains("clock is required"));
    assertTrue(
        message(() -> s.withClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)))
            .contains("clock must read between"));
  }

  @Test
  void theRangeEndsWithTheClocksWeek() {
    SimulatedRange range = SimulatedRange.of(SimulationSettings.defaults(CLOCK));
    assertEquals(LocalDate.parse("2026-03-02"), range.currentMonday());
    assertEquals(LocalDate.parse("2025-09-08"), range.firstMonday());
    assertEquals(LocalDate.parse("2026-03-04"), range.today());
    assertEquals(25, range.weeksToEnd(range.firstMonday().plusDays(6)));
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }
}
