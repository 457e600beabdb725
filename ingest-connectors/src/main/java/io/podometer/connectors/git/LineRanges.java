package io.podometer.connectors.git;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A set of 1-based line numbers written as git-ai writes them ({@code 1-4,9-10,12}). Sessions and
 * models may name the same lines, so lines are kept as a union: a line counts once however often it
 * is named.
 */
final class LineRanges {

  // start → end (inclusive), disjoint and not adjacent
  private final TreeMap<Integer, Integer> ranges = new TreeMap<>();

  /**
   * Adds the ranges of one entry.
   *
   * @throws IllegalArgumentException naming the part that is no line number or range
   */
  void add(String spec) {
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

  private void add(int from, int to) {
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

  /** How many distinct lines. */
  long lines() {
    long n = 0;
    for (var range : ranges.entrySet()) {
      n += (long) range.getValue() - range.getKey() + 1;
    }
    return n;
  }

  boolean isEmpty() {
    return ranges.isEmpty();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(ranges.size());
    ranges.forEach((from, to) -> parts.add(from.equals(to) ? from.toString() : from + "-" + to));
    return String.join(",", parts);
  }
}
