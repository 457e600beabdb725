package io.podometer.engine.org;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Reads the {@code org} section: the organization-wide settings. */
final class OrgSectionReader {

  private OrgSectionReader() {}

  /** The settings, or null when the section has problems (they are in the context). */
  static OrgSettings read(EntryReader org) {
    int before = org.context().problems.size();
    org.allowKeys(
        "name",
        "timeZone",
        "privacyFloor",
        "juniorLevelAtMost",
        "productionEnvironments",
        "incidentWindowHours",
        "hotfixLabels",
        "declaredAiLabels",
        "excludedPaths",
        "sensitivePaths",
        "securityReviewers",
        "ignoredBots",
        "agents",
        "targets",
        "incidentLabels",
        "thresholds",
        "seatPrices");
    String name = org.requiredText("name");
    ZoneId timeZone = timeZone(org);
    int privacyFloor = org.integer("privacyFloor", OrgSettings.DEFAULT_PRIVACY_FLOOR, 1);
    String juniorLevel = level(org, "juniorLevelAtMost");
    juniorLevel = juniorLevel == null ? OrgSettings.DEFAULT_JUNIOR_LEVEL_AT_MOST : juniorLevel;
    EnvironmentPattern production = productionEnvironments(org);
    int incidentWindowHours =
        org.integer("incidentWindowHours", OrgSettings.DEFAULT_INCIDENT_WINDOW_HOURS, 1);
    List<String> hotfixLabels = org.texts("hotfixLabels", OrgSettings.DEFAULT_HOTFIX_LABELS);
    List<String> declaredAiLabels =
        org.texts("declaredAiLabels", OrgSettings.DEFAULT_DECLARED_AI_LABELS);
    List<String> excludedPaths = org.texts("excludedPaths", OrgSettings.DEFAULT_EXCLUDED_PATHS);
    List<String> sensitivePaths = org.texts("sensitivePaths", OrgSettings.DEFAULT_SENSITIVE_PATHS);
    List<String> securityReviewers =
        org.texts(
            "securityReviewers",
            List.of(),
            (field, id) -> {
              if (!org.context().memberIds.contains(id)) {
                org.problemAt(field, "unknown member '" + id + "'");
              }
            });
    List<String> ignoredBots = org.texts("ignoredBots", OrgSettings.DEFAULT_IGNORED_BOTS);
    List<AgentPattern> agents = agents(org);
    Targets targets = Overlays.read(org, "targets", Targets.DEFAULTS).merged();
    List<String> incidentLabels = org.texts("incidentLabels", OrgSettings.DEFAULT_INCIDENT_LABELS);
    DetectorThresholds thresholds =
        Overlays.read(org, "thresholds", DetectorThresholds.DEFAULTS).merged();
    java.util.Map<String, Double> seatPrices = seatPrices(org);
    if (org.context().problems.size() > before) {
      return null;
    }
    return new OrgSettings(
        name,
        timeZone,
        privacyFloor,
        juniorLevel,
        production,
        incidentWindowHours,
        hotfixLabels,
        declaredAiLabels,
        excludedPaths,
        sensitivePaths,
        securityReviewers,
        ignoredBots,
        agents,
        targets,
        incidentLabels,
        thresholds,
        seatPrices);
  }

  /** A level such as {@code L5}, null when absent or wrong (reported). */
  static String level(EntryReader reader, String key) {
    String level = reader.text(key);
    if (level != null && !Member.LEVEL.matcher(level).matches()) {
      reader.problem(key, "not a level: '" + level + "' (expected L<number>, e.g. L5)");
      return null;
    }
    return level;
  }

  /** {@code seatPrices: {copilot: 19}}: a monthly price in USD per tool, 0 to the maximum. */
  private static java.util.Map<String, Double> seatPrices(EntryReader org) {
    EntryReader prices = org.object("seatPrices");
    java.util.Map<String, Double> byTool = new java.util.TreeMap<>();
    if (!prices.isPresent()) {
      return byTool;
    }
    for (java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> entry :
        prices.entries()) {
      String tool = entry.getKey();
      Double price = prices.number(tool);
      if (price == null) {
        continue;
      }
      if (!(price >= 0 && price <= OrgSettings.MAX_SEAT_PRICE_USD)) {
        prices.problem(
            tool,
            "must be a monthly price in USD from 0 to "
                + (long) OrgSettings.MAX_SEAT_PRICE_USD
                + ", was "
                + price);
        continue;
      }
      byTool.put(tool, price);
    }
    return byTool;
  }

  private static ZoneId timeZone(EntryReader org) {
    String zone = org.text("timeZone");
    if (zone == null) {
      return OrgSettings.DEFAULT_TIME_ZONE;
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      org.problem("timeZone", "unknown time zone '" + zone + "' (expected e.g. UTC, Europe/Paris)");
      return OrgSettings.DEFAULT_TIME_ZONE;
    }
  }

  private static EnvironmentPattern productionEnvironments(EntryReader org) {
    String regex = org.text("productionEnvironments");
    if (regex == null) {
      return EnvironmentPattern.DEFAULT;
    }
    try {
      return new EnvironmentPattern(regex);
    } catch (PatternSyntaxException e) {
      org.problem(
          "productionEnvironments",
          "not a valid regular expression: '"
              + regex
              + "' ("
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + ")");
      return EnvironmentPattern.DEFAULT;
    }
  }

  private static List<AgentPattern> agents(EntryReader org) {
    List<AgentPattern> agents = new ArrayList<>();
    for (EntryReader agent : org.objects("agents")) {
      agent.allowKeys(
          "tool",
          "emails",
          "logins",
          "footers",
          "trailerKeys",
          "authorNameSuffix",
          "branchPrefixes");
      String tool = agent.requiredText("tool");
      List<String> emails =
          agent.texts(
              "emails",
              List.of(),
              (field, email) -> {
                if (!email.contains("@")) {
                  agent.problemAt(field, "not an e-mail address or pattern: '" + email + "'");
                }
              });
      List<String> logins =
          agent.texts("logins", List.of(), (field, login) -> notBlank(agent, field, login));
      List<String> footers =
          agent.texts("footers", List.of(), (field, footer) -> notBlank(agent, field, footer));
      List<String> trailerKeys =
          agent.texts("trailerKeys", List.of(), (field, key) -> notBlank(agent, field, key));
      List<String> branchPrefixes =
          agent.texts(
              "branchPrefixes", List.of(), (field, prefix) -> notBlank(agent, field, prefix));
      String suffix = agent.text("authorNameSuffix");
      if (suffix != null && suffix.isBlank()) {
        agent.problem("authorNameSuffix", "must not be empty");
      }
      if (tool != null) {
        agents.add(
            new AgentPattern(tool, emails, logins, footers, trailerKeys, suffix, branchPrefixes));
      }
    }
    return agents;
  }

  private static void notBlank(EntryReader reader, String field, String value) {
    if (value.isBlank()) {
      reader.problemAt(field, "must not be empty");
    }
  }
}
