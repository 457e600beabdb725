package io.podometer.engine.figure;

import it.unimi.dsi.fastutil.ints.IntIterator;
import it.unimi.dsi.fastutil.objects.Object2DoubleMap;
import it.unimi.dsi.fastutil.objects.Object2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectOpenHashSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pools the contributions of one cell. Not thread-safe: one per cell, filled by one thread. A year
 * of an organization's cells is pooled at once, so the keys are held in open-addressing
 * collections: no entry object per key, and primitive counts and sums.
 */
final class CellAccumulator {

  private double num;
  private double den;
  private double exactNum;
  private int items;
  private double[] samples;
  private int sampleCount;
  private Object2IntOpenHashMap<String> numKeyCounts;
  private ObjectOpenHashSet<String> denKeys;
  // AI lines by attribution source, and by agent tool under keys prefixed TOOL; an agent's own
  // usage items (a tool, no source) by tool under TOOL_NUM and TOOL_DEN (one map, so that summaries
  // and merges carry them all alike)
  private Object2DoubleOpenHashMap<String> numBySource;

  private static final String TOOL = "tool:";
  private static final String TOOL_NUM = "tool-num:";
  private static final String TOOL_DEN = "tool-den:";

  // the keys of the few agent tools in use, made once: every AI share item would make its own
  private static final java.util.concurrent.ConcurrentMap<String, String[]> TOOL_KEYS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int TOOL_KEYS_KEPT = 1_000;

  void add(Contribution c) {
    items++;
    num += c.num();
    den += c.den();
    exactNum += c.exactNum();
    if (c.hasSample()) {
      if (samples == null) {
        samples = new double[8];
      } else if (sampleCount == samples.length) {
        samples = java.util.Arrays.copyOf(samples, sampleCount * 2);
      }
      samples[sampleCount++] = c.sample();
    }
    if (c.numKey() != null) {
      numKeyCounts().addTo(c.numKey(), 1);
    }
    if (c.denKey() != null) {
      denKeys().add(c.denKey());
    }
    if (c.source() != null) {
      numBySource().addTo(c.source(), c.num());
      if (c.tool() != null) {
        numBySource.addTo(toolKeys(c.tool())[0], c.num());
      }
    } else if (c.tool() != null) {
      String[] keys = toolKeys(c.tool());
      numBySource().addTo(keys[1], c.num());
      numBySource.addTo(keys[2], c.den());
    }
  }

  private Object2IntOpenHashMap<String> numKeyCounts() {
    if (numKeyCounts == null) {
      numKeyCounts = new Object2IntOpenHashMap<>(4);
    }
    return numKeyCounts;
  }

  private ObjectOpenHashSet<String> denKeys() {
    if (denKeys == null) {
      denKeys = new ObjectOpenHashSet<>(4);
    }
    return denKeys;
  }

  private Object2DoubleOpenHashMap<String> numBySource() {
    if (numBySource == null) {
      numBySource = new Object2DoubleOpenHashMap<>(4);
    }
    return numBySource;
  }

  /** A tool's keys under {@link #TOOL}, {@link #TOOL_NUM} and {@link #TOOL_DEN}. */
  private static String[] toolKeys(String tool) {
    String[] keys = TOOL_KEYS.get(tool);
    if (keys == null) {
      keys = new String[] {TOOL + tool, TOOL_NUM + tool, TOOL_DEN + tool};
      if (TOOL_KEYS.size() < TOOL_KEYS_KEPT) {
        TOOL_KEYS.putIfAbsent(tool, keys);
      }
    }
    return keys;
  }

  /** Adds another accumulator's items to this one; returns this. */
  CellAccumulator merge(CellAccumulator other) {
    items += other.items;
    num += other.num;
    den += other.den;
    exactNum += other.exactNum;
    for (int i = 0; i < other.sampleCount; i++) {
      if (samples == null) {
        samples = new double[Math.max(8, other.sampleCount)];
      } else if (sampleCount == samples.length) {
        samples = java.util.Arrays.copyOf(samples, sampleCount * 2);
      }
      samples[sampleCount++] = other.samples[i];
    }
    if (other.numKeyCounts != null) {
      Object2IntOpenHashMap<String> counts = numKeyCounts();
      for (Object2IntMap.Entry<String> entry : other.numKeyCounts.object2IntEntrySet()) {
        counts.addTo(entry.getKey(), entry.getIntValue());
      }
    }
    if (other.denKeys != null) {
      denKeys().addAll(other.denKeys);
    }
    if (other.numBySource != null) {
      Object2DoubleOpenHashMap<String> sums = numBySource();
      for (Object2DoubleMap.Entry<String> entry : other.numBySource.object2DoubleEntrySet()) {
        sums.addTo(entry.getKey(), entry.getDoubleValue());
      }
    }
    return this;
  }

  int items() {
    return items;
  }

  /** A compact, immutable copy of what this cell pooled ({@link CellSummary}). */
  CellSummary summary() {
    double[] kept = samples == null ? null : java.util.Arrays.copyOf(samples, sampleCount);
    if (kept != null) {
      java.util.Arrays.sort(kept); // the order pooling sees does not matter: keep it canonical
    }
    String[] numKeys = null;
    int[] numCounts = null;
    if (numKeyCounts != null) {
      numKeys = numKeyCounts.keySet().toArray(String[]::new);
      java.util.Arrays.sort(numKeys);
      boolean allOnes = true;
      numCounts = new int[numKeys.length];
      for (int i = 0; i < numKeys.length; i++) {
        numCounts[i] = numKeyCounts.getInt(numKeys[i]);
        allOnes &= numCounts[i] == 1;
      }
      if (allOnes) {
        numCounts = null;
      }
    }
    String[] dens = null;
    if (denKeys != null) {
      dens = denKeys.toArray(String[]::new);
      java.util.Arrays.sort(dens);
    }
    return new CellSummary(
        items,
        num,
        den,
        exactNum,
        kept,
        numKeys,
        numCounts,
        dens,
        numBySource == null ? null : Map.copyOf(numBySource));
  }

  /** Adds a cell's pooled items (of another week) as if they were added one by one. */
  CellAccumulator add(CellSummary other) {
    items += other.items;
    num += other.num;
    den += other.den;
    exactNum += other.exactNum;
    if (other.samples != null) {
      for (double sample : other.samples) {
        if (samples == null) {
          samples = new double[Math.max(8, other.samples.length)];
        } else if (sampleCount == samples.length) {
          samples = java.util.Arrays.copyOf(samples, sampleCount * 2);
        }
        samples[sampleCount++] = sample;
      }
    }
    if (other.numKeys != null) {
      Object2IntOpenHashMap<String> counts = numKeyCounts();
      for (int i = 0; i < other.numKeys.length; i++) {
        counts.addTo(other.numKeys[i], other.numCounts == null ? 1 : other.numCounts[i]);
      }
    }
    if (other.denKeys != null) {
      java.util.Collections.addAll(denKeys(), other.denKeys);
    }
    if (other.numBySource != null) {
      Object2DoubleOpenHashMap<String> sums = numBySource();
      other.numBySource.forEach(sums::addTo);
    }
    return this;
  }

  /**
   * Adds a week's figure of a ratio or a sum that was not withheld: its num and den, its exact part
   * and split by source (shares of its den), and its items.
   */
  CellAccumulator addFigure(Figure figure) {
    items += figure.n();
    num += figure.num() == null ? 0 : figure.num();
    den += figure.den() == null ? 0 : figure.den();
    if (!figure.bySource().isEmpty() && figure.den() != null) {
      double d = figure.den();
      exactNum += figure.exact() == null ? 0 : figure.exact() * d;
      Object2DoubleOpenHashMap<String> sums = numBySource();
      figure.bySource().forEach((source, share) -> sums.addTo(source, share * d));
      figure.byTool().forEach((tool, share) -> sums.addTo(TOOL + tool, share * d));
    }
    return this;
  }

  /** The pooled value, num, den, exact part and split by source for {@code aggregation}. */
  Pooled pool(Aggregation aggregation) {
    int distinctNum = numKeyCounts == null ? 0 : numKeyCounts.size();
    int distinctDen = denKeys == null ? 0 : denKeys.size();
    return switch (aggregation) {
      case RATIO -> {
        Double value = den == 0 ? null : num / den;
        Map<String, Double> bySource = Map.of();
        Map<String, Double> byTool = Map.of();
        if (numBySource != null && den != 0) {
          Map<String, Double> sources = new TreeMap<>();
          Map<String, Double> tools = new TreeMap<>();
          for (Object2DoubleMap.Entry<String> entry : numBySource.object2DoubleEntrySet()) {
            String key = entry.getKey();
            double n = entry.getDoubleValue();
            if (key.startsWith(TOOL_NUM)) {
              // an agent's usage: its own rate where its items carry the den (acceptances of
              // its suggestions), else its part of the whole (its cost over every merged PR)
              String tool = key.substring(TOOL_NUM.length());
              double ownDen = numBySource.getDouble(TOOL_DEN + tool);
              tools.put(tool, n / (ownDen != 0 ? ownDen : den));
            } else if (key.startsWith(TOOL)) {
              tools.put(key.substring(TOOL.length()), n / den);
            } else if (!key.startsWith(TOOL_DEN)) {
              sources.put(key, n / den);
            }
          }
          bySource = sources;
          byTool = tools;
        }
        Double exact = den == 0 || bySource.isEmpty() ? null : exactNum / den;
        yield new Pooled(value, num, den, exact, bySource, byTool);
      }
      case DISTINCT_RATIO ->
          new Pooled(
              distinctDen == 0 ? null : (double) distinctNum / distinctDen,
              (double) distinctNum,
              (double) distinctDen,
              null,
              Map.of());
      case MEDIAN ->
          new Pooled(Percentiles.cont(samples, sampleCount, 0.5), null, null, null, Map.of());
      case P90 ->
          new Pooled(Percentiles.cont(samples, sampleCount, 0.9), null, null, null, Map.of());
      case SUM -> new Pooled(num, num, null, null, Map.of());
      case DISTINCT_COUNT ->
          new Pooled((double) distinctNum, (double) distinctNum, null, null, Map.of());
      case SUM_PER_DISTINCT ->
          new Pooled(
              distinctDen == 0 ? null : num / distinctDen,
              num,
              (double) distinctDen,
              null,
              Map.of());
      case TOP_SHARE -> {
        int total = 0;
        int top = 0;
        if (numKeyCounts != null) {
          for (IntIterator counts = numKeyCounts.values().iterator(); counts.hasNext(); ) {
            int count = counts.nextInt();
            total += count;
            top = Math.max(top, count);
          }
        }
        yield new Pooled(
            total == 0 ? null : (double) top / total, (double) top, (double) total, null, Map.of());
      }
      case GINI -> new Pooled(gini(), null, null, null, Map.of());
      case DERIVED -> throw new IllegalStateException("derived figures are not pooled");
    };
  }

  /** Gini of num-key counts over all den keys (zeros included): Σ|xi−xj| / (2 n² mean). */
  private Double gini() {
    Set<String> universe = new HashSet<>();
    if (denKeys != null) {
      universe.addAll(denKeys);
    }
    if (numKeyCounts != null) {
      universe.addAll(numKeyCounts.keySet());
    }
    int n = universe.size();
    if (n == 0) {
      return null;
    }
    double[] counts = new double[n];
    int i = 0;
    double total = 0;
    for (String key : universe) {
      counts[i] = numKeyCounts == null ? 0 : numKeyCounts.getInt(key);
      total += counts[i++];
    }
    if (total == 0) {
      return null;
    }
    java.util.Arrays.sort(counts);
    // with sorted values: G = Σ (2i − n − 1) x_i / (n Σ x)
    double weighted = 0;
    for (int k = 0; k < n; k++) {
      weighted += (2.0 * (k + 1) - n - 1) * counts[k];
    }
    return weighted / (n * total);
  }

  record Pooled(
      Double value,
      Double num,
      Double den,
      Double exact,
      Map<String, Double> bySource,
      Map<String, Double> byTool) {

    Pooled(Double value, Double num, Double den, Double exact, Map<String, Double> bySource) {
      this(value, num, den, exact, bySource, Map.of());
    }

    Pooled {
      value = Doubles.box(value);
      num = Doubles.box(num);
      den = Doubles.box(den);
      exact = Doubles.box(exact);
    }
  }
}
