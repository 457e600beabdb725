package io.podometer.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.FigureBook;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code prompt_cargo_culting} on hand-made figures, judged over 2026-W09..W10 (defaults: under 20
 * % acceptance or over 50 % edit rejects, 2 consecutive weeks; "slow" overrides to 3 weeks).
 *
 * <pre>
 * pod        week   acceptance  rejects
 * checkout   W08    15 %        55 %      both
 * checkout   W09    18 %        60 %      both   → W09 fires, HIGH
 * checkout   W10    30 %        20 %      neither
 * search     W08    19 %        —         just under
 * search     W09    20 %        50 %      exactly at both thresholds: not over them → near miss
 * search     W10    10 %        —         one week only
 * slow       W08-W09 10 %, 10 %            2 weeks of the 3 it needs → near miss;
 * slow       W10    10 %                  third week → W10 fires, MEDIUM (rejects fine)
 * quiet      no figures                   not evaluated
 *
 * tokens per accepted line, W08–W10: checkout, search, slow 100; heavy 400; near 300 → the pods'
 * median is 100 each week: heavy is over 3 × 100 every week → W09 and W10 fire, MEDIUM; near is
 * exactly 3 × the median, not over it → near miss.
 * </pre>
 */
class PromptCargoCultingDetectorTest {

  private static final String ORG =
      """
      org: {name: Acme}
      pods:
        - {id: checkout, name: Checkout}
        - {id: search, name: Search}
        - {id: slow, name: Slow, thresholds: {prompt_cargo_culting: {weeks: 3}}}
        - {id: quiet, name: Quiet}
        - {id: heavy, name: Heavy}
        - {id: near, name: Near}
      """;

  private final FigureBook figures = new FigureBook();

  private void put(String pod, String week, Double acceptance, Double rejects) {
    put(MetricId.AGENT_ACCEPTANCE_RATE, pod, week, acceptance);
    put(MetricId.AGENT_EDIT_REJECT_RATE, pod, week, rejects);
  }

  private void put(MetricId metric, String pod, String week, Double value) {
    if (value != null) {
      figures.put(metric, pod, IsoWeek.parse(week), value);
    }
  }

  @Test
  void firesAfterConsecutiveWeeksAndNotJustUnderOrWithoutData() {
    put("checkout", "2026-W08", 0.15, 0.55);
    put("checkout", "2026-W09", 0.18, 0.60);
    put("checkout", "2026-W10", 0.30, 0.20);
    put("search", "2026-W08", 0.19, null);
    put("search", "2026-W09", 0.20, 0.50);
    put("search", "2026-W10", 0.10, null);
    put("slow", "2026-W08", 0.10, null);
    put("slow", "2026-W09", 0.10, null);
    put("slow", "2026-W10", 0.10, null);
    for (String week : List.of("2026-W08", "2026-W09", "2026-W10")) {
      for (String pod : List.of("checkout", "search", "slow")) {
        put(MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE, pod, week, 100.0);
      }
      put(MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE, "heavy", week, 400.0);
      put(MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE, "near", week, 300.0);
    }
    OrgModel org = GoldenData.org(ORG);
    Detections found = new Detections();
    new PromptCargoCultingDetector()
        .detect(
            new DetectionContext(
                org, figures::get, IsoWeek.parse("2026-W09"), IsoWeek.parse("2026-W10")),
            found);

    assertEquals(
        List.of(
            "pod:checkout 2026-W09 HIGH",
            "pod:slow 2026-W10 MEDIUM",
            "pod:heavy 2026-W09 MEDIUM",
            "pod:heavy 2026-W10 MEDIUM"),
        found.flags().stream().map(f -> f.scope() + " " + f.week() + " " + f.severity()).toList());
    Flag checkout = found.flags().get(0);
    assertEquals(
        "for 2 consecutive weeks, agent acceptance rate under 20 %, edit reject rate over 50 %, or"
            + " tokens per accepted line over 3 times the pods' median; this week: acceptance 18 %,"
            + " edit rejects 60 %, 100 tokens per accepted line",
        checkout.rule());
    assertEquals(
        Map.of(
            "acceptanceRateBelow",
            0.2,
            "rejectRateAbove",
            0.5,
            "tokensPerAcceptedLineVsMedian",
            3.0,
            "weeks",
            2),
        checkout.thresholds());
    // the figures of both weeks, each as it stood
    assertEquals(6, checkout.evidence().size());
    assertEquals(
        new FlagEvidence(
            MetricId.AGENT_ACCEPTANCE_RATE,
            ScopeId.pod("checkout"),
            IsoWeek.parse("2026-W08"),
            0.15),
        checkout.evidence().get(0));
    assertEquals(3, found.flags().get(1).thresholds().get("weeks"));
    assertEquals(
        List.of(ScopeId.pod("quiet")),
        found.notEvaluated().stream().map(NotEvaluated::scope).toList());
    assertEquals(
        "agent telemetry: no agent_acceptance_rate, agent_edit_reject_rate or"
            + " agent_tokens_per_accepted_line for the pod from 2026-W09 to 2026-W10 (OpenTelemetry"
            + " exports or vendor reports)",
        found.notEvaluated().get(0).missing());
  }
}
