package io.podometer.engine.detect;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.DetectorThresholds;
import io.podometer.engine.org.DetectorThresholds.MeetingCreep;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code meeting_creep} (SPEC §6): a pod's meeting hours per engineer up by {@code hoursRise} or
 * more against the mean of the {@code baselineWeeks} before the week, while its throughput per
 * engineer did not rise above its mean of those weeks — the time AI saved going to meetings. A week
 * is judged only with its own two figures and at least half the baseline weeks' meeting figures;
 * HIGH from twice the rise. A pod without meeting figures over the weeks read is not evaluated.
 */
public final class MeetingCreepDetector extends PodDetector<MeetingCreep> {

  public static final String ID = "meeting_creep";

  /** Figures are sums of decimals: a rise of exactly the threshold counts as reaching it. */
  private static final double EPSILON = 1e-9;

  public MeetingCreepDetector() {
    super(ID, DetectorThresholds::meetingCreep);
  }

  @Override
  void judge(DetectionContext context, ScopeId scope, MeetingCreep rule, Detections found) {
    boolean anyData = false;
    for (IsoWeek week : context.weeks()) {
      Double hours = context.value(MetricId.MEETING_HOURS_PER_ENGINEER, scope, week);
      Double throughput = context.value(MetricId.THROUGHPUT_PER_ENGINEER, scope, week);
      List<FlagEvidence> evidence = new ArrayList<>();
      double hoursSum = 0;
      int hoursWeeks = 0;
      double throughputSum = 0;
      int throughputWeeks = 0;
      for (int back = rule.baselineWeeks(); back >= 1; back--) {
        IsoWeek w = week.plusWeeks(-back);
        Double h = context.value(MetricId.MEETING_HOURS_PER_ENGINEER, scope, w);
        Double t = context.value(MetricId.THROUGHPUT_PER_ENGINEER, scope, w);
        evidence.add(new FlagEvidence(MetricId.MEETING_HOURS_PER_ENGINEER, scope, w, h));
        if (h != null) {
          hoursSum += h;
          hoursWeeks++;
        }
        if (t != null) {
          throughputSum += t;
          throughputWeeks++;
        }
      }
      anyData |= hours != null || hoursWeeks > 0;
      if (hours == null
          || throughput == null
          || hoursWeeks * 2 < rule.baselineWeeks()
          || throughputWeeks == 0) {
        continue;
      }
      double baseline = hoursSum / hoursWeeks;
      double rise = baseline == 0 ? 0 : hours / baseline - 1;
      boolean throughputRose = throughput > throughputSum / throughputWeeks;
      if (baseline > 0 && rise >= rule.hoursRise() - EPSILON && !throughputRose) {
        evidence.add(new FlagEvidence(MetricId.MEETING_HOURS_PER_ENGINEER, scope, week, hours));
        evidence.add(new FlagEvidence(MetricId.THROUGHPUT_PER_ENGINEER, scope, week, throughput));
        found.flag(
            new Flag(
                ID,
                scope,
                week,
                rise >= 2 * rule.hoursRise() - EPSILON ? Severity.HIGH : Severity.MEDIUM,
                String.format(
                    Locale.ROOT,
                    "meeting hours per engineer %.1f h, %.0f %% over the %.1f h of the %d weeks"
                        + " before (threshold %.0f %%), while throughput per engineer did not rise"
                        + " (%.2f against %.2f)",
                    hours,
                    rise * 100,
                    baseline,
                    rule.baselineWeeks(),
                    rule.hoursRise() * 100,
                    throughput,
                    throughputSum / throughputWeeks),
                Map.of("hoursRise", rule.hoursRise(), "baselineWeeks", rule.baselineWeeks()),
                evidence,
                "Look at what the new meetings are for: hand status updates to the figures, keep"
                    + " decisions with the single task owner, and give back focus time."));
      }
    }
    if (!anyData) {
      found.notEvaluated(
          new NotEvaluated(
              ID,
              scope,
              "meeting data: no meeting_hours_per_engineer for the pod from "
                  + context.from().plusWeeks(-rule.baselineWeeks())
                  + " to "
                  + context.to()
                  + " (meeting.summary events, or a CSV of meeting hours)"));
    }
  }
}
