package io.podometer.web.api;

import io.podometer.engine.figure.MetricId;
import java.util.EnumMap;
import java.util.Map;

/** How each metric is named and grouped on pages, with a one-line definition (SPEC §5). */
public final class MetricTexts {

  public record Text(String group, String title, String definition) {}

  private static final Map<MetricId, Text> TEXTS = new EnumMap<>(MetricId.class);

  static {
    String ai = "AI adoption";
    String dora = "Delivery (DORA)";
    String review = "Review";
    String flow = "Flow and outcomes";
    String dx = "Developer experience";
    String agents = "Agents";
    String safeguards = "Safeguards (read by the anti-pattern detectors)";
    put(
        MetricId.AI_CODE_SHARE,
        ai,
        "AI code share",
        "Share of the lines added on the default branch that week attributed to AI (excluded paths"
            + " left out), strongest source first; shown with its exact part and split by source.");
    put(
        MetricId.AGENT_ASSISTED_DIFFS,
        ai,
        "Agent-assisted diffs",
        "Merged PRs with any AI attribution / merged PRs.");
    put(
        MetricId.WEEKLY_ACTIVE_AI_USERS,
        ai,
        "Weekly active AI users",
        "Active engineers with an AI signal that week (an active agent-usage day or an"
            + " AI-attributed change) / active engineers.");
    put(
        MetricId.AI_FIRST_ENGINEERS,
        ai,
        "AI-first engineers",
        "Engineers whose AI code share over the 4 weeks ending that week is at least 75 % (with"
            + " at least 50 added lines) / engineers active in those 28 days.");
    put(
        MetricId.MANUAL_EDIT_SHARE,
        ai,
        "Manual edit share",
        "For AI-first engineers: 1 − their AI code share (a rising value signals missing AI"
            + " context).");
    put(
        MetricId.AGENT_AUTHORED_PRS,
        ai,
        "Agent-authored PRs",
        "Merged PRs whose author is an agent / merged PRs.");
    put(
        MetricId.AGENT_COST_PER_PR_USD,
        agents,
        "Agent cost per PR",
        "Agent cost of the scope's members that week / merged PRs of the scope that week (USD).");
    put(
        MetricId.WEEKS_TO_90PCT_ADOPTION,
        ai,
        "Weeks to 90 % adoption",
        "For a pilot pod, weeks from the pilot's start until 90 % weekly active AI users.");
    put(
        MetricId.DEPLOYMENT_FREQUENCY,
        dora,
        "Deployment frequency",
        "Successful production deployments in the week.");
    put(
        MetricId.DEPLOY_DAYS,
        dora,
        "Deploy days",
        "Days of the week with a successful deployment.");
    put(
        MetricId.LEAD_TIME_P50_HOURS,
        dora,
        "Lead time (median)",
        "Per merged PR, first commit to the first successful production deployment containing"
            + " it; median over PRs deployed that week, hours.");
    put(
        MetricId.LEAD_TIME_P90_HOURS,
        dora,
        "Lead time (90th percentile)",
        "The same lead time, 90th percentile, hours.");
    put(
        MetricId.LEAD_TIME_CODING_P50_HOURS,
        dora,
        "Coding time (median)",
        "First commit to the PR opened, median, hours.");
    put(
        MetricId.LEAD_TIME_PICKUP_P50_HOURS,
        dora,
        "Pickup time (median)",
        "Ready for review to the first review by someone else, median, hours.");
    put(
        MetricId.LEAD_TIME_REVIEW_P50_HOURS,
        dora,
        "Review time (median)",
        "First review to merge, median, hours.");
    put(
        MetricId.LEAD_TIME_DEPLOY_P50_HOURS,
        dora,
        "Deploy time (median)",
        "Merge to deployment, median, hours.");
    put(
        MetricId.CHANGE_FAILURE_RATE,
        dora,
        "Change failure rate",
        "Production deployments that failed or led to a failure (status failure, a linked"
            + " incident, a rollback or hotfix within 24 h) / all production deployments.");
    put(
        MetricId.RECOVERY_TIME_P50_HOURS,
        dora,
        "Recovery time (median)",
        "From a failed deployment's finish to the restoration of service (the linked incident's"
            + " resolution, else the next successful deployment), median, hours.");
    put(
        MetricId.REWORK_RATE,
        dora,
        "Rework rate",
        "Share of production deployments that were unplanned fixes (hotfix/bug-labelled"
            + " changes, or deployments within 24 h of a failure).");
    put(
        MetricId.TIME_TO_FIRST_REVIEW_P50_HOURS,
        review,
        "Time to first review (median)",
        "Ready for review to the first review by someone else, median, hours.");
    put(
        MetricId.TIME_TO_FIRST_REVIEW_P90_HOURS,
        review,
        "Time to first review (90th percentile)",
        "The same, 90th percentile, hours.");
    put(
        MetricId.REVIEW_WAIT_SHARE,
        review,
        "Review wait share",
        "Share of cycle time spent waiting for a first review.");
    put(
        MetricId.TOP_REVIEWER_SHARE,
        review,
        "Top reviewer share",
        "Share of the pod's PR reviews given by its most active reviewer (no one is named).");
    put(
        MetricId.REVIEW_LOAD_GINI,
        review,
        "Review load Gini",
        "Gini coefficient of reviews given by the pod's engineers, zeros included (0 even,"
            + " near 1 all on one reviewer).");
    put(
        MetricId.REVIEW_QUEUE,
        review,
        "Review queue",
        "Open, ready PRs without a first review at week end.");
    put(
        MetricId.UNREVIEWED_MERGES,
        review,
        "Unreviewed merges",
        "Merged PRs without an approval by a human other than the author / merged PRs.");
    put(
        MetricId.RUBBER_STAMP_APPROVALS,
        review,
        "Rubber-stamp approvals",
        "Approvals within 2 min of the PR becoming ready, on PRs over 300 changed lines /"
            + " approvals.");
    put(
        MetricId.THROUGHPUT_PER_ENGINEER,
        flow,
        "Throughput per engineer",
        "Merged PRs per active engineer.");
    put(MetricId.PR_SIZE_P50, flow, "PR size (median)", "Changed lines per merged PR, median.");
    put(
        MetricId.UNLINKED_PR_SHARE,
        flow,
        "PRs linked to no bet",
        "Merged PRs linked to no bet (label, branch, title or path rules) / merged PRs; only"
            + " where the organization declares bets.");
    put(
        MetricId.REVERT_RATE,
        flow,
        "Revert rate",
        "Merged PRs reverted (a revert naming their sha or number) within 30 days / merged PRs;"
            + " pending until the window has passed.");
    put(
        MetricId.AI_CHURN_PROXY,
        flow,
        "AI churn proxy",
        "Share of AI-attributed added lines whose files another PR changed again within 21"
            + " days; pending until the window has passed.");
    put(
        MetricId.FEATURE_VELOCITY_DAYS,
        flow,
        "Feature velocity",
        "Days from a bet's start to its first production deployment containing linked work.");
    put(MetricId.PULSE_SATISFACTION, dx, "Pulse: satisfaction", "Mean answer, 1 to 5.");
    put(MetricId.PULSE_FLOW, dx, "Pulse: flow", "Mean answer, 1 to 5.");
    put(MetricId.PULSE_COLLABORATION, dx, "Pulse: collaboration", "Mean answer, 1 to 5.");
    put(
        MetricId.MEETING_HOURS_PER_ENGINEER,
        dx,
        "Meeting hours per engineer",
        "Meeting hours of the scope's members / engineers with meeting data.");
    put(
        MetricId.AGENT_ACCEPTANCE_RATE,
        agents,
        "Agent acceptance rate",
        "Acceptances / suggestions over the members' agent-usage days.");
    put(
        MetricId.AGENT_EDIT_REJECT_RATE,
        agents,
        "Agent edit reject rate",
        "Edit rejects / (edit accepts + edit rejects) over the members' agent-usage days.");
    put(
        MetricId.AGENT_TOKENS_PER_ACCEPTED_LINE,
        agents,
        "Agent tokens per accepted line",
        "Agent tokens / lines kept (Copilot's accepted lines, else lines added by accepted edits)"
            + " over the members' agent-usage days that report both.");
    put(
        MetricId.SECURITY_SHORTCUTS,
        safeguards,
        "Security shortcuts",
        "Agents' PRs merged without a human approval, AI-made changes to sensitive paths without a"
            + " security reviewer's approval, AI commits pushed to the default branch without a PR,"
            + " and person-days an agent ran with its permissions bypassed.");
    put(
        MetricId.UNTESTED_AI_PR_SHARE,
        safeguards,
        "AI-heavy PRs without tests or docs",
        "Of the merged PRs at least half AI-written with 50 added lines or more (the pod's"
            + " knowledge_debt thresholds), those changing no test and no docs path.");
    put(
        MetricId.UNCORROBORATED_AI_SHARE,
        safeguards,
        "Uncorroborated AI PRs",
        "Of the merged PRs whose AI rests on a trailer or a label alone, those whose author used no"
            + " agent on a day the PR was worked on or the day before.");
    put(
        MetricId.JUNIOR_REVIEWS_GIVEN,
        safeguards,
        "Reviews given by juniors",
        "Reviews the pod's juniors (engineers at or under juniorLevelAtMost) gave in the week; the"
            + " privacy floor applies to the number of juniors.");
    put(
        MetricId.JUNIOR_HUMAN_SHARE,
        safeguards,
        "Juniors' lines by hand",
        "Of the lines the juniors' merged PRs added, the share not attributed to AI.");
    put(
        MetricId.JUNIOR_AGENT_ONLY_APPROVALS,
        safeguards,
        "Juniors' PRs approved by agents only",
        "Of the juniors' merged PRs that were approved, those approved by agents and no person.");
    put(
        MetricId.AGENT_TOKENS_PER_PR,
        agents,
        "Agent tokens per PR",
        "Agent tokens of the scope's members that week / merged PRs of the scope that week.");
    put(
        MetricId.SEAT_UTILIZATION,
        agents,
        "Seat utilization",
        "Agent seats used that week (a usage day of the seat's tool, or the seat's last activity)"
            + " / seats held that week; a seat counts from the day its use is known.");
    put(
        MetricId.IDLE_SEATS,
        agents,
        "Idle seats",
        "Seats held at the end of the week, for at least the 30 days before, and not used in"
            + " them (a count; names only on the admin's Sources page).");
    put(
        MetricId.IDLE_SEAT_COST_USD,
        agents,
        "Idle seat cost",
        "Monthly price of the idle seats, for tools with a seat price (org.seatPrices), in USD per"
            + " month.");
    put(
        MetricId.DAYS_TO_FIRST_AI_USE,
        agents,
        "Days to first AI use",
        "Median, over each member joining and each seat assigned, of the days to the first use"
            + " after it (any agent after joining; the seat's tool after a seat), counted in the"
            + " week of that use; first uses more than 56 days later are left out.");
    put(
        MetricId.AGENT_PR_MERGE_RATE,
        agents,
        "Agent PR merge rate",
        "Agent-authored PRs merged / agent-authored PRs closed (merged or not) that week.");
    put(
        MetricId.HUMAN_PR_MERGE_RATE,
        agents,
        "Human PR merge rate",
        "People's PRs merged / people's PRs closed (merged or not) that week, beside the agents'.");
  }

  private MetricTexts() {}

  private static void put(MetricId metric, String group, String title, String definition) {
    TEXTS.put(metric, new Text(group, title, definition));
  }

  public static Text of(MetricId metric) {
    Text text = TEXTS.get(metric);
    return text != null ? text : new Text("Other", metric.id(), "");
  }
}
