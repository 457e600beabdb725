package io.podometer.web.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A stored report as Markdown, ready to paste in a chat or a wiki: one heading per section of SPEC
 * §7, tables where the report compares, a withheld figure saying so.
 */
public final class MarkdownReport {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final StringBuilder md = new StringBuilder();

  private MarkdownReport() {}

  public static String of(WeeklyReport report) {
    return new MarkdownReport().write(report);
  }

  /** The title of every report, as its first line. */
  static String title(WeeklyReport r) {
    return "Weekly learn-and-kill report — " + r.scopeName() + ", " + r.week();
  }

  private String write(WeeklyReport r) {
    line("# " + title(r));
    line(
        "Week of "
            + r.weekStarts()
            + " · "
            + r.scope()
            + " · revision "
            + r.revision()
            + ", generated "
            + STAMP.format(r.generatedAt())
            + " by "
            + r.generatedBy()
            + (r.figuresAsOf() == null ? "" : " · figures as of " + STAMP.format(r.figuresAsOf())));
    if (!r.moved().isEmpty()) {
      line("");
      line("## What moved since revision " + (r.revision() - 1));
      r.moved().forEach(m -> line("- " + m));
    }
    headline(r);
    learning(r);
    killing(r);
    owners(r);
    ownership(r);
    antiPatterns(r);
    pilots(r);
    return md.toString();
  }

  private void headline(WeeklyReport r) {
    section("## 1. Headline");
    figures(r.headline());
    line("");
    line("Developer experience pulse (answers 1–5):");
    line("");
    figures(r.pulse());
  }

  private void figures(List<WeeklyReport.HeadlineRow> rows) {
    line("| figure | this week | last week | 8-week baseline | target | tier |");
    line("|---|---|---|---|---|---|");
    for (WeeklyReport.HeadlineRow row : rows) {
      line(
          "| "
              + cell(row.title())
              + " | "
              + cell(row.thisWeek().text())
              + " | "
              + cell(row.lastWeek().text())
              + " | "
              + cell(row.baseline().text())
              + " | "
              + cell(row.target())
              + " | "
              + cell(row.tier())
              + " |");
    }
  }

  private void learning(WeeklyReport r) {
    section("## 2. What are we learning this week");
    line("### Learnings logged on bets");
    if (r.learning().learnings().isEmpty()) {
      line("No learning was logged on a bet this week.");
    }
    for (WeeklyReport.LearningItem item : r.learning().learnings()) {
      line(
          "- **"
              + text(item.betTitle())
              + "** ("
              + item.bet()
              + ") — "
              + text(item.author())
              + ": "
              + text(item.text()));
    }
    line("");
    line("### Largest movements by pod");
    if (r.learning().movements().isEmpty()) {
      line("No pod's figure moved by 20 % or more against its 4 weeks before.");
    }
    for (WeeklyReport.Movement m : r.learning().movements()) {
      line(
          "- "
              + text(m.podName())
              + ": "
              + m.title()
              + " "
              + m.direction()
              + " "
              + m.changeText()
              + " ("
              + m.from()
              + " → "
              + m.to()
              + ", "
              + (m.better() ? "better" : "worse")
              + ")");
    }
    line("");
    line("### Pilot verdicts that changed");
    if (r.learning().pilotVerdictChanges().isEmpty()) {
      line("No pilot's verdict changed this week.");
    }
    for (WeeklyReport.VerdictChange c : r.learning().pilotVerdictChanges()) {
      line("- " + text(c.podName()) + ": " + c.from() + " → **" + c.to() + "**");
    }
  }

  private void killing(WeeklyReport r) {
    section("## 3. What are we killing this week");
    line("### Kill candidates (their kill signal fired)");
    if (r.killing().candidates().isEmpty()) {
      line("No bet's kill signal fired this week.");
    } else {
      line("| bet | STO | kill signal | current value | decision |");
      line("|---|---|---|---|---|");
      for (WeeklyReport.Candidate c : r.killing().candidates()) {
        line(
            "| "
                + cell(c.title())
                + " ("
                + c.bet()
                + ") | "
                + cell(c.sto())
                + " | "
                + cell(c.killSignal())
                + " | "
                + cell(c.current())
                + " | "
                + cell(c.decision())
                + " |");
      }
    }
    line("");
    line("### Bets marked killed");
    if (r.killing().killed().isEmpty()) {
      line("No bet was marked killed this week.");
    }
    for (WeeklyReport.KilledBet k : r.killing().killed()) {
      line(
          "- **"
              + text(k.title())
              + "** ("
              + k.bet()
              + "), owned by "
              + text(k.sto())
              + ": killed "
              + STAMP.format(k.at())
              + " by "
              + text(k.by()));
    }
    line("");
    line("### Agent tools no longer used");
    if (r.killing().toolsDropped().isEmpty()) {
      line("Every agent tool used last week was used this week.");
    }
    for (WeeklyReport.ToolDrop t : r.killing().toolsDropped()) {
      line(
          "- "
              + t.tool()
              + ": used by "
              + t.usersLastWeek()
              + (t.usersLastWeek() == 1 ? " person" : " people")
              + " last week, by nobody this week");
    }
  }

  private void owners(WeeklyReport r) {
    section("## 4. Who owns each bet, and what signal would change their mind");
    if (r.owners().isEmpty()) {
      line("No bet in this scope.");
      return;
    }
    line("| bet | STO | hypothesis | kill signal | current value | status |");
    line("|---|---|---|---|---|---|");
    for (WeeklyReport.BetOwner o : r.owners()) {
      String current =
          o.current() == null
              ? (o.signalState() == null ? "—" : "no value (" + o.signalState() + ")")
              : o.current() + ("fires".equals(o.signalState()) ? " (fires)" : "");
      line(
          "| "
              + cell(o.title())
              + " ("
              + o.bet()
              + ") | "
              + cell(o.sto())
              + " | "
              + cell(o.hypothesis())
              + " | "
              + cell(o.killSignal())
              + " | "
              + cell(current)
              + " | "
              + o.status()
              + " |");
    }
  }

  private void ownership(WeeklyReport r) {
    section("## 5. Ownership clarity");
    if (r.ownership().betsWithoutOneSto().isEmpty()) {
      line("- Every bet has exactly one STO.");
    }
    for (WeeklyReport.Unowned u : r.ownership().betsWithoutOneSto()) {
      line(
          "- **"
              + text(u.title())
              + "** ("
              + u.bet()
              + ") has "
              + (u.stos().isEmpty()
                  ? "no STO"
                  : u.stos().size() + " STOs (" + text(String.join(", ", u.stos())) + ")")
              + ": a bet has exactly one.");
    }
    line("- Merged PRs linked to no bet: " + r.ownership().unlinkedShare().text());
  }

  private void antiPatterns(WeeklyReport r) {
    section("## 6. Anti-patterns flagged this week");
    if (r.antiPatterns().isEmpty()) {
      line("No anti-pattern was flagged this week.");
    }
    for (WeeklyReport.FlagItem f : r.antiPatterns()) {
      line(
          "- **"
              + f.severity()
              + "** "
              + f.detectorTitle()
              + " — "
              + text(f.scopeName())
              + ": "
              + text(f.rule()));
      if (!f.evidence().isEmpty()) {
        line("  - Evidence: " + text(String.join("; ", f.evidence())));
      }
      line("  - Suggested: " + text(f.action()));
    }
  }

  private void pilots(WeeklyReport r) {
    section("## 7. Pilot scorecards");
    if (r.pilots().isEmpty()) {
      line("No pilot in this scope.");
    }
    for (WeeklyReport.PilotCard p : r.pilots()) {
      line("### " + text(p.podName()) + " — " + p.verdict());
      line(
          "Champion "
              + text(p.champion())
              + ", started "
              + p.start()
              + (p.weeksToAdoption() == null
                  ? "; weekly active AI users have not reached 90 % yet."
                  : "; 90 % weekly active AI users in week " + p.weeksToAdoption() + "."));
      p.met().forEach(c -> line("- met: " + text(c)));
      p.missed().forEach(c -> line("- missed: " + text(c)));
      p.open().forEach(c -> line("- not yet told: " + text(c)));
      if (p.missing() != null && !p.missing().isEmpty()) {
        line("- missing: " + text(String.join("; ", p.missing())));
      }
      if (p.differenceInDifferences() != null) {
        line("- Difference in differences: " + p.differenceInDifferences());
      }
      line("");
    }
  }

  private void section(String heading) {
    line("");
    line(heading);
  }

  private void line(String text) {
    md.append(text).append('\n');
  }

  /**
   * Text from people (titles, learnings) on one line, with no markup that a chat or a wiki would
   * turn into an element ({@code <}); Markdown's own emphasis is left as people wrote it.
   */
  private static String text(String value) {
    if (value == null) {
      return "";
    }
    return value.replaceAll("[\\r\\n]+", " ").replace("<", "&lt;");
  }

  private static String cell(String value) {
    return value == null ? "" : text(value).replace("|", "\\|");
  }
}
