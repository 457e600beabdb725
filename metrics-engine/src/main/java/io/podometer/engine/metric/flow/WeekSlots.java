package io.podometer.engine.metric.flow;

import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The weeks being computed as slots 0..n−1, found for an instant by binary search over the weeks'
 * start instants (much cheaper than a calendar computation per fact). Immutable.
 */
public final class WeekSlots {

  private final IsoWeek[] weeks;
  private final String[] labels;
  private final long[] starts;
  private final long end;
  private final long firstMondayEpochDay;
  private final Map<IsoWeek, Integer> slotsByWeek = new HashMap<>();

  public WeekSlots(EngineContext context) {
    int count = 0;
    for (IsoWeek w = context.from(); w.compareTo(context.to()) <= 0; w = w.plusWeeks(1)) {
      count++;
    }
    weeks = new IsoWeek[count];
    labels = new String[count];
    starts = new long[count];
    IsoWeek week = context.from();
    for (int i = 0; i < count; i++, week = week.plusWeeks(1)) {
      weeks[i] = week;
      labels[i] = week.toString();
      starts[i] = week.start(context.zone()).getEpochSecond();
      slotsByWeek.put(week, i);
    }
    end = context.to().end(context.zone()).getEpochSecond();
    firstMondayEpochDay = context.from().monday().toEpochDay();
  }

  /** The slot of the week the instant falls in, or −1 outside the weeks computed (null: −1). */
  public int slotOf(Instant instant) {
    if (instant == null || weeks.length == 0) {
      return -1;
    }
    long at = instant.getEpochSecond();
    if (at < starts[0] || at >= end) {
      return -1;
    }
    int low = 0;
    int high = starts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (starts[mid] <= at) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /** The last slot whose week has started by {@code now}, or −1 when none has. */
  public int lastStarted(Instant now) {
    if (weeks.length == 0 || now.getEpochSecond() < starts[0]) {
      return -1;
    }
    return now.getEpochSecond() >= end ? weeks.length - 1 : slotOf(now);
  }

  /** The week the instant falls in when it is computed, else null. */
  public IsoWeek weekOf(Instant instant) {
    int slot = slotOf(instant);
    return slot < 0 ? null : weeks[slot];
  }

  /** Epoch second at which the slot's week ends (exclusive). */
  public long endSecond(int slot) {
    return slot + 1 < starts.length ? starts[slot + 1] : end;
  }

  /** The slot of a week, or −1 when it is not computed. */
  public int slotOf(IsoWeek week) {
    Integer slot = week == null ? null : slotsByWeek.get(week);
    return slot == null ? -1 : slot;
  }

  /** The slot of the week a day belongs to, or −1 outside the weeks computed (null: −1). */
  public int slotOf(LocalDate day) {
    if (day == null) {
      return -1;
    }
    long offset = day.toEpochDay() - firstMondayEpochDay;
    return offset < 0 || offset >= 7L * weeks.length ? -1 : (int) (offset / 7);
  }

  /** The Monday that starts the slot's week. */
  public LocalDate monday(int slot) {
    return LocalDate.ofEpochDay(firstMondayEpochDay + 7L * slot);
  }

  /** The slot's week as written ({@code 2026-W10}). */
  public String label(int slot) {
    return labels[slot];
  }

  public IsoWeek week(int slot) {
    return weeks[slot];
  }

  public int size() {
    return weeks.length;
  }
}
