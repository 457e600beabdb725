package io.podometer.engine.detect;

import java.util.ArrayList;
import java.util.List;

/** What the detectors found over a range of weeks: flags, and where they could not tell. */
public final class Detections {

  private final List<Flag> flags = new ArrayList<>();
  private final List<NotEvaluated> notEvaluated = new ArrayList<>();

  void flag(Flag flag) {
    flags.add(flag);
  }

  void notEvaluated(NotEvaluated missing) {
    notEvaluated.add(missing);
  }

  public List<Flag> flags() {
    return List.copyOf(flags);
  }

  public List<NotEvaluated> notEvaluated() {
    return List.copyOf(notEvaluated);
  }
}
