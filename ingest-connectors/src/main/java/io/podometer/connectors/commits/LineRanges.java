package io.podometer.connectors.commits;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A set of 1-based line numbers written as git-ai writes them ({@code 1-4,9-10,12}). Sessions,
 * conversations and models may name the same lines, so lines are kept as a union: a line counts
 * once however often it is named.
 */
public final class LineRanges {

  // start → end (inclusive), disjoint and not adjacent
  private final TreeMap<Integer, Integer> ranges = new TreeMap<>();

  /**
   * Adds the ranges of one entry.
   *
   * @throws IllegalArgumentException naming the part that is no line number or range
   */
  public void add(String spec) {
    for (String part : spec.split(",")) {
      String p = part.strip();
      int dash = p.indexOf('-');
      int from;
      int to;
      try {
        from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
        to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + p + "' is no line number or range");
      }
      if (from < 1 || to < from) {
        throw new IllegalArgumentException("'" + p + "' is no range of 1-based lines");
      }
      add(from, to);
    }
  }

  /** Adds lines {@code from} to {@code to} (1-based, inclusive, {@code from <= to}). */
  public void add(int from, int to) {
    var before = ranges.floorEntry(from);
    if (before != null && before.getValue() >= from - 1) {
      from = before.getKey();
      to = Math.max(to, before.getValue());
    }
    var next = ranges.ceilingEntry(from);
    while (next != null && next.getKey() <= to + 1) {
      to = Math.max(to, next.getValue());
      ranges.remove(next.getKey());
      next = ranges.ceilingEntry(from);
    }
    ranges.put(from, to);
  }

  /** Removes lines {@code from} to {@code to} (1-based, inclusive), those held or not. */
  public void remove(int from, int to) {
    var before = ranges.lowerEntry(from);
    if (before != null && before.getValue() >= from) {
      ranges.put(before.getKey(), from - 1);
      if (before.getValue() > to) {
        ranges.put(to + 1, before.getValue());
        return;
      }
    }
    var next = ranges.ceilingEntry(from);
    while (next != null && next.getKey() <= to) {
      ranges.remove(next.getKey());
      if (next.getValue() > to) {
        ranges.put(to + 1, next.getValue());
        break;
      }
      next = ranges.ceilingEntry(from);
    }
  }

  /** Calls {@code range} with each range held, in order: first and last line. */
  public void forEach(java.util.function.BiConsumer<Integer, Integer> range) {
    ranges.forEach(range);
  }

  /** How many distinct lines. */
  public long lines() {
    long n = 0;
    for (var range : ranges.entrySet()) {
      n += (long) range.getValue() - range.getKey() + 1;
    }
    return n;
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(ranges.size());
    ranges.forEach((from, to) -> parts.add(from.equals(to) ? from.toString() : from + "-" + to));
    return String.join(",", parts);
  }
}
