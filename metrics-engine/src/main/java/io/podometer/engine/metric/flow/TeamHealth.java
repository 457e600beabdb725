package io.podometer.engine.metric.flow;

import io.podometer.engine.event.EventData.MeetingSummary;
import io.podometer.engine.event.EventData.PulseScore;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.metric.EngineContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
  private static final String NO_POD = "";

  private final EngineContext context;
  private final People people;
  private final WeekSlots slots;
  private final Map<String, Integer> slotsByLabel = new HashMap<>();
  private final String[] podsByMemberWeek;
  private final Map<String, Evidence[]> pulseEvidence = new HashMap<>();

  TeamHealth(EngineContext context, People people, WeekSlots slots) {
    this.context = context;
    this.people = people;
    this.slots = slots;
    this.podsByMemberWeek = new String[people.memberCount() * slots.size()];
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
      int slot = slot(answer.week());
      if (metric == null || slot < 0 || answer.score() < 1 || answer.score() > 5) {
        continue;
      }
      String member = people.of(answer.respondent()).memberId();
      out.accept(
          Contribution.ratio(
              metric,
              slots.week(slot),
              context.scopes().podChain(pod(member, slot)),
              answer.score(),
              1,
              null,
              pulseEvidence(slot, question, answer.score())));
    }
  }

  /** One evidence per week, question and score: it names neither respondent nor member. */
  private Evidence pulseEvidence(int slot, String question, int score) {
    Evidence[] byScore =
        pulseEvidence.computeIfAbsent(slots.label(slot) + ":" + question, k -> new Evidence[6]);
    if (byScore[score] == null) {
      byScore[score] =
          new Evidence(
              "pulse:" + slots.label(slot) + ":" + question, "answered " + score + " of 5");
    }
    return byScore[score];
  }

  private void meetings(Consumer<Contribution> out) {
    List<MeetingSummary> summaries = new ArrayList<>(context.facts().meetingWeeks());
    // hours are fractional: add them up in one order whatever order the events came in
    summaries.sort(
        Comparator.comparing(
                MeetingSummary::member, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(MeetingSummary::week, Comparator.nullsFirst(Comparator.naturalOrder())));
    for (MeetingSummary summary : summaries) {
      int slot = slot(summary.week());
      String member = people.of(summary.member()).memberId();
      if (slot < 0 || member == null || summary.hours() < 0) {
        continue;
      }
      String pod = pod(member, slot);
      boolean engineer = people.isEngineer(member);
      // hours in num and the engineer as den key: the pooled figure is Σ hours / engineers
      out.accept(
          new Contribution(
              MetricId.MEETING_HOURS_PER_ENGINEER,
              slots.week(slot),
              engineer ? context.scopes().forMember(pod, member) : context.scopes().podChain(pod),
              summary.hours(),
              0,
              Double.NaN,
              null,
              engineer ? member : null,
              null,
              null,
              0,
              member,
              new Evidence(
                  "meeting:" + member + ":" + slots.label(slot),
                  summary.hours()
                      + " meeting hours"
                      + (engineer ? " (engineer)" : " (not an engineer: hours only)"))));
    }
  }

  /** The slot of a {@code YYYY-Www} text, or −1 when it is not a computed week. */
  private int slot(String week) {
    if (week == null) {
      return -1;
    }
    Integer slot = slotsByLabel.get(week);
    if (slot == null) {
      slot = slots.slotOf(io.podometer.engine.time.IsoWeek.tryParse(week).orElse(null));
      slotsByLabel.put(week, slot);
    }
    return slot;
  }

  /** The member's pod for a week's own figures (null: none, or not a member). */
  private String pod(String member, int slot) {
    int index = people.indexOf(member);
    if (index < 0) {
      return null;
    }
    int cell = index * slots.size() + slot;
    if (podsByMemberWeek[cell] == null) {
      String pod = people.podForWeek(member, slots.week(slot));
      podsByMemberWeek[cell] = pod == null ? NO_POD : pod;
    }
    String pod = podsByMemberWeek[cell];
    return pod.isEmpty() ? null : pod;
  }
}
