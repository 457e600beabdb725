package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Org.Member;
import io.podometer.connectors.simulate.Org.Pod;
import java.time.LocalDate;

/**
 * Per member-week: meeting hours (reported Friday evening) and the developer-experience pulse
 * (satisfaction, flow, collaboration, 1–5, answered late in the week by most). Pilot pods grow
 * happier and flow better; the bottlenecked pod's flow suffers; meeting creep adds hours.
 */
final class PeopleSignals {
  private static final long STREAM = 0x50504cL;
  private static final String[] QUESTIONS = {"satisfaction", "flow", "collaboration"};

  private final Workplace w;

  PeopleSignals(Workplace w) {
    this.w = w;
  }

  void planWeek(LocalDate monday) {
    String week = Times.isoWeek(monday);
    LocalDate friday = monday.plusDays(4);
    long meetingsAt = Times.start(friday) + 17 * Times.HOUR;
    long weeksToEnd = w.range.weeksToEnd(monday);
    for (Member m : w.org.members) {
      Rng r = Rng.of(w.seed, STREAM, m.index(), monday.toEpochDay());
      Pod pod = w.org.pod(m.podOn(friday));
      double hours = m.habits().meetingHours() * r.uniform(0.8, 1.2);
      if (pod.traits().meetingCreep() && weeksToEnd < 10) {
        hours *= 1 + 0.05 * (10 - weeksToEnd);
      }
      double reported = Math.round(hours * 2) / 2.0;
      long at = meetingsAt + r.between(0, 3_600);
      w.timeline.at(at, () -> CanonicalEvents.meeting(m.email(), week, reported, at));

      if (!r.chance(0.82)) {
        continue;
      }
      long answered =
          Times.start(monday)
              + r.between(3 * Times.DAY + 9 * Times.HOUR, 4 * Times.DAY + 17 * Times.HOUR);
      boolean pilot = pod.traits().pilotOn(friday);
      for (String question : QUESTIONS) {
        double mean = 3.5;
        if (pilot) {
          mean += question.equals("collaboration") ? 0.2 : 0.6;
        }
        if (pod.traits().reviewBottleneck() && !question.equals("satisfaction")) {
          mean -= 0.9;
        }
        if (pod.traits().meetingCreep() && weeksToEnd < 10 && question.equals("flow")) {
          mean -= 0.08 * (10 - weeksToEnd);
        }
        int score = (int) Math.max(1, Math.min(5, Math.round(mean + r.gaussian() * 0.8)));
        w.timeline.at(
            answered, () -> CanonicalEvents.pulse(m.email(), week, question, score, answered));
      }
    }
  }
}
