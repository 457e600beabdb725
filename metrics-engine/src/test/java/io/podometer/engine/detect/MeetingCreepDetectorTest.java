package io.podometer.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.FigureBook;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code meeting_creep} on hand-made figures, judged in 2026-W09 against 2026-W01..W08 (defaults: a
 * rise of 20 % over the 8-week mean, throughput per engineer not above its mean).
 *
 * <pre>
 * pod     W01-W08 meetings / throughput   W09 meetings / throughput
 * more    10 h / 2.0                      12.5 h (+25 %) / 2.0         → fires, MEDIUM
 * lots    10 h / 2.0                      14 h (+40 %) / 1.5           → fires, HIGH (twice the rise)
 * under   10 h / 2.0                      11.9 h (+19 %) / 2.0         → near miss
 * busier  10 h / 2.0                      13 h (+30 %) / 2.5           → throughput rose: no flag
 * sparse  10 h in W07, W08 only / 2.0     13 h / 2.0                   → 2 of 8 baseline weeks: not judged
 * none    no meeting figures                                           → not evaluated
 * </pre>
 */
class MeetingCreepDetectorTest {

  private static final String ORG =
      """
      org: {name: Acme}
      pods:
        - {id: more, name: More}
        - {id: lots, name: Lots}
        - {id: under, name: Under}
        - {id: busier, name: Busier}
        - {id: sparse, name: Sparse}
        - {id: none, name: None}
      """;

  private final FigureBook figures = new FigureBook();

  private void put(MetricId metric, String pod, IsoWeek week, double value) {
    figures.put(metric, pod, week, value);
  }

  private void pod(String pod, int baselineFrom, double hours, double throughput) {
    IsoWeek w09 = IsoWeek.parse("2026-W09");
    for (int back = 8; back >= 1; back--) {
      put(MetricId.THROUGHPUT_PER_ENGINEER, pod, w09.plusWeeks(-back), 2.0);
      if (9 - back >= baselineFrom) {
        put(MetricId.MEETING_HOURS_PER_ENGINEER, pod, w09.plusWeeks(-back), 10.0);
      }
    }
    put(MetricId.MEETING_HOURS_PER_ENGINEER, pod, w09, hours);
    put(MetricId.THROUGHPUT_PER_ENGINEER, pod, w09, throughput);
  }

  @Test
  void firesOnARiseOverTheBaselineWhileThroughputStaysFlat() {
    pod("more", 1, 12.5, 2.0);
    pod("lots", 1, 14.0, 1.5);
    pod("under", 1, 11.9, 2.0);
    pod("busier", 1, 13.0, 2.5);
    pod("sparse", 7, 13.0, 2.0);
    IsoWeek w09 = IsoWeek.parse("2026-W09");
    Detections found = new Detections();
    new MeetingCreepDetector()
        .detect(new DetectionContext(GoldenData.org(ORG), figures::get, w09, w09), found);

    assertEquals(
        List.of("pod:more 2026-W09 MEDIUM", "pod:lots 2026-W09 HIGH"),
        found.flags().stream().map(f -> f.scope() + " " + f.week() + " " + f.severity()).toList());
    assertEquals(
        "meeting hours per engineer 12.5 h, 25 % over the 10.0 h of the 8 weeks before (threshold"
            + " 20 %), while throughput per engineer did not rise (2.00 against 2.00)",
        found.flags().get(0).rule());
    // the 8 baseline weeks' meeting hours, then the week's two figures
    assertEquals(10, found.flags().get(0).evidence().size());
    assertEquals(
        List.of(ScopeId.pod("none")),
        found.notEvaluated().stream().map(NotEvaluated::scope).toList());
  }

  @Test
  void everyDetectorSaysWhatItLacksForAPodWithoutData() {
    IsoWeek w09 = IsoWeek.parse("2026-W09");
    Detections found =
        AntiPatternDetectors.run(
            new DetectionContext(
                GoldenData.org("org: {name: Acme}\npods: [{id: none, name: None}]"),
                figures::get,
                w09,
                w09));
    assertEquals(List.of(), found.flags());
    assertEquals(
        List.of(
            "review_bottleneck pod:none",
            "metrics_gaming pod:none",
            "tool_bolt_on pod:none",
            "prompt_cargo_culting pod:none",
            "security_shortcuts pod:none",
            "knowledge_debt pod:none",
            "junior_pipeline_hollowing pod:none",
            "meeting_creep pod:none",
            "unowned_work pod:none"),
        found.notEvaluated().stream().map(n -> n.detector() + " " + n.scope()).toList());
  }
}
