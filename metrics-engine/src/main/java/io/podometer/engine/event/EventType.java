package io.podometer.engine.event;

import static io.podometer.engine.event.FieldKind.BOOLEAN;
import static io.podometer.engine.event.FieldKind.DAY;
import static io.podometer.engine.event.FieldKind.INSTANT;
import static io.podometer.engine.event.FieldKind.INTEGERS;
import static io.podometer.engine.event.FieldKind.NON_NEGATIVE_INTEGER;
import static io.podometer.engine.event.FieldKind.NUMBER;
import static io.podometer.engine.event.FieldKind.STRING;
import static io.podometer.engine.event.FieldKind.STRINGS;
import static io.podometer.engine.event.FieldKind.WEEK;
import static io.podometer.engine.event.FieldSpec.object;
import static io.podometer.engine.event.FieldSpec.objects;
import static io.podometer.engine.event.FieldSpec.opt;
import static io.podometer.engine.event.FieldSpec.req;
import static io.podometer.engine.event.FieldSpec.reqOneOf;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The canonical event types of schema 1 (EVENTS.md), each with its data fields. */
public enum EventType {
  PR_OPENED(
      "pr.opened",
      EventData.PrOpened.class,
      true,
      req("number", NON_NEGATIVE_INTEGER),
      req("title", STRING).upTo(EventLimits.TITLE),
      req("author", STRING),
      req("createdAt", INSTANT),
      opt("headBranch", STRING).upTo(EventLimits.PATH),
      opt("baseBranch", STRING).upTo(EventLimits.PATH),
      opt("draft", BOOLEAN),
      opt("labels", STRINGS),
      opt("body", FieldKind.STRING).upTo(EventLimits.TEXT)),
  PR_UPDATED(
      "pr.updated",
      EventData.PrUpdated.class,
      true,
      req("number", NON_NEGATIVE_INTEGER),
      req("at", INSTANT),
      reqOneOf(
          "action",
          "reopened",
          "edited",
          "labeled",
          "unlabeled",
          "converted_to_draft",
          "synchronize",
          "review_requested"),
      opt("title", STRING).upTo(EventLimits.TITLE),
      opt("labels", STRINGS),
      opt("draft", BOOLEAN),
      opt("headSha", STRING),
      opt("requestedReviewer", STRING)),
  PR_READY_FOR_REVIEW(
      "pr.ready_for_review",
      EventData.PrReadyForReview.class,
      true,
      req("number", NON_NEGATIVE_INTEGER),
      req("at", INSTANT)),
  PR_REVIEW_SUBMITTED(
      "pr.review_submitted",
      EventData.PrReviewSubmitted.class,
      true,
      req("number", NON_NEGATIVE_INTEGER),
      req("reviewer", STRING),
      reqOneOf("state", "approved", "changes_requested", "commented", "dismissed"),
      req("submittedAt", INSTANT),
      opt("reviewId", STRING)),
  PR_MERGED(
      "pr.merged",
      EventData.PrMerged.class,
      true,
      req("number", NON_NEGATIVE_INTEGER),
      req("author", STRING),
      req("mergedAt", INSTANT),
      req("mergeCommitSha", STRING),
      req("additions", NON_NEGATIVE_INTEGER),
      req("deletions", NON_NEGATIVE_INTEGER),
      opt("title", STRING).upTo(EventLimits.TITLE),
      opt("labels", STRINGS),
      opt("changedFiles", NON_NEGATIVE_INTEGER),
      opt("firstCommitAt", INSTANT),
      opt("headBranch", STRING).upTo(EventLimits.PATH),
      opt("baseBranch", STRING).upTo(EventLimits.PATH),
      opt("mergedBy", STRING),
      objects(
          "files",
          false,
          req("path", STRING).upTo(EventLimits.PATH),
          req("additions", NON_NEGATIVE_INTEGER),
          req("deletions", NON_NEGATIVE_INTEGER))),
  PR_CLOSED(
      "pr.closed",
      EventData.PrClosed.class,
      true,
      req("number", NON_NEGATIVE_INTEGER),
      req("closedAt", INSTANT)),
  COMMIT(
      "commit",
      EventData.Commit.class,
      true,
      req("sha", STRING),
      object("author", true, req("name", STRING), req("email", STRING), opt("login", STRING)),
      req("authoredAt", INSTANT),
      req("committedAt", INSTANT),
      object("committer", false, req("name", STRING), req("email", STRING)),
      opt("parents", STRINGS),
      opt("message", STRING).upTo(EventLimits.TEXT),
      objects("trailers", false, req("key", STRING), req("value", STRING).upTo(EventLimits.TEXT)),
      objects(
          "files",
          false,
          req("path", STRING).upTo(EventLimits.PATH),
          opt("additions", NON_NEGATIVE_INTEGER),
          opt("deletions", NON_NEGATIVE_INTEGER),
          opt("binary", BOOLEAN)),
      opt("additions", NON_NEGATIVE_INTEGER),
      opt("deletions", NON_NEGATIVE_INTEGER),
      opt("branch", STRING).upTo(EventLimits.PATH),
      opt("prNumber", NON_NEGATIVE_INTEGER)),
  COMMIT_ATTRIBUTION(
      "commit.attribution",
      EventData.CommitAttribution.class,
      true,
      req("sha", STRING),
      reqOneOf("source", "line", "telemetry"),
      opt("tool", STRING),
      opt("model", STRING),
      objects(
          "files",
          true,
          req("path", STRING).upTo(EventLimits.PATH),
          req("aiLines", NON_NEGATIVE_INTEGER),
          opt("ranges", STRING).upTo(EventLimits.TEXT))),
  CI_RUN_COMPLETED(
      "ci.run_completed",
      EventData.CiRunCompleted.class,
      true,
      req("runId", STRING),
      req("workflow", STRING),
      reqOneOf("conclusion", "success", "failure", "cancelled", "skipped", "timed_out", "neutral"),
      req("completedAt", INSTANT),
      opt("startedAt", INSTANT),
      opt("headSha", STRING),
      opt("branch", STRING).upTo(EventLimits.PATH),
      opt("prNumbers", INTEGERS)),
  DEPLOYMENT_FINISHED(
      "deployment.finished",
      EventData.DeploymentFinished.class,
      false,
      req("deploymentId", STRING),
      req("service", STRING),
      req("environment", STRING),
      reqOneOf("status", "success", "failure"),
      req("finishedAt", INSTANT),
      opt("startedAt", INSTANT),
      opt("sha", STRING),
      opt("rollbackOf", STRING),
      opt("labels", STRINGS)),
  INCIDENT_OPENED(
      "incident.opened",
      EventData.IncidentOpened.class,
      false,
      req("incidentId", STRING),
      req("service", STRING),
      req("at", INSTANT),
      opt("severity", STRING),
      opt("title", STRING).upTo(EventLimits.TITLE),
      opt("causedByDeploymentId", STRING),
      opt("causedBySha", STRING)),
  INCIDENT_RESOLVED(
      "incident.resolved",
      EventData.IncidentResolved.class,
      false,
      req("incidentId", STRING),
      req("at", INSTANT)),
  AGENT_USAGE(
      "agent.usage",
      EventData.AgentUsage.class,
      false,
      req("tool", STRING),
      req("user", STRING),
      req("day", DAY),
      FieldSpec.optOneOf("period", "day", "part"),
      opt("active", BOOLEAN),
      opt("suggestions", NON_NEGATIVE_INTEGER).addingUp(),
      opt("acceptances", NON_NEGATIVE_INTEGER).addingUp(),
      opt("linesSuggested", NON_NEGATIVE_INTEGER).addingUp(),
      opt("linesAccepted", NON_NEGATIVE_INTEGER).addingUp(),
      opt("linesAdded", NON_NEGATIVE_INTEGER).addingUp(),
      opt("linesRemoved", NON_NEGATIVE_INTEGER).addingUp(),
      opt("sessions", NON_NEGATIVE_INTEGER).addingUp(),
      opt("commits", NON_NEGATIVE_INTEGER).addingUp(),
      opt("pullRequests", NON_NEGATIVE_INTEGER).addingUp(),
      opt("editAccepts", NON_NEGATIVE_INTEGER).addingUp(),
      opt("editRejects", NON_NEGATIVE_INTEGER).addingUp(),
      opt("tokens", FieldKind.NON_NEGATIVE_LONG).addingUp(),
      opt("costUsd", FieldKind.NON_NEGATIVE_NUMBER).atMost(EventLimits.COST_USD_PER_DAY).addingUp(),
      opt("activeSeconds", FieldKind.NON_NEGATIVE_NUMBER)
          .atMost(EventLimits.ACTIVE_SECONDS_PER_DAY)
          .addingUp(),
      opt("permissionBypasses", NON_NEGATIVE_INTEGER).addingUp()),
  AGENT_SEAT(
      "agent.seat",
      EventData.AgentSeat.class,
      false,
      req("tool", STRING).upTo(EventLimits.NAME),
      req("user", STRING).upTo(EventLimits.NAME),
      opt("account", STRING).upTo(EventLimits.NAME),
      req("assignedAt", INSTANT),
      opt("lastActivityAt", INSTANT),
      opt("lastActivityEditor", STRING).upTo(EventLimits.NAME),
      opt("endsOn", DAY),
      opt("removedAt", INSTANT),
      opt("usageKnownFrom", DAY),
      opt("listedAt", INSTANT)),
  AGENT_ORG_USAGE(
      "agent.org_usage",
      EventData.AgentOrgUsage.class,
      false,
      req("tool", STRING).upTo(EventLimits.NAME),
      req("account", STRING).upTo(EventLimits.NAME),
      req("day", DAY),
      opt("activeUsers", NON_NEGATIVE_INTEGER),
      opt("engagedUsers", NON_NEGATIVE_INTEGER),
      opt("suggestions", FieldKind.NON_NEGATIVE_LONG),
      opt("acceptances", FieldKind.NON_NEGATIVE_LONG),
      opt("linesSuggested", FieldKind.NON_NEGATIVE_LONG),
      opt("linesAccepted", FieldKind.NON_NEGATIVE_LONG),
      opt("linesRemoved", FieldKind.NON_NEGATIVE_LONG),
      opt("chats", FieldKind.NON_NEGATIVE_LONG)),
  MEETING_SUMMARY(
      "meeting.summary",
      EventData.MeetingSummary.class,
      false,
      req("member", STRING),
      req("week", WEEK),
      req("hours", FieldKind.NON_NEGATIVE_NUMBER).atMost(EventLimits.HOURS_PER_WEEK)),
  BET_SIGNAL(
      "bet.signal",
      EventData.BetSignal.class,
      false,
      req("betId", STRING),
      req("name", STRING),
      req("value", NUMBER).atMost(EventLimits.SIGNAL_VALUE),
      req("at", INSTANT)),
  BET_LEARNING(
      "bet.learning",
      EventData.BetLearning.class,
      false,
      req("betId", STRING),
      req("author", STRING),
      req("text", STRING).upTo(EventLimits.TEXT),
      req("at", INSTANT)),
  PULSE_SCORE(
      "pulse.score",
      EventData.PulseScore.class,
      false,
      req("respondent", STRING),
      req("week", WEEK),
      reqOneOf("question", "satisfaction", "flow", "collaboration"),
      req("score", FieldKind.SCORE));

  private static final Map<String, EventType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(EventType::wireName, Function.identity()));

  private final String wireName;
  private final Class<? extends EventData> dataClass;
  private final boolean requiresRepo;
  private final List<FieldSpec> fields;
  private final List<String> fieldNames;
  private final List<SummedField> summedFields;

  EventType(
      String wireName,
      Class<? extends EventData> dataClass,
      boolean requiresRepo,
      FieldSpec... fields) {
    this.wireName = wireName;
    this.dataClass = dataClass;
    this.requiresRepo = requiresRepo;
    this.fields = List.of(fields);
    this.fieldNames = this.fields.stream().map(FieldSpec::name).toList();
    this.summedFields =
        this.fields.stream().filter(FieldSpec::summed).map(SummedField::of).toList();
  }

  /** The name on the wire, e.g. {@code pr.merged}. */
  public String wireName() {
    return wireName;
  }

  public Class<? extends EventData> dataClass() {
    return dataClass;
  }

  /**
   * Whether the envelope must name the repository ({@code pr.*}, {@code commit*}, {@code ci.*}).
   */
  public boolean requiresRepo() {
    return requiresRepo;
  }

  List<FieldSpec> fields() {
    return fields;
  }

  /** The names of the data fields the contract defines for this type (others are ignored). */
  public List<String> dataFieldNames() {
    return fieldNames;
  }

  /**
   * The data fields that add up over the distinct events of a fact (an agent's usage arriving in
   * pieces); every other field folds latest-wins.
   */
  public List<SummedField> summedFields() {
    return summedFields;
  }

  public static Optional<EventType> fromWireName(String name) {
    return Optional.ofNullable(BY_WIRE_NAME.get(name));
  }

  @Override
  public String toString() {
    return wireName;
  }
}
