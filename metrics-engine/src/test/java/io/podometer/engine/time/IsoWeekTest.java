package io.podometer.engine.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

  @Test
  void weekBasedYearHasWeek53In2026ButNotIn2025() {
    // 2026 starts on a Thursday, so it has 53 ISO weeks; 2027-01-01 (a Friday) is in 2026-W53.
    assertEquals(53, IsoWeek.weeksIn(2026));
    assertEquals(52, IsoWeek.weeksIn(2025));
    assertEquals("2026-W53", IsoWeek.of(LocalDate.of(2027, 1, 1)).toString());
    assertEquals("2026-W01", IsoWeek.of(LocalDate.of(2025, 12, 29)).toString());
    assertTrue(IsoWeek.tryParse("2025-W53").isEmpty());
    assertEquals(LocalDate.of(2026, 12, 28), IsoWeek.parse("2026-W53").monday());
    assertEquals("2027-W01", IsoWeek.parse("2026-W53").plusWeeks(1).toString());
  }

  @Test
  void weeksStartOnMondayInTheOrganizationsZone() {
    // Sunday 23:30 in UTC is already Monday 08:30 in Tokyo: another week there.
    Instant sundayNight = Instant.parse("2026-03-08T23:30:00Z");
    assertEquals("2026-W10", IsoWeek.of(sundayNight, ZoneId.of("UTC")).toString());
    assertEquals("2026-W11", IsoWeek.of(sundayNight, ZoneId.of("Asia/Tokyo")).toString());
    assertEquals(
        Instant.parse("2026-03-08T15:00:00Z"),
        IsoWeek.parse("2026-W11").start(ZoneId.of("Asia/Tokyo")));
  }
}
