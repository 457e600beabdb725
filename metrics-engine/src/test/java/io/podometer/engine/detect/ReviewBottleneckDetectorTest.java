package io.podometer.engine.detect;

import static io.podometer.engine.figure.MetricId.REVIEW_QUEUE;
import static io.podometer.engine.figure.MetricId.REVIEW_WAIT_SHARE;
import static io.podometer.engine.figure.MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS;
import static io.podometer.engine.figure.MetricId.TOP_REVIEWER_SHARE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.FigureBook;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code review_bottleneck} judged in 2026-W09 (defaults: 2 weeks, W08 and W09, of median time to
 * first review over 24 h or review wait over 50 % of cycle time, with the queue growing or the top
 * reviewer over 50 % of the reviews).
 *
 * <pre>
 * pod        W08 / W09 pickup h   wait share   queue W07→W08→W09   top share   → expected
 * piling     30 / 30              0.3          2 → 3 → 4           0.4         MEDIUM (slow, piling)
 * hero       50 / 50              0.3          3 → 3 → 3           0.6         HIGH (50 > 2 × 24 every week)
 * waiting    10 / 10              0.6          none                0.55        MEDIUM (wait share, top share)
 * edge       24 / 24              0.5          2 → 3 → 4           0.6         near miss: 24 h and 50 % are not over
 * once       10 / 30              0.3          2 → 3 → 4           0.4         near miss: one slow week of two
 * calm       30 / 30              0.3          3 → 3 → 3           0.5         near miss: slow but not piling up
 * dark       no review figures                                                 not evaluated
 * </pre>
 */
class ReviewBottleneckDetectorTest {

  private static final IsoWeek W07 = IsoWeek.parse("2026-W07");
  private static final IsoWeek W08 = IsoWeek.parse("2026-W08");
  private static final IsoWeek W09 = IsoWeek.parse("2026-W09");

  private final FigureBook book = new FigureBook();

  private void pod(
      String pod, double pickup08, double pickup09, double wait, double[] queue, double top) {
    book.put(TIME_TO_FIRST_REVIEW_P50_HOURS, pod, W08, pickup08)
        .put(TIME_TO_FIRST_REVIEW_P50_HOURS, pod, W09, pickup09)
        .put(REVIEW_WAIT_SHARE, pod, W08, wait)
        .put(REVIEW_WAIT_SHARE, pod, W09, wait)
        .put(TOP_REVIEWER_SHARE, pod, W08, top)
        .put(TOP_REVIEWER_SHARE, pod, W09, top);
    if (queue != null) {
      book.put(REVIEW_QUEUE, pod, W07, queue[0])
          .put(REVIEW_QUEUE, pod, W08, queue[1])
          .put(REVIEW_QUEUE, pod, W09, queue[2]);
    }
  }

  @Test
  void firesOnTwoSlowWeeksWhileReviewsPileUpOrConcentrate() {
    pod("piling", 30, 30, 0.3, new double[] {2, 3, 4}, 0.4);
    pod("hero", 50, 50, 0.3, new double[] {3, 3, 3}, 0.6);
    pod("waiting", 10, 10, 0.6, null, 0.55);
    pod("edge", 24, 24, 0.5, new double[] {2, 3, 4}, 0.6);
    pod("once", 10, 30, 0.3, new double[] {2, 3, 4}, 0.4);
    pod("calm", 30, 30, 0.3, new double[] {3, 3, 3}, 0.5);
    Detections found = new Detections();
    new ReviewBottleneckDetector()
        .detect(new DetectionContext(GoldenData.org(org()), book::get, W09, W09), found);

    assertEquals(
        List.of(
            "pod:piling 2026-W09 MEDIUM", "pod:hero 2026-W09 HIGH", "pod:waiting 2026-W09 MEDIUM"),
        found.flags().stream().map(f -> f.scope() + " " + f.week() + " " + f.severity()).toList());
    Flag piling = found.flags().get(0);
    assertEquals(
        "for 2 consecutive weeks, median time to first review over 24 h or review wait over 50 %"
            + " of cycle time, while the review queue grew or the top reviewer gave over 50 % of"
            + " the reviews; this week: median first review 30 h, review wait 30 % of cycle time,"
            + " queue 3 → 4, top reviewer 40 %",
        piling.rule());
    assertEquals(24.0, piling.thresholds().get("pickupHours"));
    // five figures a week: pickup, wait share, the queue at the week before's end and its own, top
    // share
    assertEquals(10, piling.evidence().size());
    assertEquals(
        new FlagEvidence(REVIEW_QUEUE, ScopeId.pod("piling"), W07, 2.0), piling.evidence().get(2));
    assertEquals(
        List.of("review_bottleneck pod:dark"),
        found.notEvaluated().stream().map(n -> n.detector() + " " + n.scope()).toList());
  }

  @Test
  void aPodOverridesTheThreshold() {
    // checkout waits 14 h: over its own 12 h, under the organization's 24 h
    pod("checkout", 14, 14, 0.3, new double[] {2, 3, 4}, 0.4);
    pod("search", 14, 14, 0.3, new double[] {2, 3, 4}, 0.4);
    Detections found = new Detections();
    new ReviewBottleneckDetector()
        .detect(
            new DetectionContext(
                GoldenData.org(
                    """
                    org: {name: Acme}
                    pods:
                      - {id: checkout, name: Checkout, thresholds: {review_bottleneck: {pickupHours: 12}}}
                      - {id: search, name: Search}
                    """),
                book::get,
                W09,
                W09),
            found);
    assertEquals(
        List.of(ScopeId.pod("checkout")), found.flags().stream().map(Flag::scope).toList());
    assertEquals(12.0, found.flags().get(0).thresholds().get("pickupHours"));
  }

  private static String org() {
    StringBuilder yaml = new StringBuilder("org: {name: Acme}\npods:\n");
    for (String pod : List.of("piling", "hero", "waiting", "edge", "once", "calm", "dark")) {
      yaml.append("  - {id: ").append(pod).append(", name: ").append(pod).append("}\n");
    }
    return yaml.toString();
  }
}
