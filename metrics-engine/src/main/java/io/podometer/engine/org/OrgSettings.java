package io.podometer.engine.org;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The organization-wide settings (the {@code org} section). Path lists are globs; {@code
 * securityReviewers} are member ids; {@code ignoredBots} are logins or e-mails that count for
 * nobody; {@code agents} extend the built-in agent patterns ({@code
 * io.podometer.engine.identity.AgentDirectory}).
 *
 * @param incidentWindowHours how long after a deployment an incident may be tied to it, in hours
 * @param juniorLevelAtMost members at or under this level ({@code L<number>}) are juniors
 * @param seatPrices the monthly price in USD of a seat of each agent tool that sells seats (by tool
 *     id, as {@code agent.seat} names it); a tool without one has idle seats without a cost
 */
public record OrgSettings(
    String name,
    ZoneId timeZone,
    int privacyFloor,
    String juniorLevelAtMost,
    EnvironmentPattern productionEnvironments,
    int incidentWindowHours,
    List<String> hotfixLabels,
    List<String> declaredAiLabels,
    List<String> excludedPaths,
    List<String> sensitivePaths,
    List<String> securityReviewers,
    List<String> ignoredBots,
    List<AgentPattern> agents,
    Targets targets,
    List<String> incidentLabels,
    DetectorThresholds thresholds,
    java.util.Map<String, Double> seatPrices) {

  /** A seat price above this is a typo (the dearest agent plans cost a few hundred a month). */
  public static final double MAX_SEAT_PRICE_USD = 100_000;

  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");
  public static final int DEFAULT_PRIVACY_FLOOR = 3;
  public static final String DEFAULT_JUNIOR_LEVEL_AT_MOST = "L3";
  public static final int DEFAULT_INCIDENT_WINDOW_HOURS = 72;
  public static final List<String> DEFAULT_HOTFIX_LABELS = List.of("hotfix", "bug");
  public static final List<String> DEFAULT_DECLARED_AI_LABELS = List.of("ai-assisted");
  public static final List<String> DEFAULT_EXCLUDED_PATHS =
      List.of(
          "**/vendor/**",
          "**/node_modules/**",
          "**/*.lock",
          "**/package-lock.json",
          "**/*.min.js",
          "**/generated/**");
  public static final List<String> DEFAULT_SENSITIVE_PATHS =
      List.of("**/auth/**", "**/security/**", ".github/workflows/**", "**/*.tf", "**/secrets/**");
  public static final List<String> DEFAULT_IGNORED_BOTS =
      List.of("dependabot[bot]", "renovate[bot]", "github-actions[bot]");
  public static final List<String> DEFAULT_INCIDENT_LABELS = List.of("incident");

  public OrgSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeZone, "timeZone");
    if (privacyFloor < 1) {
      throw new IllegalArgumentException("privacyFloor must be at least 1: " + privacyFloor);
    }
    Member.levelNumber(Objects.requireNonNull(juniorLevelAtMost, "juniorLevelAtMost"));
    Objects.requireNonNull(productionEnvironments, "productionEnvironments");
    hotfixLabels = List.copyOf(hotfixLabels);
    declaredAiLabels = List.copyOf(declaredAiLabels);
    excludedPaths = List.copyOf(excludedPaths);
    sensitivePaths = List.copyOf(sensitivePaths);
    securityReviewers = List.copyOf(securityReviewers);
    ignoredBots = List.copyOf(ignoredBots);
    agents = List.copyOf(agents);
    Objects.requireNonNull(targets, "targets");
    incidentLabels = List.copyOf(incidentLabels);
    Objects.requireNonNull(thresholds, "thresholds");
    seatPrices = java.util.Map.copyOf(seatPrices);
  }

  /** The monthly price of a seat of {@code tool} in USD, when one is configured. */
  public java.util.Optional<Double> seatPrice(String tool) {
    return java.util.Optional.ofNullable(seatPrices.get(tool));
  }

  /** The settings of a file that gives only the organization's name. */
  public static OrgSettings defaults(String name) {
    return new OrgSettings(
        name,
        DEFAULT_TIME_ZONE,
        DEFAULT_PRIVACY_FLOOR,
        DEFAULT_JUNIOR_LEVEL_AT_MOST,
        EnvironmentPattern.DEFAULT,
        DEFAULT_INCIDENT_WINDOW_HOURS,
        DEFAULT_HOTFIX_LABELS,
        DEFAULT_DECLARED_AI_LABELS,
        DEFAULT_EXCLUDED_PATHS,
        DEFAULT_SENSITIVE_PATHS,
        List.of(),
        DEFAULT_IGNORED_BOTS,
        List.of(),
        Targets.DEFAULTS,
        DEFAULT_INCIDENT_LABELS,
        DetectorThresholds.DEFAULTS,
        java.util.Map.of());
  }

  public int juniorLevelNumber() {
    return Member.levelNumber(juniorLevelAtMost);
  }

  /** These settings with other ignored bots. */
  public OrgSettings withIgnoredBots(List<String> bots) {
    return new OrgSettings(
        name,
        timeZone,
        privacyFloor,
        juniorLevelAtMost,
        productionEnvironments,
        incidentWindowHours,
        hotfixLabels,
        declaredAiLabels,
        excludedPaths,
        sensitivePaths,
        securityReviewers,
        bots,
        agents,
        targets,
        incidentLabels,
        thresholds,
        seatPrices);
  }

  /** These settings with other agent patterns. */
  public OrgSettings withAgents(List<AgentPattern> patterns) {
    return new OrgSettings(
        name,
        timeZone,
        privacyFloor,
        juniorLevelAtMost,
        productionEnvironments,
        incidentWindowHours,
        hotfixLabels,
        declaredAiLabels,
        excludedPaths,
        sensitivePaths,
        securityReviewers,
        ignoredBots,
        patterns,
        targets,
        incidentLabels,
        thresholds,
        seatPrices);
  }
}
