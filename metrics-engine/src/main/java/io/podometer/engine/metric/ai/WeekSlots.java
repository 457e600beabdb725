package io.podometer.engine.metric.ai;

import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The weeks one computation reads, numbered from 0: a few look-back weeks before the computed range
 * (for windowed figures), then the computed weeks. Maps instants and days to their week's slot in
 * the organization's time zone; -1 means outside. Immutable.
 */
final class WeekSlots {

  private final ZoneId zone;
  private final long firstEpochDay;
  private final IsoWeek[] weeks;
  private final int firstComputed;

  private WeekSlots(ZoneId zone, IsoWeek first, int lookBack, int count) {
    this.zone = zone;
    this.firstEpochDay = first.monday().toEpochDay();
    this.firstComputed = lookBack;
    this.weeks = new IsoWeek[Math.max(count, 0)];
    for (int i = 0; i < weeks.length; i++) {
      weeks[i] = first.plusWeeks(i);
    }
  }

  /** The computed weeks of the context preceded by {@code lookBack} weeks. */
  static WeekSlots of(EngineContext context, int lookBack) {
    IsoWeek first = context.from().plusWeeks(-lookBack);
    long days = context.to().monday().toEpochDay() - first.monday().toEpochDay();
    return new WeekSlots(context.zone(), first, lookBack, (int) (days / 7) + 1);
  }

  int slotOf(Instant at) {
    return at == null ? -1 : slotOf(LocalDate.ofInstant(at, zone));
  }

  int slotOf(LocalDate day) {
    if (day == null) {
      return -1;
    }
    long offset = day.toEpochDay() - firstEpochDay;
    if (offset < 0) {
      return -1;
    }
    long slot = offset / 7;
    return slot < weeks.length ? (int) slot : -1;
  }

  /** Whether the slot is one of the computed weeks (not a look-back week). */
  boolean computed(int slot) {
    return slot >= firstComputed && slot < weeks.length;
  }

  int firstComputed() {
    return firstComputed;
  }

  int size() {
    return weeks.length;
  }

  IsoWeek week(int slot) {
    return weeks[slot];
  }

  LocalDate day(Instant at) {
    return at == null ? null : LocalDate.ofInstant(at, zone);
  }

  Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }
}
