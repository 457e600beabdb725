package io.podometer.engine.detect;

import static io.podometer.engine.figure.MetricId.JUNIOR_AGENT_ONLY_APPROVALS;
import static io.podometer.engine.figure.MetricId.JUNIOR_HUMAN_SHARE;
import static io.podometer.engine.figure.MetricId.JUNIOR_REVIEWS_GIVEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.testing.FigureBook;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code junior_pipeline_hollowing} judged in 2026-W09 (defaults: juniors' reviews down 50 % on the
 * mean of W01–W08, by-hand share under 10 %, or every approved PR approved by agents only).
 *
 * <pre>
 * pod       reviews W01–W08 / W09   by hand W09 (PRs)  agents-only W09   → expected
 * quiet     10 / 5 (−50 %)          40 % (5)           0 of 5           MEDIUM (reviews)
 * hollow    10 / 4                  5 % (5)            5 of 5           HIGH (three clauses)
 * near      10 / 5.5 (−45 %)        10 % (5)           4 of 5           near miss on every clause
 * few       10 / 10                 0 % (4)            4 of 4           near miss: 4 PRs are too few
 * new       W07, W08 only: 10 / 2   40 % (5)           —                near miss: 2 of 8 baseline weeks
 * hidden    withheld every week                                    not evaluated: under the floor
 * none      no figures                                             not evaluated: no juniors
 * </pre>
 */
class JuniorPipelineHollowingDetectorTest {

  private static final IsoWeek W09 = IsoWeek.parse("2026-W09");

  @Test
  void flagsJuniorsWhoStopReviewingOrWritingByHand() {
    FigureBook book = new FigureBook();
    pod(book, "quiet", 1, 5, 0.40, 0, 5);
    pod(book, "hollow", 1, 4, 0.05, 5, 5);
    pod(book, "near", 1, 5.5, 0.10, 4, 5);
    pod(book, "few", 1, 10, 0.0, 4, 4);
    pod(book, "new", 7, 2, 0.40, -1, 0);
    for (IsoWeek week = W09.plusWeeks(-8); week.compareTo(W09) <= 0; week = week.plusWeeks(1)) {
      book.withheld(JUNIOR_REVIEWS_GIVEN, "hidden", week);
    }
    Detections found = new Detections();
    new JuniorPipelineHollowingDetector()
        .detect(new DetectionContext(GoldenData.org(org()), book::get, W09, W09), found);
    assertEquals(
        List.of("pod:quiet 2026-W09 MEDIUM", "pod:hollow 2026-W09 HIGH"),
        found.flags().stream().map(f -> f.scope() + " " + f.week() + " " + f.severity()).toList());
    assertEquals(
        "the juniors gave 5 reviews, 50 % fewer than the 10 a week of the 8 weeks before"
            + " (threshold 50 %)",
        found.flags().get(0).rule());
    assertEquals(
        "the juniors gave 4 reviews, 60 % fewer than the 10 a week of the 8 weeks before"
            + " (threshold 50 %); the juniors wrote 5 % of their merged lines by hand (under 10 %);"
            + " every approved PR of the juniors was approved by agents only",
        found.flags().get(1).rule());
    assertEquals(
        List.of(
            "pod:hidden juniors: the pod has fewer juniors than the privacy floor, so their"
                + " figures are withheld",
            "pod:none juniors: no engineer of the pod at or under the junior level (members'"
                + " levels and juniorLevelAtMost in the organization model)"),
        found.notEvaluated().stream().map(n -> n.scope() + " " + n.missing()).toList());
  }

  private static void pod(
      FigureBook book,
      String pod,
      int baselineFrom,
      double reviews,
      double byHand,
      double agentsOnly,
      double approved) {
    for (int week = baselineFrom; week <= 8; week++) {
      book.put(JUNIOR_REVIEWS_GIVEN, pod, IsoWeek.parse("2026-W0" + week), 10);
    }
    book.put(JUNIOR_REVIEWS_GIVEN, pod, W09, reviews);
    // by hand over the lines of as many PRs as were approved (5 when none is given)
    int prs = approved > 0 ? (int) approved : 5;
    book.put(JUNIOR_HUMAN_SHARE, pod, W09, byHand);
    book.withItems(JUNIOR_HUMAN_SHARE, pod, W09, prs);
    if (approved > 0) {
      book.ratio(JUNIOR_AGENT_ONLY_APPROVALS, pod, W09, agentsOnly, approved);
    }
  }

  private static String org() {
    StringBuilder yaml = new StringBuilder("org: {name: Acme}\npods:\n");
    for (String pod : List.of("quiet", "hollow", "near", "few", "new", "hidden", "none")) {
      yaml.append("  - {id: ").append(pod).append(", name: ").append(pod).append("}\n");
    }
    return yaml.toString();
  }
}
