package io.podometer.engine.metric.flow;

import io.podometer.engine.event.EventData.MeetingSummary;
import io.podometer.engine.event.EventData.PulseScore;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The figures shown beside output: the developer-experience pulse (mean score 1–5 per question, pod
 * and week) and meeting hours per engineer (the members' meeting hours over the engineers with
 * meeting data that week). A member counts for their pod at the end of the week (see {@link
 * People#podForWeek}); an unmapped respondent's answer counts for the organization only; unmapped
 * meeting data counts for nobody. A pulse answer never names its respondent: its evidence names the
 * week and question, and it carries no person.
 */
final class TeamHealth {

  private static final Map<String, MetricId> PULSE =
      Map.of(
          "satisfaction", MetricId.PULSE_SATISFACTION,
          "flow", MetricId.PULSE_FLOW,
          "collaboration", MetricId.PULSE_COLLABORATION);

  private final EngineContext context;
  private final People people;

  TeamHealth(EngineContext context, People people) {
    this.context = context;
    this.people = people;
  }

  void emit(Consumer<Contribution> out) {
    pulse(out);
    meetings(out);
  }

  private void pulse(Consumer<Contribution> out) {
    for (PulseScore answer : context.facts().pulseAnswers()) {
      String question =
          answer.question() == null ? null : answer.question().toLowerCase(Locale.ROOT);
      MetricId metric = question == null ? null : PULSE.get(question);
      IsoWeek week = IsoWeek.tryParse(answer.week()).orElse(null);
      if (metric == null
          || week == null
          || !context.inRange(week)
          || answer.score() < 1
          || answer.score() > 5) {
        continue;
      }
      String member = people.of(answer.respondent()).memberId();
      String pod = member == null ? null : people.podForWeek(member, week);
      out.accept(
          Contribution.ratio(
              metric,
              week,
              context.scopes().podChain(pod),
              answer.score(),
              1,
              null,
              new Evidence(
                  "pulse:" + week + ":" + question, "answered " + answer.score() + " of 5")));
    }
  }

  private void meetings(Consumer<Contribution> out) {
    List<MeetingSummary> summaries = new ArrayList<>(context.facts().meetingWeeks());
    // hours are fractional: add them up in one order whatever order the events came in
    summaries.sort(
        Comparator.comparing(
                MeetingSummary::member, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(MeetingSummary::week, Comparator.nullsFirst(Comparator.naturalOrder())));
    for (MeetingSummary summary : summaries) {
      IsoWeek week = IsoWeek.tryParse(summary.week()).orElse(null);
      String member = people.of(summary.member()).memberId();
      if (week == null || member == null || !context.inRange(week) || summary.hours() < 0) {
        continue;
      }
      String pod = people.podForWeek(member, week);
      boolean engineer = people.isEngineer(member);
      // hours in num and the engineer as den key: the pooled figure is Σ hours / engineers
      out.accept(
          new Contribution(
              MetricId.MEETING_HOURS_PER_ENGINEER,
              week,
              engineer ? context.scopes().forMember(pod, member) : context.scopes().podChain(pod),
              summary.hours(),
              0,
              Double.NaN,
              null,
              engineer ? member : null,
              null,
              0,
              member,
              new Evidence(
                  "meeting:" + member + ":" + week,
                  String.format(Locale.ROOT, "%.2f", summary.hours())
                      + " meeting hours"
                      + (engineer ? " (engineer)" : " (not an engineer: hours only)"))));
    }
  }
}
