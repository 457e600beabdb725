package io.podometer.engine.detect;

import static io.podometer.engine.figure.MetricId.AI_CODE_SHARE;
import static io.podometer.engine.figure.MetricId.CHANGE_FAILURE_RATE;
import static io.podometer.engine.figure.MetricId.DEPLOYMENT_FREQUENCY;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_P50_HOURS;
import static io.podometer.engine.figure.MetricId.PR_SIZE_P50;
import static io.podometer.engine.figure.MetricId.RUBBER_STAMP_APPROVALS;
import static io.podometer.engine.figure.MetricId.THROUGHPUT_PER_ENGINEER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.testing.FigureBook;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code metrics_gaming} judged in 2026-W12 against 2026-W04 (defaults: 8 weeks apart; AI share and
 * outcomes as means of the 4 weeks ending each side, W01–W04 and W09–W12).
 *
 * <pre>
 * pod         AI share (means)     lead / deploys / CFR (both sides)   merged PRs, size          rubber stamps W12 → expected
 * inflated    30 % → 55 % (+25)    40 h / 5 / 10 %                     —                         —     MEDIUM (share clause)
 * delivered   30 % → 55 %          lead 40 h → 35 h (−12.5 %)          —                         —     no flag: lead time improved
 * nearshare   30 % → 49 % (+19)    40 h / 5 / 10 %                     —                         —     near miss
 * sliced      —                    deploys 5 → 5                       10 → 16 (+60 %), 200 → 90 (−55 %)   40 %  HIGH (two clauses)
 * nearslice   —                    deploys 5 → 5                       10 → 14 (+40 %), 200 → 90           30 %  near misses both
 * none        no figures                                                                                    not evaluated
 * </pre>
 */
class MetricsGamingDetectorTest {

  private static final IsoWeek W04 = IsoWeek.parse("2026-W04");
  private static final IsoWeek W12 = IsoWeek.parse("2026-W12");

  private final FigureBook book = new FigureBook();

  private void outcomes(String pod, double leadBefore, double leadNow) {
    book.weeks(LEAD_TIME_P50_HOURS, pod, "2026-W01", "2026-W04", leadBefore)
        .weeks(LEAD_TIME_P50_HOURS, pod, "2026-W09", "2026-W12", leadNow)
        .weeks(DEPLOYMENT_FREQUENCY, pod, "2026-W01", "2026-W04", 5)
        .weeks(DEPLOYMENT_FREQUENCY, pod, "2026-W09", "2026-W12", 5)
        .weeks(CHANGE_FAILURE_RATE, pod, "2026-W01", "2026-W04", 0.1)
        .weeks(CHANGE_FAILURE_RATE, pod, "2026-W09", "2026-W12", 0.1);
  }

  private void shares(String pod, double before, double now) {
    book.weeks(AI_CODE_SHARE, pod, "2026-W01", "2026-W04", before)
        .weeks(AI_CODE_SHARE, pod, "2026-W09", "2026-W12", now);
  }

  private void merged(String pod, double before, double now) {
    for (String[] side : new String[][] {{"2026-W01", "2026-W04"}, {"2026-W09", "2026-W12"}}) {
      double count = side[0].equals("2026-W01") ? before : now;
      for (IsoWeek week = IsoWeek.parse(side[0]);
          week.compareTo(IsoWeek.parse(side[1])) <= 0;
          week = week.plusWeeks(1)) {
        // throughput's numerator is the week's merged PRs, over 5 engineers
        book.ratio(THROUGHPUT_PER_ENGINEER, pod, week, count, 5);
      }
    }
    book.weeks(PR_SIZE_P50, pod, "2026-W01", "2026-W04", 200)
        .weeks(PR_SIZE_P50, pod, "2026-W09", "2026-W12", 90)
        .weeks(DEPLOYMENT_FREQUENCY, pod, "2026-W01", "2026-W04", 5)
        .weeks(DEPLOYMENT_FREQUENCY, pod, "2026-W09", "2026-W12", 5);
  }

  @Test
  void firesWhenFiguresMoveAndOutcomesDoNot() {
    shares("inflated", 0.30, 0.55);
    outcomes("inflated", 40, 40);
    shares("delivered", 0.30, 0.55);
    outcomes("delivered", 40, 35);
    shares("nearshare", 0.30, 0.49);
    outcomes("nearshare", 40, 40);
    merged("sliced", 10, 16);
    book.ratio(RUBBER_STAMP_APPROVALS, "sliced", W12, 4, 10);
    // the week's PRs whose AI rests on a label or trailer alone: 3 of 10 uncorroborated (30 %)
    // fires; 2 of 7 (29 %) does not
    book.ratio(MetricId.UNCORROBORATED_AI_SHARE, "unbacked", W12, 3, 10);
    book.ratio(MetricId.UNCORROBORATED_AI_SHARE, "nearbacked", W12, 2, 7);
    // 3 of 3 is all of them, but over too few PRs to say anything
    book.ratio(MetricId.UNCORROBORATED_AI_SHARE, "fewbacked", W12, 3, 3);
    merged("nearslice", 10, 14);
    book.ratio(RUBBER_STAMP_APPROVALS, "nearslice", W12, 3, 10);
    Detections found = new Detections();
    new MetricsGamingDetector()
        .detect(new DetectionContext(GoldenData.org(org()), book::get, W12, W12), found);

    assertEquals(
        List.of(
            "pod:inflated 2026-W12 MEDIUM",
            "pod:sliced 2026-W12 HIGH",
            "pod:unbacked 2026-W12 MEDIUM"),
        found.flags().stream().map(f -> f.scope() + " " + f.week() + " " + f.severity()).toList());
    assertEquals(
        "AI code share up 25 points in 8 weeks (30 % → 55 %, 4-week means) while lead time (40 h"
            + " → 40 h), deployment frequency (5 a week → 5 a week) and change failure rate (10 % →"
            + " 10 %) did not improve by 10 %",
        found.flags().get(0).rule());
    assertEquals(
        "merged PRs up 60 % (10 → 16 a week) while the median PR size fell 55 % (200 → 90 lines)"
            + " and deployments stayed flat (5 → 5 a week), 4-week means 8 weeks apart;"
            + " rubber-stamp approvals at 40 % of the week's approvals (over 30 %)",
        found.flags().get(1).rule());
    assertEquals(
        "30 % of the PRs whose AI rests on a trailer or label alone (3 of 10) had no agent use by"
            + " their author around them (threshold 30 %)",
        found.flags().get(2).rule());
    assertEquals(
        List.of("metrics_gaming pod:none"),
        found.notEvaluated().stream().map(n -> n.detector() + " " + n.scope()).toList());
  }

  private static String org() {
    StringBuilder yaml = new StringBuilder("org: {name: Acme}\npods:\n");
    for (String pod :
        List.of(
            "inflated",
            "delivered",
            "nearshare",
            "sliced",
            "nearslice",
            "unbacked",
            "nearbacked",
            "fewbacked",
            "none")) {
      yaml.append("  - {id: ").append(pod).append(", name: ").append(pod).append("}\n");
    }
    return yaml.toString();
  }
}
