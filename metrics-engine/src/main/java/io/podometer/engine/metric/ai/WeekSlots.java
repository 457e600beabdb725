package io.podometer.engine.metric.ai;

import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The weeks one computation reads, numbered from 0: a few look-back weeks before the computed range
 * (for windowed figures), then the computed weeks. Maps instants and days to their week's slot in
 * the organization's time zone; -1 means outside. Immutable.
 */
final class WeekSlots {

  private static final long SECONDS_PER_DAY = 86_400;

  private final ZoneId zone;
  private final ZoneRules rules;
  private final long firstEpochDay;
  private final IsoWeek[] weeks;
  private final String[] labels;
  private final String[] dayLabels;
  private final Instant[] dayStarts;
  private final int firstComputed;

  private WeekSlots(ZoneId zone, IsoWeek first, int lookBack, int count) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.firstEpochDay = first.monday().toEpochDay();
    this.firstComputed = lookBack;
    this.weeks = new IsoWeek[Math.max(count, 0)];
    this.labels = new String[weeks.length];
    for (int i = 0; i < weeks.length; i++) {
      weeks[i] = first.plusWeeks(i);
      labels[i] = weeks[i].toString();
    }
    // evidence names the day of nearly every item: write each day of the slots once
    this.dayLabels = new String[weeks.length * 7];
    this.dayStarts = new Instant[weeks.length * 7];
    for (int i = 0; i < dayLabels.length; i++) {
      LocalDate day = LocalDate.ofEpochDay(firstEpochDay + i);
      dayLabels[i] = day.toString();
      dayStarts[i] = day.atStartOfDay(zone).toInstant();
    }
  }

  /** The computed weeks of the context preceded by {@code lookBack} weeks. */
  static WeekSlots of(EngineContext context, int lookBack) {
    IsoWeek first = context.from().plusWeeks(-lookBack);
    long days = context.to().monday().toEpochDay() - first.monday().toEpochDay();
    return new WeekSlots(context.zone(), first, lookBack, (int) (days / 7) + 1);
  }

  /**
   * The day of an instant in the organization's time zone, as an epoch day; {@code at} not null.
   */
  long epochDay(Instant at) {
    return Math.floorDiv(
        at.getEpochSecond() + rules.getOffset(at).getTotalSeconds(), SECONDS_PER_DAY);
  }

  int slotOf(Instant at) {
    return at == null ? -1 : slotOfEpochDay(epochDay(at));
  }

  int slotOf(LocalDate day) {
    return day == null ? -1 : slotOfEpochDay(day.toEpochDay());
  }

  int slotOfEpochDay(long epochDay) {
    long offset = epochDay - firstEpochDay;
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

  /** The week as written ({@code 2026-W10}). */
  String label(int slot) {
    return labels[slot];
  }

  LocalDate day(Instant at) {
    return at == null ? null : LocalDate.ofEpochDay(epochDay(at));
  }

  /** The day of an instant as written ({@code 2026-03-03}); {@code at} not null. */
  String dayLabel(Instant at) {
    return dayLabel(epochDay(at));
  }

  String dayLabel(long epochDay) {
    long offset = epochDay - firstEpochDay;
    return offset >= 0 && offset < dayLabels.length
        ? dayLabels[(int) offset]
        : LocalDate.ofEpochDay(epochDay).toString();
  }

  /** The instant an epoch day starts in the organization's time zone. */
  Instant startOf(long epochDay) {
    long offset = epochDay - firstEpochDay;
    return offset >= 0 && offset < dayStarts.length
        ? dayStarts[(int) offset]
        : LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant();
  }
}
