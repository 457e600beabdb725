package io.podometer.engine.detect;

/** One anti-pattern of SPEC §6, judged over the weeks of a {@link DetectionContext}. */
public interface Detector {

  /** Its id, as SPEC §6 and the organization model's {@code thresholds} name it. */
  String id();

  /** Adds to {@code found} a flag for each scope and week the rule fires in, or what is missing. */
  void detect(DetectionContext context, Detections found);
}
