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

  @Test
  void theArithmeticAgreesWithJavaTimeOnEveryDayOfThreeCenturies() {
    // the weeks are computed from day numbers; java.time's IsoFields is the reference
    for (LocalDate day = LocalDate.of(1900, 1, 1);
        day.isBefore(LocalDate.of(2200, 1, 1));
        day = day.plusDays(1)) {
      IsoWeek week = IsoWeek.of(day);
      assertEquals(day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR), week.weekBasedYear());
      assertEquals(day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR), week.week());
      LocalDate monday = day.with(java.time.DayOfWeek.MONDAY);
      assertEquals(monday, week.monday(), day.toString());
    }
    for (int year = 1900; year < 2200; year++) {
      assertEquals(
          LocalDate.of(year, 12, 28).get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR),
          IsoWeek.weeksIn(year),
          "weeks in " + year);
    }
  }

  @Test
  void steppingPrintingAndStartingAgreeWithJavaTimeAcrossTheWeeksKeptAhead() {
    // weeks of 1970-2199 are made once and stepped through by their count: every Monday from
    // 1960 to 2210 (both edges of those years) is checked against java.time
    java.time.ZoneOffset newYork = java.time.ZoneOffset.ofHours(-5);
    ZoneId utc = ZoneId.of("UTC");
    ZoneId paris = ZoneId.of("Europe/Paris");
    for (LocalDate monday = LocalDate.of(1960, 1, 4);
        monday.isBefore(LocalDate.of(2210, 1, 1));
        monday = monday.plusWeeks(1)) {
      IsoWeek week = IsoWeek.of(monday);
      assertEquals(
          String.format(
              "%04d-W%02d",
              monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
              monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
          week.toString());
      for (int step : new int[] {-60, -1, 1, 53, 60}) {
        assertEquals(IsoWeek.of(monday.plusWeeks(step)), week.plusWeeks(step), week + " " + step);
      }
      assertEquals(monday.atStartOfDay(newYork).toInstant(), week.start(newYork));
      assertEquals(monday.atStartOfDay(utc).toInstant(), week.start(utc));
      assertEquals(monday.atStartOfDay(paris).toInstant(), week.start(paris));
      assertEquals(monday.plusWeeks(1).atStartOfDay(newYork).toInstant(), week.end(newYork));
    }
  }

  @Test
  void anInstantsWeekIsItsLocalDaysWeekInEveryZone() {
    java.util.Random random = new java.util.Random(7);
    java.util.List<ZoneId> zones =
        java.util.List.of(
            ZoneId.of("UTC"),
            java.time.ZoneOffset.ofHours(-12),
            java.time.ZoneOffset.ofHoursMinutes(5, 45),
            ZoneId.of("America/St_Johns"),
            ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("Europe/Berlin"));
    for (int i = 0; i < 100_000; i++) {
      // 1950..2150, including instants before 1970
      Instant instant = Instant.ofEpochSecond(random.nextLong(-631_152_000L, 5_680_281_600L));
      ZoneId zone = zones.get(i % zones.size());
      assertEquals(
          IsoWeek.of(instant.atZone(zone).toLocalDate()),
          IsoWeek.of(instant, zone),
          instant + " " + zone);
    }
  }

  @Test
  void weeksMoveForwardAndBackAcrossYears() {
    IsoWeek week = IsoWeek.parse("2020-W01");
    for (int n = -600; n <= 600; n++) {
      IsoWeek moved = week.plusWeeks(n);
      assertEquals(week.monday().plusWeeks(n), moved.monday(), "2020-W01 + " + n);
    }
  }
}
