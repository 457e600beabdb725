package io.podometer.web.antipattern;

import java.util.Map;

/** What each detector is called on the pages and what it looks for, in a line. */
public final class DetectorTexts {

  /** A detector's title and the rule it applies, with the default thresholds (SPEC §6). */
  public record Text(String id, String title, String looksFor) {}

  private static final Map<String, Text> TEXTS =
      Map.of(
          "review_bottleneck",
          new Text(
              "review_bottleneck",
              "Review bottleneck",
              "Two weeks of slow first reviews (median over 24 h, or over half the cycle time)"
                  + " while the queue grows or one reviewer gives most reviews."),
          "metrics_gaming",
          new Text(
              "metrics_gaming",
              "Metrics gaming",
              "AI share up 20 points in 8 weeks with no better lead time, deployments or failures;"
                  + " PRs up 50 % while half their size and deployments flat; rubber stamps over"
                  + " 30 %."),
          "tool_bolt_on",
          new Text(
              "tool_bolt_on",
              "Tool bolt-on",
              "80 % weekly active AI users for 4 weeks, yet lead time and throughput no better than"
                  + " before adoption crossed 50 %."),
          "prompt_cargo_culting",
          new Text(
              "prompt_cargo_culting",
              "Prompt cargo-culting",
              "Two weeks of agent suggestions mostly thrown away: acceptance under 20 % or edit"
                  + " rejects over 50 %."),
          "security_shortcuts",
          new Text(
              "security_shortcuts",
              "Security shortcuts",
              "Agent work merged without a human approval, pushed past review, or touching"
                  + " sensitive paths without a security reviewer."),
          "knowledge_debt",
          new Text(
              "knowledge_debt",
              "Knowledge debt",
              "Two weeks where 40 % of AI-heavy merged PRs change no test and no docs."),
          "junior_pipeline_hollowing",
          new Text(
              "junior_pipeline_hollowing",
              "Junior pipeline hollowing",
              "Juniors review half as much as in their 8-week baseline, write under 10 % by hand,"
                  + " or are approved only by agents."),
          "meeting_creep",
          new Text(
              "meeting_creep",
              "Meeting creep",
              "Meeting hours per engineer up 20 % on the 8-week baseline while throughput did not"
                  + " rise."),
          "unowned_work",
          new Text(
              "unowned_work",
              "Unowned work",
              "Over half of the merged PRs link to no bet, or a bet has no single task owner (or"
                  + " several)."));

  private DetectorTexts() {}

  public static Text of(String id) {
    Text text = TEXTS.get(id);
    return text == null ? new Text(id, id, "") : text;
  }
}
