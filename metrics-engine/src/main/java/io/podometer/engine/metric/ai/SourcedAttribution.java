package io.podometer.engine.metric.ai;

import io.podometer.engine.attribution.AttributionSource;
import io.podometer.engine.attribution.ChangeAttribution;
import java.util.List;

/**
 * The AI attribution of one landed change with its AI lines split by source, strongest source
 * first: the parts add up to {@code aiLines}. {@code ai} says whether any source attributed the
 * change to AI (a declared or agent-authored change with no added lines has no lines, yet is AI).
 *
 * @param addedLines added lines outside excluded paths (lines)
 * @param aiLines AI-attributed added lines (lines)
 */
record SourcedAttribution(int addedLines, int aiLines, boolean ai, List<Part> parts) {

  /** The AI lines one source decided, and the agent tool it named (null when none). */
  record Part(AttributionSource source, int aiLines, String tool) {

    /** Lines whose attribution is exact (line-level or agent-authored). */
    int exactLines() {
      return source.exact() ? aiLines : 0;
    }
  }

  SourcedAttribution {
    parts = List.copyOf(parts);
  }

  static SourcedAttribution of(ChangeAttribution attribution) {
    return new SourcedAttribution(
        attribution.addedLines(),
        attribution.aiLines(),
        attribution.isAi(),
        attribution.isAi()
            ? List.of(new Part(attribution.source(), attribution.aiLines(), attribution.tool()))
            : List.of());
  }

  /** The strongest source, {@code HUMAN} when nothing attributed the change to AI. */
  AttributionSource strongest() {
    return parts.isEmpty() ? AttributionSource.HUMAN : parts.get(0).source();
  }
}
