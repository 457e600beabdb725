package io.podometer.web.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The weekly learn-and-kill report of a scope (SPEC §7), as stored: every figure with its text as
 * shown (a withheld figure says so), so that Markdown, HTML and JSON say the same and a stored
 * revision reads the same whatever arrives later. {@code moved} lists what changed since the
 * revision before (empty for the first).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WeeklyReport(
    String scope,
    String scopeName,
    String week,
    String weekStarts,
    int revision,
    Instant generatedAt,
    String generatedBy,
    Instant figuresAsOf,
    List<HeadlineRow> headline,
    List<HeadlineRow> pulse,
    Learning learning,
    Killing killing,
    List<BetOwner> owners,
    Ownership ownership,
    List<FlagItem> antiPatterns,
    List<PilotCard> pilots,
    List<String> moved) {

  /** A figure as the report shows it: its value, its text, or why it is withheld. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cell(Double value, String text, String withheld) {}

  /** A headline figure: this week, last week, its 8-week baseline, target and DORA tier. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HeadlineRow(
      String metric,
      String title,
      Cell thisWeek,
      Cell lastWeek,
      Cell baseline,
      String target,
      String tier) {}

  /** §2: learnings logged on bets, the largest movements by pod, pilot verdict changes. */
  public record Learning(
      List<LearningItem> learnings,
      List<Movement> movements,
      List<VerdictChange> pilotVerdictChanges) {}

  public record LearningItem(String bet, String betTitle, String author, String text, Instant at) {}

  /**
   * A pod's figure this week against the mean of its 4 weeks before: {@code change} in points of a
   * share or relative to that mean, as {@code changeText} says ({@code +12 points}, {@code −35 %});
   * {@code size} is how many times the reporting threshold it moved, which orders them.
   */
  public record Movement(
      String pod,
      String podName,
      String metric,
      String title,
      String from,
      String to,
      double change,
      String changeText,
      double size,
      String direction,
      boolean better) {}

  public record VerdictChange(String pod, String podName, String from, String to) {}

  /** §3: kill candidates, bets killed this week, agent tools nobody used any more. */
  public record Killing(
      List<Candidate> candidates, List<KilledBet> killed, List<ToolDrop> toolsDropped) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Candidate(
      String bet, String title, String sto, String killSignal, String current, String decision) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record KilledBet(String bet, String title, String sto, Instant at, String by) {}

  public record ToolDrop(String tool, int usersLastWeek) {}

  /** §4: who owns each bet, and what signal would change their mind. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BetOwner(
      String bet,
      String title,
      String sto,
      String hypothesis,
      String killSignal,
      String current,
      String signalState,
      String status) {}

  /** §5: bets without exactly one STO, and the share of merged work linked to no bet. */
  public record Ownership(List<Unowned> betsWithoutOneSto, Cell unlinkedShare) {}

  public record Unowned(String bet, String title, List<String> stos) {}

  /** §6: a flag raised for the week, with its evidence and the suggested action. */
  public record FlagItem(
      String detector,
      String detectorTitle,
      String scope,
      String scopeName,
      String severity,
      String rule,
      List<String> evidence,
      String action) {}

  /** §7: a pilot's scale gate in the week. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PilotCard(
      String pod,
      String podName,
      String champion,
      String start,
      String verdict,
      List<String> met,
      List<String> missed,
      List<String> open,
      Integer weeksToAdoption,
      String differenceInDifferences,
      List<String> missing) {}

  /** This report as another revision, saying what moved. */
  public WeeklyReport asRevision(int number, List<String> movedSince) {
    return new WeeklyReport(
        scope,
        scopeName,
        week,
        weekStarts,
        number,
        generatedAt,
        generatedBy,
        figuresAsOf,
        headline,
        pulse,
        learning,
        killing,
        owners,
        ownership,
        antiPatterns,
        pilots,
        List.copyOf(movedSince));
  }
}
