package io.podometer.engine.attribution;

/**
 * The AI attribution of one change (a commit or a merged PR): its added lines (excluded paths left
 * out), how many of them are AI-attributed, the strongest source that decided it, and the agent
 * tool when one is known (null otherwise).
 */
public record ChangeAttribution(
    int addedLines, int aiLines, AttributionSource source, String tool) {

  public ChangeAttribution {
    if (aiLines < 0 || aiLines > addedLines) {
      throw new IllegalArgumentException(
          "AI lines " + aiLines + " must be between 0 and the added lines " + addedLines);
    }
  }

  public static ChangeAttribution human(int addedLines) {
    return new ChangeAttribution(addedLines, 0, AttributionSource.HUMAN, null);
  }

  public boolean isAi() {
    return source != AttributionSource.HUMAN;
  }
}
