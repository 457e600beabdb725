package io.podometer.engine.detect;

import static io.podometer.engine.figure.MetricId.LEAD_TIME_P50_HOURS;
import static io.podometer.engine.figure.MetricId.THROUGHPUT_PER_ENGINEER;
import static io.podometer.engine.figure.MetricId.WEEKLY_ACTIVE_AI_USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.testing.FigureBook;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code tool_bolt_on} judged in 2026-W20 (defaults: weekly active AI users ≥ 80 % for 4 weeks,
 * W17–W20; lead time or throughput improved by 10 % against the 8 weeks before adoption crossed 50
 * %).
 *
 * <p>Every pod below but {@code short} and {@code none}: adoption 20 % in W01–W08, 60 % in W09 (the
 * crossing: W08 is under 50 %), 70 % in W10–W16, 85 % in W17–W20; baseline W01–W08 lead time 40 h,
 * throughput 2.0.
 *
 * <pre>
 * pod      W17–W20 lead / throughput     → expected
 * flat     38 h (−5 %) / 2.1 (+5 %)      MEDIUM: neither improved by 10 %
 * worse    44 h / 1.8                     HIGH: both got worse
 * faster   36 h (= 40 × 0.9) / 2.0        near miss: lead time improved by exactly 10 %
 * busier   40 h / 2.2 (= 2.0 × 1.1)       near miss: throughput improved by exactly 10 %
 * short    as flat, but 79 % in W17       near miss: only 3 weeks at 80 %
 * nobase   as flat, no outcome figures in W01–W08   not evaluated: no baseline
 * none     no figures                     not evaluated: no adoption data
 * </pre>
 */
class ToolBoltOnDetectorTest {

  private static final IsoWeek W20 = IsoWeek.parse("2026-W20");

  private final FigureBook book = new FigureBook();

  private void pod(String pod, double lead, double throughput, boolean baseline, double w17) {
    book.weeks(WEEKLY_ACTIVE_AI_USERS, pod, "2026-W01", "2026-W08", 0.2)
        .weeks(WEEKLY_ACTIVE_AI_USERS, pod, "2026-W09", "2026-W09", 0.6)
        .weeks(WEEKLY_ACTIVE_AI_USERS, pod, "2026-W10", "2026-W16", 0.7)
        .weeks(WEEKLY_ACTIVE_AI_USERS, pod, "2026-W17", "2026-W17", w17)
        .weeks(WEEKLY_ACTIVE_AI_USERS, pod, "2026-W18", "2026-W20", 0.85)
        .weeks(LEAD_TIME_P50_HOURS, pod, "2026-W17", "2026-W20", lead)
        .weeks(THROUGHPUT_PER_ENGINEER, pod, "2026-W17", "2026-W20", throughput);
    if (baseline) {
      book.weeks(LEAD_TIME_P50_HOURS, pod, "2026-W01", "2026-W08", 40)
          .weeks(THROUGHPUT_PER_ENGINEER, pod, "2026-W01", "2026-W08", 2.0);
    }
  }

  @Test
  void firesWhenAdoptionIsHighAndNeitherOutcomeImproved() {
    pod("flat", 38, 2.1, true, 0.85);
    pod("worse", 44, 1.8, true, 0.85);
    pod("faster", 36, 2.0, true, 0.85);
    pod("busier", 40, 2.2, true, 0.85);
    pod("short", 38, 2.1, true, 0.79);
    pod("nobase", 38, 2.1, false, 0.85);
    Detections found = new Detections();
    new ToolBoltOnDetector()
        .detect(new DetectionContext(GoldenData.org(org()), book::get, W20, W20), found);

    assertEquals(
        List.of("pod:flat 2026-W20 MEDIUM", "pod:worse 2026-W20 HIGH"),
        found.flags().stream().map(f -> f.scope() + " " + f.week() + " " + f.severity()).toList());
    assertEquals(
        "weekly active AI users at 80 % or more for 4 weeks, yet neither lead time nor throughput"
            + " improved by 10 % against the 8 weeks before adoption crossed 50 % (2026-W09): lead"
            + " time 38 h against 40 h, throughput 2.10 against 2 PRs per engineer",
        found.flags().get(0).rule());
    // 4 weeks of adoption, then lead time and throughput of the 8 baseline and the 4 judged weeks
    assertEquals(4 + 2 * 8 + 2 * 4, found.flags().get(0).evidence().size());
    assertEquals(
        List.of(
            "pod:nobase outcome baseline: no lead_time_p50_hours or throughput_per_engineer in half"
                + " the 8 weeks before adoption crossed 50 % in 2026-W09",
            "pod:none adoption data: no weekly_active_ai_users for the pod from 2026-W20 to"
                + " 2026-W20 (agent usage or AI-attributed changes)"),
        found.notEvaluated().stream().map(n -> n.scope() + " " + n.missing()).toList());
  }

  private static String org() {
    StringBuilder yaml = new StringBuilder("org: {name: Acme}\npods:\n");
    for (String pod : List.of("flat", "worse", "faster", "busier", "short", "nobase", "none")) {
      yaml.append("  - {id: ").append(pod).append(", name: ").append(pod).append("}\n");
    }
    return yaml.toString();
  }
}
