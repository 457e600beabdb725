package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.AgentUsage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts agent-usage days in a stable order: by day, then tool, then user (equal ones as given), so
 * that sums over them do not depend on the order events arrived in. Sorting compares numbers: each
 * (tool, user) pair is ranked once, and each usage day's key packs its day, its pair's rank and its
 * position.
 */
final class UsageOrder {

  // a fact per (tool, user case-insensitively, day), so the order is total
  static final Comparator<AgentUsage> STABLE =
      (a, b) -> {
        int c = a.day().compareTo(b.day());
        if (c == 0) {
          c = a.tool().compareTo(b.tool());
        }
        return c != 0 ? c : a.user().compareTo(b.user());
      };

  private static final Comparator<ToolUser> BY_TOOL_THEN_USER =
      Comparator.comparing(ToolUser::tool).thenComparing(ToolUser::user);

  /** Equality written out, as it is looked up for every usage day. */
  private record ToolUser(String tool, String user) {
    @Override
    public boolean equals(Object other) {
      return other instanceof ToolUser pair && tool.equals(pair.tool) && user.equals(pair.user);
    }

    @Override
    public int hashCode() {
      return 31 * tool.hashCode() + user.hashCode();
    }
  }

  private final List<AgentUsage> usage;
  private final Map<ToolUser, Integer> pairIndex = new HashMap<>();
  private final List<ToolUser> pairs = new ArrayList<>();
  private final int[] pairOf;
  private long firstDay = Long.MAX_VALUE;
  private long lastDay = Long.MIN_VALUE;

  private UsageOrder(List<AgentUsage> usage) {
    this.usage = usage;
    this.pairOf = new int[usage.size()];
    for (int i = 0; i < pairOf.length; i++) {
      index(i);
    }
  }

  /** The usage days (day, tool and user not null) in the stable order; a new list. */
  static List<AgentUsage> sorted(List<AgentUsage> usage) {
    return new UsageOrder(usage).sorted();
  }

  private void index(int i) {
    AgentUsage u = usage.get(i);
    ToolUser pair = new ToolUser(u.tool(), u.user());
    Integer index = pairIndex.get(pair);
    if (index == null) {
      index = pairs.size();
      pairIndex.put(pair, index);
      pairs.add(pair);
    }
    pairOf[i] = index;
    long day = u.day().toEpochDay();
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
  }

  private List<AgentUsage> sorted() {
    int n = usage.size();
    // keys pack (day, pair, position): compare objects when they would not fit in a long
    double keys = (double) (lastDay - firstDay + 1) * pairs.size() * n;
    if (n == 0 || keys >= 0x1p62) {
      List<AgentUsage> sorted = new ArrayList<>(usage);
      sorted.sort(STABLE);
      return sorted;
    }
    int[] rank = pairRanks();
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = key(i, rank);
    }
    Arrays.sort(packed);
    List<AgentUsage> sorted = new ArrayList<>(n);
    for (long key : packed) {
      sorted.add(usage.get((int) (key % n)));
    }
    return sorted;
  }

  /** Each pair's rank by tool, then user. */
  private int[] pairRanks() {
    Integer[] byPair = new Integer[pairs.size()];
    for (int p = 0; p < byPair.length; p++) {
      byPair[p] = p;
    }
    Arrays.sort(byPair, (a, b) -> BY_TOOL_THEN_USER.compare(pairs.get(a), pairs.get(b)));
    int[] rank = new int[byPair.length];
    for (int r = 0; r < byPair.length; r++) {
      rank[byPair[r]] = r;
    }
    return rank;
  }

  /** Day, then pair rank, then position: unique, and ordered as {@link #STABLE} then position. */
  private long key(int i, int[] rank) {
    long day = usage.get(i).day().toEpochDay() - firstDay;
    return (day * pairs.size() + rank[pairOf[i]]) * usage.size() + i;
  }
}
