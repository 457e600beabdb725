package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Org.Member;
import io.podometer.connectors.simulate.Org.Pod;
import io.podometer.connectors.simulate.Org.Tool;
import java.time.LocalDate;

/**
 * Who works and which AI tools they use, per member-day, as a pure function of the seed: usage
 * reports, commit trailers and pull-request volume all read the same answer, so they correlate on
 * the same engineer-days.
 *
 * <p>Adoption climbs slowly everywhere (from about 10 % of engineer-days half a year back to about
 * half now) and sharply in a pilot pod after its start (over 90 % within five weeks, on Claude
 * Code).
 */
final class UsagePlan {
  static final int PRESENT = 1 << 7;
  private static final long STREAM = 0x55504cL;

  private final long seed;
  private final Org org;
  private final SimulatedRange range;

  UsagePlan(long seed, Org org, SimulatedRange range) {
    this.seed = seed;
    this.org = org;
    this.range = range;
  }

  /** Bits: {@link #PRESENT}, then one {@link Tool#bit()} per tool used that day. */
  int day(Member member, LocalDate day) {
    Rng r = Rng.of(seed, STREAM, member.index(), day.toEpochDay());
    boolean present = r.chance(SimulatedRange.weekend(day) ? 0.08 : 0.92);
    if (!present || !member.engineer()) {
      return present ? PRESENT : 0;
    }
    double p = adoption(member, day);
    int bits = PRESENT;
    if (r.chance(p)) {
      bits |= primaryTool(member, day).bit();
    }
    Tool secondary = member.habits().secondaryTool();
    if (secondary != null && r.chance(p * 0.35)) {
      bits |= secondary.bit();
    }
    if (lateCopilotSeat(member) && day.isBefore(copilotGrantDay())) {
      bits &= ~Tool.COPILOT.bit(); // no seat yet
    }
    return bits;
  }

  /**
   * A third of the engineers who work with Copilot get their seat only on {@link
   * #copilotGrantDay()}; before it they cannot use Copilot.
   */
  boolean lateCopilotSeat(Member member) {
    Org.Habits h = member.habits();
    return member.engineer()
        && h.copilotSeat()
        && (h.primaryTool() == Tool.COPILOT || h.secondaryTool() == Tool.COPILOT)
        && member.index() % 3 == 0;
  }

  /** The Saturday eight weeks before the end: the first use comes a few days later. */
  LocalDate copilotGrantDay() {
    return range.today().minusWeeks(8).with(java.time.DayOfWeek.SATURDAY);
  }

  static boolean present(int bits) {
    return (bits & PRESENT) != 0;
  }

  static boolean uses(int bits, Tool tool) {
    return (bits & tool.bit()) != 0;
  }

  static boolean usesAny(int bits) {
    return (bits & 7) != 0;
  }

  Pod podOn(Member member, LocalDate day) {
    return org.pod(member.podOn(day));
  }

  boolean inPilot(Member member, LocalDate day) {
    return podOn(member, day).traits().pilotOn(day);
  }

  /** The chance that an engineer uses an AI tool on a working day. */
  double adoption(Member member, LocalDate day) {
    double base = Math.max(0.06, 0.5 - 0.015 * range.weeksToEnd(day));
    Pod pod = podOn(member, day);
    if (pod.traits().pilotOn(day)) {
      long weeks = (day.toEpochDay() - pod.traits().pilotStart().toEpochDay()) / 7 + 1;
      base += (0.95 - base) * Math.min(1.0, weeks / 5.0);
    }
    return Math.min(0.97, base * member.habits().aiAffinity());
  }

  /**
   * Pilot pods work with Claude Code; elsewhere people drift to it, up to half of them by now, none
   * half a year ago.
   */
  Tool primaryTool(Member member, LocalDate day) {
    if (inPilot(member, day)
        || member.habits().agentCuriosity() < 0.5 - 0.02 * range.weeksToEnd(day)) {
      return Tool.CLAUDE_CODE;
    }
    return member.habits().primaryTool();
  }
}
