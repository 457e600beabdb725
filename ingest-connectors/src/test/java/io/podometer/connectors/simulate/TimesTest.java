package io.podometer.connectors.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimesTest {

  @Test
  void formatsInstantsLikeIsoInstantInUtc() {
    Rng r = Rng.of(1);
    for (int i = 0; i < 10_000; i++) {
      long s = r.between(0L, 253_402_300_799L);
      assertEquals(Instant.ofEpochSecond(s).toString(), Times.iso(s));
    }
    assertEquals(
        "2026-03-02T09:00:00Z", Times.iso(Instant.parse("2026-03-02T09:00:00Z").getEpochSecond()));
  }

  @Test
  void weeksAreIsoWeeksOfTheWeekBasedYear() {
    assertEquals("2026-W53", Times.isoWeek(LocalDate.parse("2026-12-31")));
    assertEquals("2026-W53", Times.isoWeek(LocalDate.parse("2027-01-03")));
    assertEquals("2026-W01", Times.isoWeek(LocalDate.parse("2025-12-29")));
    assertEquals("2026-W10", Times.isoWeek(LocalDate.parse("2026-03-04")));
    assertEquals(LocalDate.parse("2026-03-02"), Times.mondayOf(LocalDate.parse("2026-03-08")));
  }
}
