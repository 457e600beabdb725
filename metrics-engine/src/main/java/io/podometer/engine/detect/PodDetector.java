package io.podometer.engine.detect;

import io.podometer.engine.org.DetectorThresholds;
import io.podometer.engine.org.Pod;
import io.podometer.engine.scope.ScopeId;
import java.util.function.Function;

/**
 * A detector that judges each pod on its own, with the pod's thresholds (the organization's, or the
 * pod's overrides).
 *
 * @param <R> the detector's thresholds
 */
abstract class PodDetector<R> implements Detector {

  private final String id;
  private final Function<DetectorThresholds, R> rule;

  PodDetector(String id, Function<DetectorThresholds, R> rule) {
    this.id = id;
    this.rule = rule;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public void detect(DetectionContext context, Detections found) {
    for (Pod pod : context.org().pods()) {
      judge(
          context, ScopeId.pod(pod.id()), rule.apply(context.org().thresholdsFor(pod.id())), found);
    }
  }

  /** Adds the pod's flags over the weeks judged, or what it lacks to be judged. */
  abstract void judge(DetectionContext context, ScopeId scope, R rule, Detections found);
}
