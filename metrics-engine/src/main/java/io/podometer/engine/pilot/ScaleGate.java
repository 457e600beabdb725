package io.podometer.engine.pilot;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pilot;
import io.podometer.engine.org.PilotCriteria;
import io.podometer.engine.org.Pod;
import io.podometer.engine.pilot.ScaleGateVerdict.Criterion;
import io.podometer.engine.pilot.ScaleGateVerdict.Verdict;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scale gate of SPEC §5.3, judged in a week for a pilot pod. The pilot's weeks run from the
 * week of its start; its <em>baseline</em> is the {@code baselineWeeks} before, its <em>recent</em>
 * weeks the last 4 of its weeks (fewer early on). Criteria, from the pilot's {@code
 * successCriteria}:
 *
 * <ol>
 *   <li>{@code adoption}: weekly active AI users reach the share within {@code withinWeeks} weeks
 *       of the start (not yet known while those weeks run);
 *   <li>{@code agent_assisted_diffs}: their recent mean reaches the share;
 *   <li>{@code outcome}: recent throughput per engineer ≥ factor × baseline, or recent lead time ≤
 *       baseline / factor;
 *   <li>{@code change_failure_rate}: the recent mean within baseline + the points allowed.
 * </ol>
 *
 * Means count a figure only where shown (withheld ones are missing) and need half their weeks. The
 * verdict: <em>insufficient data</em> before 4 weeks of the pilot, without a baseline of throughput
 * or lead time, or without recent outcome figures (saying which); <em>validated</em> when every
 * criterion is met; <em>not validated</em> when the change failure rate broke its criterion, or
 * once {@code withinWeeks} have passed with fewer than half the criteria met and no gain over the
 * pods without a pilot; <em>promising</em> otherwise. The differences in differences compare the
 * pilot's change (recent minus baseline) with the mean change of the pods that run no pilot over
 * the same weeks — the stronger evidence, since the whole organization moves too.
 */
public final class ScaleGate {

  public static final int RECENT_WEEKS = 4;
  static final int MIN_WEEKS = 4;

  private final OrgModel org;
  private final Function<FigureKey, Figure> figures;

  public ScaleGate(OrgModel org, Function<FigureKey, Figure> figures) {
    this.org = org;
    this.figures = figures;
  }

  public ScaleGateVerdict judge(Pilot pilot, IsoWeek week) {
    PilotCriteria criteria = pilot.successCriteria();
    ScopeId scope = ScopeId.pod(pilot.pod());
    IsoWeek start = IsoWeek.of(pilot.start());
    int weeksIn = weeksBetween(start, week) + 1;
    List<String> missing = new ArrayList<>();
    if (weeksIn < MIN_WEEKS) {
      missing.add(
          weeksIn < 1
              ? "the pilot starts in " + start
              : "4 weeks of the pilot (" + weeksIn + " so far)");
      return new ScaleGateVerdict(
          pilot.pod(), week, Verdict.INSUFFICIENT_DATA, List.of(), null, null, null, missing);
    }
    IsoWeek baselineLast = start.plusWeeks(-1);
    int recent = Math.min(RECENT_WEEKS, weeksIn);
    Double throughputBefore =
        mean(MetricId.THROUGHPUT_PER_ENGINEER, scope, baselineLast, pilot.baselineWeeks());
    Double leadBefore =
        mean(MetricId.LEAD_TIME_P50_HOURS, scope, baselineLast, pilot.baselineWeeks());
    Double failuresBefore =
        mean(MetricId.CHANGE_FAILURE_RATE, scope, baselineLast, pilot.baselineWeeks());
    Double throughputNow = mean(MetricId.THROUGHPUT_PER_ENGINEER, scope, week, recent);
    Double leadNow = mean(MetricId.LEAD_TIME_P50_HOURS, scope, week, recent);
    Double failuresNow = mean(MetricId.CHANGE_FAILURE_RATE, scope, week, recent);
    Double assisted = mean(MetricId.AGENT_ASSISTED_DIFFS, scope, week, recent);
    if (throughputBefore == null && leadBefore == null) {
      missing.add(
          "a baseline: throughput_per_engineer or lead_time_p50_hours in half the "
              + pilot.baselineWeeks()
              + " weeks before "
              + start);
    }
    if (throughputNow == null && leadNow == null) {
      missing.add(
          "recent outcomes: throughput_per_engineer or lead_time_p50_hours in half the last "
              + recent
              + " weeks");
    }

    List<Criterion> list = new ArrayList<>();
    Integer weeksTo = weeksToAdoption(scope, start, week, criteria.weeklyActiveAiUsers());
    Boolean adopted =
        weeksTo != null
            ? Boolean.valueOf(weeksTo <= criteria.withinWeeks())
            : weeksIn > criteria.withinWeeks() ? Boolean.FALSE : null;
    list.add(
        new Criterion(
            "adoption",
            format(
                "weekly active AI users reach %s within %d weeks of the start",
                percent(criteria.weeklyActiveAiUsers()), criteria.withinWeeks()),
            adopted,
            weeksTo != null
                ? "reached in week " + weeksTo
                : adopted == null
                    ? "not reached yet, " + (criteria.withinWeeks() - weeksIn) + " weeks left"
                    : "not reached in " + criteria.withinWeeks() + " weeks"));
    list.add(
        new Criterion(
            "agent_assisted_diffs",
            format("agent-assisted diffs reach %s", percent(criteria.agentAssistedDiffs())),
            assisted == null ? null : assisted >= criteria.agentAssistedDiffs() - 1e-9,
            assisted == null
                ? "no figures"
                : percent(assisted) + " over the last " + recent + " weeks"));
    Boolean faster =
        leadBefore == null || leadNow == null
            ? null
            : leadNow <= leadBefore / criteria.leadTimeFactor() + 1e-9;
    Boolean busier =
        throughputBefore == null || throughputNow == null
            ? null
            : throughputNow >= throughputBefore * criteria.throughputFactor() - 1e-9;
    Boolean outcome =
        Boolean.TRUE.equals(faster) || Boolean.TRUE.equals(busier)
            ? Boolean.TRUE
            : faster == null && busier == null ? null : Boolean.FALSE;
    list.add(
        new Criterion(
            "outcome",
            format(
                "throughput per engineer ≥ %s× baseline, or lead time ≤ baseline / %s",
                number(criteria.throughputFactor()), number(criteria.leadTimeFactor())),
            outcome,
            format(
                "throughput %s against %s, lead time %s h against %s h",
                number(throughputNow),
                number(throughputBefore),
                number(leadNow),
                number(leadBefore))));
    Boolean safe =
        failuresBefore == null || failuresNow == null
            ? null
            : failuresNow <= failuresBefore + criteria.changeFailureRateRisePp() / 100 + 1e-9;
    list.add(
        new Criterion(
            "change_failure_rate",
            format(
                "change failure rate at most baseline + %s points",
                number(criteria.changeFailureRateRisePp())),
            safe,
            failuresNow == null || failuresBefore == null
                ? "no figures"
                : percent(failuresNow) + " against " + percent(failuresBefore)));

    Double throughputDid =
        difference(
            MetricId.THROUGHPUT_PER_ENGINEER, pilot, week, recent, throughputNow, throughputBefore);
    Double leadDid =
        difference(MetricId.LEAD_TIME_P50_HOURS, pilot, week, recent, leadNow, leadBefore);
    return new ScaleGateVerdict(
        pilot.pod(),
        week,
        verdict(list, missing, weeksIn, criteria, throughputDid, leadDid),
        list,
        weeksTo,
        throughputDid,
        leadDid,
        missing);
  }

  private static Verdict verdict(
      List<Criterion> criteria,
      List<String> missing,
      int weeksIn,
      PilotCriteria rule,
      Double throughputDid,
      Double leadDid) {
    if (!missing.isEmpty()) {
      return Verdict.INSUFFICIENT_DATA;
    }
    long met = criteria.stream().filter(c -> Boolean.TRUE.equals(c.met())).count();
    if (met == criteria.size()) {
      return Verdict.VALIDATED;
    }
    boolean brokeFailures =
        criteria.stream()
            .anyMatch(c -> c.id().equals("change_failure_rate") && Boolean.FALSE.equals(c.met()));
    boolean gained =
        (throughputDid != null && throughputDid > 0) || (leadDid != null && leadDid < 0);
    if (brokeFailures || (weeksIn > rule.withinWeeks() && met * 2 < criteria.size() && !gained)) {
      return Verdict.NOT_VALIDATED;
    }
    return Verdict.PROMISING;
  }

  /** The week number (1 = the start's week) in which adoption first reached the share, or null. */
  private Integer weeksToAdoption(ScopeId scope, IsoWeek start, IsoWeek week, double share) {
    int n = 1;
    for (IsoWeek w = start; w.compareTo(week) <= 0; w = w.plusWeeks(1), n++) {
      Double active = value(MetricId.WEEKLY_ACTIVE_AI_USERS, scope, w);
      if (active != null && active >= share - 1e-9) {
        return n;
      }
    }
    return null;
  }

  /**
   * The pilot's change (recent minus baseline) less the mean change of the pods running no pilot by
   * then, over the same weeks; null without the pilot's change or any such pod's.
   */
  private Double difference(
      MetricId metric, Pilot pilot, IsoWeek week, int recent, Double now, Double before) {
    if (now == null || before == null) {
      return null;
    }
    Set<String> piloting =
        org.pilots().stream()
            .filter(p -> IsoWeek.of(p.start()).compareTo(week) <= 0)
            .map(Pilot::pod)
            .collect(Collectors.toSet());
    IsoWeek baselineLast = IsoWeek.of(pilot.start()).plusWeeks(-1);
    double sum = 0;
    int pods = 0;
    for (Pod pod : org.pods()) {
      if (piloting.contains(pod.id())) {
        continue;
      }
      ScopeId scope = ScopeId.pod(pod.id());
      Double podNow = mean(metric, scope, week, recent);
      Double podBefore = mean(metric, scope, baselineLast, pilot.baselineWeeks());
      if (podNow != null && podBefore != null) {
        sum += podNow - podBefore;
        pods++;
      }
    }
    return pods == 0 ? null : (now - before) - sum / pods;
  }

  private Double mean(MetricId metric, ScopeId scope, IsoWeek last, int count) {
    double sum = 0;
    int weeks = 0;
    for (int back = 0; back < count; back++) {
      Double value = value(metric, scope, last.plusWeeks(-back));
      if (value != null) {
        sum += value;
        weeks++;
      }
    }
    return weeks == 0 || weeks * 2 < count ? null : sum / weeks;
  }

  private Double value(MetricId metric, ScopeId scope, IsoWeek week) {
    Figure figure = figures.apply(new FigureKey(metric, scope, week));
    return figure == null || figure.withheld() != null ? null : figure.value();
  }

  private static int weeksBetween(IsoWeek from, IsoWeek to) {
    return (int) ((to.monday().toEpochDay() - from.monday().toEpochDay()) / 7);
  }

  private static String percent(double share) {
    return format("%.0f %%", share * 100);
  }

  private static String number(Double value) {
    return value == null ? "n/a" : format(value == Math.rint(value) ? "%.0f" : "%.2f", value);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
