package io.podometer.engine.pilot;

import static io.podometer.engine.figure.MetricId.AGENT_ASSISTED_DIFFS;
import static io.podometer.engine.figure.MetricId.CHANGE_FAILURE_RATE;
import static io.podometer.engine.figure.MetricId.LEAD_TIME_P50_HOURS;
import static io.podometer.engine.figure.MetricId.THROUGHPUT_PER_ENGINEER;
import static io.podometer.engine.figure.MetricId.WEEKLY_ACTIVE_AI_USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pilot;
import io.podometer.engine.pilot.ScaleGateVerdict.Verdict;
import io.podometer.engine.testing.FigureBook;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scale gates judged in 2026-W19, default criteria (90 % weekly active AI users within 8 weeks, 55
 * % agent-assisted diffs, throughput 1.5× or lead time / 1.5, change failure rate within + 5
 * points). Pilots pa…pf start 2026-03-02 (W10): 10 weeks in, baseline W02–W09, recent W16–W19.
 * Every value is the same in each week of its window.
 *
 * <pre>
 * pod  throughput  lead time  CFR           assisted  90 % adoption   → verdict
 *      base→recent base→rec.  base→recent
 * pa   2.0 → 3.2   40 → 30    10 % → 12 %   60 %      week 3          validated: 3.2 ≥ 3.0, 12 % ≤ 15 %
 * pb   2.0 → 2.6   40 → 32    10 % → 10 %   50 %      week 6          promising: 2 of 4 met, gains on the controls
 * pc   2.0 → 2.1   40 → 44     5 % →  8 %   30 %      never (70 %)    not validated: 1 of 4 met, no gain
 * pf   2.0 → 3.2   40 → 30    10 % → 20 %   60 %      week 3          not validated: failures rose 10 points
 * pe   none → 3.0  none → 30   —            60 %      week 3          insufficient data: no baseline
 * pd   starts 2026-W18: 2 weeks in                                  insufficient data
 * controls (no pilot): ctl1 throughput 2.0 → 2.1, lead 40 → 40; ctl2 throughput 2.0 → 2.3, lead 40 → 38
 *   → the controls moved +0.2 PRs per engineer and −1 h on average
 * </pre>
 */
class ScaleGateTest {

  private static final IsoWeek W19 = IsoWeek.parse("2026-W19");

  private static final String ORG =
      """
      org: {name: Acme}
      pods:
        - {id: pa, name: Pa}
        - {id: pb, name: Pb}
        - {id: pc, name: Pc}
        - {id: pd, name: Pd}
        - {id: pe, name: Pe}
        - {id: pf, name: Pf}
        - {id: ctl1, name: Ctl1}
        - {id: ctl2, name: Ctl2}
      members:
        - {id: raj, name: Raj, role: engineer, memberships: [{pod: pa, from: 2026-01-05}]}
      pilots:
        - {pod: pa, champion: raj, start: 2026-03-02}
        - {pod: pb, champion: raj, start: 2026-03-02}
        - {pod: pc, champion: raj, start: 2026-03-02}
        - {pod: pd, champion: raj, start: 2026-04-27}
        - {pod: pe, champion: raj, start: 2026-03-02}
        - {pod: pf, champion: raj, start: 2026-03-02}
      """;

  private final FigureBook figures = new FigureBook();

  private void weeks(MetricId metric, String pod, String first, String last, double value) {
    figures.weeks(metric, pod, first, last, value);
  }

  private void outcomes(String pod, double[] throughput, double[] lead, double[] failures) {
    if (throughput[0] >= 0) {
      weeks(THROUGHPUT_PER_ENGINEER, pod, "2026-W02", "2026-W09", throughput[0]);
      weeks(LEAD_TIME_P50_HOURS, pod, "2026-W02", "2026-W09", lead[0]);
    }
    weeks(THROUGHPUT_PER_ENGINEER, pod, "2026-W16", "2026-W19", throughput[1]);
    weeks(LEAD_TIME_P50_HOURS, pod, "2026-W16", "2026-W19", lead[1]);
    if (failures != null) {
      weeks(CHANGE_FAILURE_RATE, pod, "2026-W02", "2026-W09", failures[0]);
      weeks(CHANGE_FAILURE_RATE, pod, "2026-W16", "2026-W19", failures[1]);
    }
  }

  /** Adoption of {@code early} until week {@code reached} of the pilot, 95 % from then on. */
  private void adoption(String pod, int reached, double early, double assisted) {
    IsoWeek start = IsoWeek.parse("2026-W10");
    for (int n = 1; n <= 10; n++) {
      String week = start.plusWeeks(n - 1).toString();
      weeks(WEEKLY_ACTIVE_AI_USERS, pod, week, week, reached > 0 && n >= reached ? 0.95 : early);
    }
    weeks(AGENT_ASSISTED_DIFFS, pod, "2026-W16", "2026-W19", assisted);
  }

  private ScaleGateVerdict judge(OrgModel org, String pod) {
    Pilot pilot = org.pilots().stream().filter(p -> p.pod().equals(pod)).findFirst().orElseThrow();
    return new ScaleGate(org, figures::get).judge(pilot, W19);
  }

  @Test
  void eachVerdictOnItsOwnPilot() {
    outcomes("pa", new double[] {2.0, 3.2}, new double[] {40, 30}, new double[] {0.10, 0.12});
    adoption("pa", 3, 0.5, 0.60);
    outcomes("pb", new double[] {2.0, 2.6}, new double[] {40, 32}, new double[] {0.10, 0.10});
    adoption("pb", 6, 0.5, 0.50);
    outcomes("pc", new double[] {2.0, 2.1}, new double[] {40, 44}, new double[] {0.05, 0.08});
    adoption("pc", 0, 0.7, 0.30);
    outcomes("pf", new double[] {2.0, 3.2}, new double[] {40, 30}, new double[] {0.10, 0.20});
    adoption("pf", 3, 0.5, 0.60);
    outcomes("pe", new double[] {-1, 3.0}, new double[] {-1, 30}, null);
    adoption("pe", 3, 0.5, 0.60);
    outcomes("ctl1", new double[] {2.0, 2.1}, new double[] {40, 40}, null);
    outcomes("ctl2", new double[] {2.0, 2.3}, new double[] {40, 38}, null);
    OrgModel org = GoldenData.org(ORG);

    ScaleGateVerdict pa = judge(org, "pa");
    assertEquals(Verdict.VALIDATED, pa.verdict());
    assertEquals(3, pa.weeksToAdoption());
    assertEquals(
        List.of(true, true, true, true), pa.criteria().stream().map(c -> c.met()).toList());
    // (3.2 − 2.0) − mean(2.1 − 2.0, 2.3 − 2.0) = 1.2 − 0.2 = 1.0
    assertEquals(1.0, pa.throughputDifferenceInDifferences(), 1e-9);
    // (30 − 40) − mean(0, −2) = −10 − (−1) = −9 hours
    assertEquals(-9.0, pa.leadTimeDifferenceInDifferences(), 1e-9);

    ScaleGateVerdict pb = judge(org, "pb");
    assertEquals(Verdict.PROMISING, pb.verdict());
    // adoption (week 6 ≤ 8) and failures met; assisted 50 % < 55 %, 2.6 < 3.0 and 32 > 26.67
    assertEquals(
        List.of(true, false, false, true), pb.criteria().stream().map(c -> c.met()).toList());
    // 0.6 − 0.2 = 0.4 more PRs per engineer than the controls gained
    assertEquals(0.4, pb.throughputDifferenceInDifferences(), 1e-9);
    assertEquals(
        "throughput 2.60 against 2, lead time 32 h against 40 h", pb.criteria().get(2).detail());

    ScaleGateVerdict pc = judge(org, "pc");
    assertEquals(Verdict.NOT_VALIDATED, pc.verdict());
    assertEquals("not reached in 8 weeks", pc.criteria().get(0).detail());
    // 0.1 − 0.2 = −0.1; lead 4 − (−1) = +5 hours: no gain on the controls
    assertEquals(-0.1, pc.throughputDifferenceInDifferences(), 1e-9);
    assertEquals(5.0, pc.leadTimeDifferenceInDifferences(), 1e-9);

    ScaleGateVerdict pf = judge(org, "pf");
    assertEquals(Verdict.NOT_VALIDATED, pf.verdict());
    assertEquals("20 % against 10 %", pf.criteria().get(3).detail());

    ScaleGateVerdict pe = judge(org, "pe");
    assertEquals(Verdict.INSUFFICIENT_DATA, pe.verdict());
    assertEquals(
        List.of(
            "a baseline: throughput_per_engineer or lead_time_p50_hours in half the 8 weeks before"
                + " 2026-W10"),
        pe.missing());

    ScaleGateVerdict pd = judge(org, "pd");
    assertEquals(Verdict.INSUFFICIENT_DATA, pd.verdict());
    assertEquals(List.of("4 weeks of the pilot (2 so far)"), pd.missing());
  }

  @Test
  void adoptionIsPendingWhileItsWeeksRun() {
    // W10 start judged in W15: 6 weeks in, adoption at 70 %, 2 weeks left to reach 90 %
    weeks(WEEKLY_ACTIVE_AI_USERS, "pa", "2026-W10", "2026-W15", 0.7);
    weeks(THROUGHPUT_PER_ENGINEER, "pa", "2026-W02", "2026-W15", 2.0);
    OrgModel org = GoldenData.org(ORG);
    Pilot pilot = org.pilots().get(0);
    ScaleGateVerdict verdict =
        new ScaleGate(org, figures::get).judge(pilot, IsoWeek.parse("2026-W15"));
    assertEquals(null, verdict.criteria().get(0).met());
    assertEquals("not reached yet, 2 weeks left", verdict.criteria().get(0).detail());
    assertEquals(Verdict.PROMISING, verdict.verdict());
  }
}
