package io.podometer.connectors.simulate;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** The simulated calendar, fixed from one reading of the clock (epoch seconds, UTC). */
record SimulatedRange(long now, LocalDate firstMonday, LocalDate currentMonday, LocalDate today) {

  static SimulatedRange of(SimulationSettings settings) {
    long now = settings.clock().instant().getEpochSecond();
    LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(now, Times.DAY));
    LocalDate currentMonday = Times.mondayOf(today);
    return new SimulatedRange(
        now, currentMonday.minusWeeks(settings.weeks() - 1L), currentMonday, today);
  }

  /** Whole ISO weeks from the week of {@code day} to the current week; 0 in the current week. */
  long weeksToEnd(LocalDate day) {
    return (currentMonday.toEpochDay() - Times.mondayOf(day).toEpochDay()) / 7;
  }

  static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
