package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.CanonicalEvents.UsageDay;
import io.podometer.connectors.simulate.Org.Member;
import io.podometer.connectors.simulate.Org.Tool;
import java.time.LocalDate;

/**
 * {@code agent.usage} per engineer-day and tool, reported at the end of the day. Copilot and Cursor
 * report every seat every day, active or not; Claude Code telemetry reports only the days it was
 * used. The pod that copies prompts around accepts little and burns many tokens.
 */
final class UsageGenerator {
  private static final long STREAM = 0x555347L;
  private static final long REPORTED = Times.DAY - 1;

  private final long seed;
  private final Org org;
  private final UsagePlan plan;
  private final Timeline timeline;
  private final LocalDate firstDay;
  private final LocalDate grantDay;
  private final SimulatedRange range;

  UsageGenerator(Workplace w) {
    this.seed = w.seed;
    this.org = w.org;
    this.plan = w.plan;
    this.timeline = w.timeline;
    this.firstDay = w.range.firstMonday();
    this.grantDay = w.plan.copilotGrantDay();
    this.range = w.range;
  }

  /**
   * The seats a member holds, as the vendors' seat lists show them on the first day (assigned when
   * the member joined; their use known from that day, when the simulated telemetry begins) — but a
   * third of the engineers who work with Copilot get their seat only on the Saturday eight weeks
   * before the end ({@link UsagePlan#lateCopilotSeat}), and use it within days.
   */
  private void planSeats(Member m, LocalDate day) {
    long at = Times.start(day);
    LocalDate joined = m.memberships().get(0).from();
    if (day.equals(firstDay)) {
      if (m.habits().copilotSeat() && !plan.lateCopilotSeat(m)) {
        timeline.at(
            at,
            () -> CanonicalEvents.seat(Tool.COPILOT.key, user(m, Tool.COPILOT), joined, day, at));
      }
      if (m.habits().cursorSeat()) {
        timeline.at(
            at, () -> CanonicalEvents.seat(Tool.CURSOR.key, user(m, Tool.CURSOR), joined, day, at));
      }
    } else if (day.equals(grantDay) && plan.lateCopilotSeat(m)) {
      long listed = at + 10 * Times.HOUR; // the seat list read after the 09:00 grant
      timeline.at(
          listed,
          () -> CanonicalEvents.seat(Tool.COPILOT.key, user(m, Tool.COPILOT), day, day, listed));
    }
  }

  private boolean holdsSeat(Member m, Tool tool, LocalDate day) {
    return switch (tool) {
      case COPILOT ->
          m.habits().copilotSeat() && (!plan.lateCopilotSeat(m) || !day.isBefore(grantDay));
      case CURSOR -> m.habits().cursorSeat();
      default -> false;
    };
  }

  void planDay(LocalDate day) {
    long at = Times.start(day) + REPORTED;
    CopilotTotals copilot = new CopilotTotals();
    for (Member m : org.members) {
      if (!m.engineer()) {
        continue;
      }
      planSeats(m, day);
      int bits = plan.day(m, day);
      for (Tool tool : Tool.values()) {
        boolean used = UsagePlan.uses(bits, tool);
        boolean seat = holdsSeat(m, tool, day);
        if (used || seat) {
          timeline.at(at, () -> CanonicalEvents.usage(figures(m, day, tool, used), at));
        }
        if (used && tool == Tool.COPILOT) {
          copilot.add(figures(m, day, tool, true));
        }
      }
    }
    // GitHub's organization-level report of the day: its people's Copilot days totalled
    timeline.at(at, () -> CanonicalEvents.orgUsage(Tool.COPILOT.key, day, copilot, at));
  }

  /** The organization's Copilot day as GitHub totals it, people not told apart. */
  static final class CopilotTotals {
    int activeUsers;
    long suggestions;
    long acceptances;
    long linesAdded;

    void add(UsageDay day) {
      activeUsers++;
      suggestions += day.suggestions();
      acceptances += day.acceptances();
      linesAdded += day.linesAdded();
    }
  }

  private UsageDay figures(Member m, LocalDate day, Tool tool, boolean active) {
    String user = user(m, tool);
    if (!active) {
      return new UsageDay(tool.key, user, day.toString(), false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
    Rng r = Rng.of(seed, STREAM, m.index(), day.toEpochDay(), tool.ordinal());
    boolean cargoCult = plan.podOn(m, day).traits().poorAcceptance();
    boolean pilot = plan.inPilot(m, day);
    double intensity = r.logNormal(pilot ? 1.5 : 1.0, 0.45);
    int sessions = Math.max(1, (int) Math.round(r.uniform(1, 4) * intensity));
    int suggestions = (int) Math.round(r.uniform(30, 120) * intensity);
    double acceptRate = cargoCult ? r.uniform(0.06, 0.16) : r.uniform(0.24, 0.42);
    int acceptances = (int) Math.round(suggestions * acceptRate);
    int editAccepts;
    int editRejects;
    long tokens;
    double dollarsPerMillion;
    int linesAdded;
    switch (tool) {
      case CLAUDE_CODE -> {
        editAccepts = (int) Math.round(r.uniform(8, 30) * intensity);
        linesAdded = (int) Math.round(editAccepts * r.uniform(8, 18));
        tokens = Math.round(r.uniform(150_000, 600_000) * intensity);
        dollarsPerMillion = 7.5;
      }
      case CURSOR -> {
        editAccepts = (int) Math.round(r.uniform(5, 20) * intensity);
        linesAdded = (int) Math.round(editAccepts * r.uniform(5, 12) + acceptances * 2);
        tokens = Math.round(r.uniform(60_000, 300_000) * intensity);
        dollarsPerMillion = 4.0;
      }
      default -> {
        editAccepts = (int) Math.round(r.uniform(0, 8) * intensity);
        linesAdded = (int) Math.round(acceptances * r.uniform(1.5, 3.5) + editAccepts * 6);
        tokens = Math.round(r.uniform(20_000, 120_000) * intensity);
        dollarsPerMillion = 1.0;
      }
    }
    if (cargoCult) {
      editRejects = (int) Math.round(editAccepts * r.uniform(1.1, 2.2));
      tokens *= 3;
      linesAdded = (int) Math.round(linesAdded * 0.6);
    } else {
      editRejects = (int) Math.round(editAccepts * r.uniform(0.05, 0.3));
    }
    double cost = Math.round(tokens * dollarsPerMillion / 10_000.0) / 100.0;
    // a pod taking security shortcuts runs Claude Code with its permissions bypassed
    int bypasses =
        tool == Tool.CLAUDE_CODE
                && plan.podOn(m, day).traits().securityShortcuts()
                && Stories.on(range, day)
                && r.chance(0.4)
            ? r.between(1, 3)
            : 0;
    long activeSeconds = Math.round(sessions * r.uniform(600, 2_700));
    return new UsageDay(
        tool.key,
        user,
        day.toString(),
        true,
        suggestions,
        acceptances,
        linesAdded,
        (int) Math.round(linesAdded * r.uniform(0.1, 0.35)),
        editAccepts,
        editRejects,
        tokens,
        cost,
        sessions,
        activeSeconds,
        bypasses);
  }

  /** The identity each vendor reports: telemetry id or e-mail, GitHub login, e-mail. */
  static String user(Member m, Tool tool) {
    return switch (tool) {
      case CLAUDE_CODE -> m.telemetry() != null ? m.telemetry() : m.email();
      case COPILOT -> m.github();
      case CURSOR -> m.email();
    };
  }
}
