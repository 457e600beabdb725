package io.podometer.engine.bet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.podometer.engine.event.EventData.BetSignal;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kill signals judged in 2026-W10 (window of 4 weeks: W07 Mon 02-09 … W10 Sun 03-08), signal {@code
 * conversion_rate < 0.02}; weekly value = the mean of the week's readings.
 *
 * <pre>
 * bet         W06     W07     W08              W09     W10     W11    → in W10 / W11
 * falling     —       0.018   0.016, 0.014     0.019   0.010   —      FIRES (all 4 under), current 0.010
 * recovering  —       0.015   0.015            0.015   0.021   —      HOLDS (W10 not under)
 * edge        0.030   0.0199  0.0199           0.0199  0.0199  0.02   FIRES in W10 (W06 is outside the
 *                                                                      window); HOLDS in W11 (0.02 is not under 0.02)
 * late        —       —       0.010            0.010   0.010   —      NOT_EVALUATED: no reading in W07
 * lead        lead_time_p50_hours > 48 over 2 weeks: W09 50 h, W10 60 h FIRES; W11 withheld → NOT_EVALUATED
 * idle        no kill signal                                          NOT_EVALUATED
 * </pre>
 */
class KillSignalEvaluatorTest {

  private static final IsoWeek W10 = IsoWeek.parse("2026-W10");
  private static final IsoWeek W11 = IsoWeek.parse("2026-W11");

  private static final String ORG =
      """
      org: {name: Acme}
      pods: [{id: shop, name: Shop}]
      members:
        - {id: ana, name: Ana, role: pm, memberships: [{pod: shop, from: 2026-01-05}]}
      bets:
        - {id: falling, title: Falling, sto: ana, killSignal: {signal: conversion_rate, comparator: "<", threshold: 0.02, windowWeeks: 4}}
        - {id: recovering, title: Recovering, sto: ana, killSignal: {signal: conversion_rate, comparator: "<", threshold: 0.02, windowWeeks: 4}}
        - {id: edge, title: Edge, sto: ana, killSignal: {signal: conversion_rate, comparator: "<", threshold: 0.02, windowWeeks: 4}}
        - {id: late, title: Late, sto: ana, killSignal: {signal: conversion_rate, comparator: "<", threshold: 0.02, windowWeeks: 4}}
        - {id: lead, title: Lead, sto: ana, killSignal: {metric: lead_time_p50_hours, comparator: ">", threshold: 48, windowWeeks: 2}}
        - {id: idle, title: Idle, sto: ana}
      """;

  private final List<BetSignal> signals = new ArrayList<>();
  private final Map<FigureKey, Figure> figures = new HashMap<>();

  /** A reading on the Wednesday of the week. */
  private void read(String bet, String week, double... values) {
    Instant wednesday =
        IsoWeek.parse(week).monday().plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC);
    for (double value : values) {
      signals.add(new BetSignal(bet, "conversion_rate", value, wednesday));
    }
  }

  private void leadTime(String week, Double hours) {
    FigureKey key =
        new FigureKey(MetricId.LEAD_TIME_P50_HOURS, ScopeId.bet("lead"), IsoWeek.parse(week));
    figures.put(
        key,
        hours == null
            ? new Figure(
                key.metric(),
                key.scope(),
                key.week(),
                null,
                null,
                null,
                0,
                0,
                null,
                null,
                null,
                null,
                "withheld: fewer than 3 people",
                false)
            : new Figure(
                key.metric(),
                key.scope(),
                key.week(),
                hours,
                null,
                null,
                4,
                3,
                null,
                null,
                null,
                null,
                null,
                false));
  }

  private KillSignalEvaluator evaluator(OrgModel org) {
    read("falling", "2026-W07", 0.018);
    read("falling", "2026-W08", 0.016, 0.014);
    read("falling", "2026-W09", 0.019);
    read("falling", "2026-W10", 0.010);
    for (String week : List.of("2026-W07", "2026-W08", "2026-W09")) {
      read("recovering", week, 0.015);
      read("edge", week, 0.0199);
    }
    read("recovering", "2026-W10", 0.021);
    read("edge", "2026-W06", 0.030);
    read("edge", "2026-W10", 0.0199);
    read("edge", "2026-W11", 0.02);
    for (String week : List.of("2026-W08", "2026-W09", "2026-W10")) {
      read("late", week, 0.010);
    }
    leadTime("2026-W09", 50.0);
    leadTime("2026-W10", 60.0);
    leadTime("2026-W11", null);
    return new KillSignalEvaluator(org.org().timeZone(), signals, figures::get);
  }

  private static Bet bet(OrgModel org, String id) {
    return org.bets().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void firesOnlyWhenEveryWeekOfTheWindowBreached() {
    OrgModel org = GoldenData.org(ORG);
    KillSignalEvaluator evaluator = evaluator(org);

    KillSignalVerdict falling = evaluator.evaluate(bet(org, "falling"), W10);
    assertEquals(KillSignalVerdict.State.FIRES, falling.state());
    // W08's two readings are averaged: (0.016 + 0.014) / 2 = 0.015
    assertEquals(0.015, falling.window().get(1).value(), 1e-12);
    assertEquals(2, falling.window().get(1).readings());
    assertEquals(0.010, falling.current(), 1e-12);

    assertEquals(
        KillSignalVerdict.State.HOLDS, evaluator.evaluate(bet(org, "recovering"), W10).state());
    assertEquals(KillSignalVerdict.State.FIRES, evaluator.evaluate(bet(org, "edge"), W10).state());
    assertEquals(KillSignalVerdict.State.HOLDS, evaluator.evaluate(bet(org, "edge"), W11).state());

    KillSignalVerdict late = evaluator.evaluate(bet(org, "late"), W10);
    assertEquals(KillSignalVerdict.State.NOT_EVALUATED, late.state());
    assertEquals("no conversion_rate reading in 2026-W07", late.missing());
    assertNull(late.window().get(0).value());
  }

  @Test
  void aMetricSignalReadsTheBetsFigures() {
    OrgModel org = GoldenData.org(ORG);
    KillSignalEvaluator evaluator = evaluator(org);
    KillSignalVerdict lead = evaluator.evaluate(bet(org, "lead"), W10);
    assertEquals(KillSignalVerdict.State.FIRES, lead.state());
    assertEquals(60.0, lead.current());
    KillSignalVerdict withheld = evaluator.evaluate(bet(org, "lead"), W11);
    assertEquals(KillSignalVerdict.State.NOT_EVALUATED, withheld.state());
    assertEquals("no lead_time_p50_hours figure in 2026-W11", withheld.missing());
    assertEquals("no kill signal", evaluator.evaluate(bet(org, "idle"), W10).missing());
  }

  @Test
  void readingsCountInTheOrganizationsWeek() {
    // Sunday 23:30 UTC is already Monday in Berlin: the reading belongs to the next week there
    Instant sunday = Instant.parse("2026-03-08T23:30:00Z");
    List<BetSignal> one = List.of(new BetSignal("falling", "conversion_rate", 0.01, sunday));
    OrgModel org = GoldenData.org(ORG);
    Bet bet = bet(org, "falling");
    assertEquals(
        1,
        new KillSignalEvaluator(ZoneId.of("Europe/Berlin"), one, k -> null)
            .evaluate(bet, W11)
            .window()
            .get(3)
            .readings());
    assertEquals(
        1,
        new KillSignalEvaluator(ZoneOffset.UTC, one, k -> null)
            .evaluate(bet, W10)
            .window()
            .get(3)
            .readings());
  }
}
