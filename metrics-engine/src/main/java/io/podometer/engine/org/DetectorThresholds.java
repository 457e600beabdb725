package io.podometer.engine.org;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The thresholds of every anti-pattern detector (SPEC §6). Shares, rises, drops and improvements
 * are fractions (0.5 = 50 %); {@code …Pp} values are percentage points; hours are hours.
 */
public record DetectorThresholds(
    @JsonProperty("review_bottleneck") ReviewBottleneck reviewBottleneck,
    @JsonProperty("metrics_gaming") MetricsGaming metricsGaming,
    @JsonProperty("tool_bolt_on") ToolBoltOn toolBoltOn,
    @JsonProperty("prompt_cargo_culting") PromptCargoCulting promptCargoCulting,
    @JsonProperty("security_shortcuts") SecurityShortcuts securityShortcuts,
    @JsonProperty("knowledge_debt") KnowledgeDebt knowledgeDebt,
    @JsonProperty("junior_pipeline_hollowing") JuniorPipelineHollowing juniorPipelineHollowing,
    @JsonProperty("meeting_creep") MeetingCreep meetingCreep,
    @JsonProperty("unowned_work") UnownedWork unownedWork) {

  public static final DetectorThresholds DEFAULTS =
      new DetectorThresholds(
          new ReviewBottleneck(24, 0.5, 0.5, 2),
          new MetricsGaming(20, 8, 0.10, 0.30, 0.5, 0.5, 0.30),
          new ToolBoltOn(0.80, 4, 0.10, 8, 0.5),
          new PromptCargoCulting(0.20, 0.50, 3.0, 2),
          new SecurityShortcuts(true),
          new KnowledgeDebt(
              0.5,
              50,
              0.40,
              2,
              // JUnit, Go, pytest, Jest and Mocha conventions
              List.of(
                  "**/test/**",
                  "**/tests/**",
                  "**/__tests__/**",
                  "**/*Test.*",
                  "**/*_test.*",
                  "**/test_*",
                  "**/*.test.*",
                  "**/*.spec.*"),
              List.of("**/*.md", "docs/**", "**/spec/**")),
          new JuniorPipelineHollowing(0.5, 0.10, 8),
          new MeetingCreep(0.20, 8),
          new UnownedWork(0.5));

  public DetectorThresholds {
    Objects.requireNonNull(reviewBottleneck, "reviewBottleneck");
    Objects.requireNonNull(metricsGaming, "metricsGaming");
    Objects.requireNonNull(toolBoltOn, "toolBoltOn");
    Objects.requireNonNull(promptCargoCulting, "promptCargoCulting");
    Objects.requireNonNull(securityShortcuts, "securityShortcuts");
    Objects.requireNonNull(knowledgeDebt, "knowledgeDebt");
    Objects.requireNonNull(juniorPipelineHollowing, "juniorPipelineHollowing");
    Objects.requireNonNull(meetingCreep, "meetingCreep");
    Objects.requireNonNull(unownedWork, "unownedWork");
  }

  public record ReviewBottleneck(
      double pickupHours, double pickupShare, double topReviewerShare, int weeks) {}

  public record MetricsGaming(
      double aiShareRisePp,
      int windowWeeks,
      double outcomeImprovement,
      double uncorroboratedShare,
      double prCountRise,
      double prSizeDrop,
      double rubberStampShare) {}

  public record ToolBoltOn(
      double activeShare, int weeks, double improvement, int baselineWeeks, double adoptionCross) {}

  public record PromptCargoCulting(
      double acceptanceRateBelow,
      double rejectRateAbove,
      double tokensPerAcceptedLineVsMedian,
      int weeks) {}

  public record SecurityShortcuts(boolean requireHumanApproval) {}

  /** {@code testPaths} and {@code docPaths} are path globs. */
  public record KnowledgeDebt(
      double aiShareAtLeast,
      int minAddedLines,
      double shareWithoutTestsOrDocs,
      int weeks,
      List<String> testPaths,
      List<String> docPaths) {

    public KnowledgeDebt {
      testPaths = testPaths == null ? List.of() : List.copyOf(testPaths);
      docPaths = docPaths == null ? List.of() : List.copyOf(docPaths);
    }
  }

  public record JuniorPipelineHollowing(
      double reviewDrop, double humanShareBelow, int baselineWeeks) {}

  public record MeetingCreep(double hoursRise, int baselineWeeks) {}

  public record UnownedWork(double unlinkedShare) {}
}
