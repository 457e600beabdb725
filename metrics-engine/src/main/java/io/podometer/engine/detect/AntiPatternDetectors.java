package io.podometer.engine.detect;

import java.util.List;

/** Every detector there is, in the order of SPEC §6, run in turn over one context. */
public final class AntiPatternDetectors {

  private AntiPatternDetectors() {}

  public static List<Detector> all() {
    return List.of(
        new ReviewBottleneckDetector(),
        new MetricsGamingDetector(),
        new ToolBoltOnDetector(),
        new PromptCargoCultingDetector(),
        new SecurityShortcutsDetector(),
        new KnowledgeDebtDetector(),
        new JuniorPipelineHollowingDetector(),
        new MeetingCreepDetector(),
        new UnownedWorkDetector());
  }

  public static Detections run(DetectionContext context) {
    Detections found = new Detections();
    for (Detector detector : all()) {
      detector.detect(context, found);
    }
    return found;
  }
}
