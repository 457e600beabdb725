package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Org.Bet;
import io.podometer.connectors.simulate.Org.Champion;
import io.podometer.connectors.simulate.Org.Member;
import io.podometer.connectors.simulate.Org.Membership;
import io.podometer.connectors.simulate.Org.Pilot;
import io.podometer.connectors.simulate.Org.Pod;
import io.podometer.connectors.simulate.Org.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Writes the organization in the shape of {@code org.example.yaml}, in its compact style. */
final class OrgYaml {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ._@/-]*");
  private static final Pattern KEYWORD = Pattern.compile("(?i)true|false|yes|no|on|off|null|y|n|~");

  private static final String SETTINGS =
      """
      org:
        name: %s
        timeZone: UTC
        privacyFloor: 3
        juniorLevelAtMost: L3
        productionEnvironments: "prod|production"
        incidentWindowHours: 72
        hotfixLabels: [hotfix, bug]
        declaredAiLabels: [ai-assisted]
        excludedPaths: ["**/vendor/**", "**/node_modules/**", "**/*.lock", "**/package-lock.json", "**/*.min.js", "**/generated/**"]
        sensitivePaths: ["**/auth/**", "**/security/**", ".github/workflows/**", "**/*.tf", "**/secrets/**"]
        securityReviewers: [%s]
        ignoredBots: ["dependabot[bot]", "renovate[bot]", "github-actions[bot]"]
        agents:
          - {tool: claude_code, emails: ["noreply@anthropic.com"], logins: ["claude[bot]"], footers: ["Generated with [Claude Code]"]}
          - {tool: copilot, emails: ["*+Copilot@users.noreply.github.com", "copilot@github.com"], logins: ["copilot-swe-agent[bot]"]}
          - {tool: cursor, emails: ["cursoragent@cursor.com"], logins: ["cursor[bot]"]}
          - {tool: devin, logins: ["devin-ai-integration[bot]"]}
          - {tool: codex, logins: ["chatgpt-codex-connector[bot]"]}
          - {tool: aider, authorNameSuffix: " (aider)", emails: ["aider@aider.chat", "noreply@aider.chat"]}
        targets: {ai_code_share: 0.75, agent_assisted_diffs: 0.55, weekly_active_ai_users: 0.80}
        incidentLabels: [incident]
        seatPrices: {copilot: 19, cursor: 40}
        thresholds:
          review_bottleneck: {pickupHours: 24, pickupShare: 0.5, topReviewerShare: 0.5, weeks: 2}
          metrics_gaming: {aiShareRisePp: 20, windowWeeks: 8, outcomeImprovement: 0.10, uncorroboratedShare: 0.30, prCountRise: 0.5, prSizeDrop: 0.5, rubberStampShare: 0.30}
          tool_bolt_on: {activeShare: 0.80, weeks: 4, improvement: 0.10, baselineWeeks: 8, adoptionCross: 0.5}
          prompt_cargo_culting: {acceptanceRateBelow: 0.20, rejectRateAbove: 0.50, tokensPerAcceptedLineVsMedian: 3.0, weeks: 2}
          security_shortcuts: {requireHumanApproval: true}
          knowledge_debt: {aiShareAtLeast: 0.5, minAddedLines: 50, shareWithoutTestsOrDocs: 0.40, weeks: 2, testPaths: ["**/test/**", "**/tests/**", "**/__tests__/**", "**/*Test.*", "**/*_test.*", "**/test_*", "**/*.test.*", "**/*.spec.*"], docPaths: ["**/*.md", "docs/**", "**/spec/**"]}
          junior_pipeline_hollowing: {reviewDrop: 0.5, humanShareBelow: 0.10, baselineWeeks: 8}
          meeting_creep: {hoursRise: 0.20, baselineWeeks: 8}
          unowned_work: {unlinkedShare: 0.5}
      """;

  private OrgYaml() {}

  static String write(Org org) {
    StringBuilder y = new StringBuilder(256 * org.members.size() + 8192);
    y.append(SETTINGS.formatted(scalar(org.name), scalar(org.securityReviewer)));
    y.append("pillars:\n");
    org.pillars.forEach(
        p ->
            y.append("  - {id: ")
                .append(scalar(p.id()))
                .append(", name: ")
                .append(scalar(p.name()))
                .append("}\n"));
    y.append("pods:\n");
    for (Pod pod : org.pods) {
      y.append("  - {id: ").append(scalar(pod.id())).append(", name: ").append(scalar(pod.name()));
      y.append(", pillar: ").append(scalar(pod.pillar()));
      if (pod.pickupHours() != null) {
        y.append(", thresholds: {review_bottleneck: {pickupHours: ")
            .append(pod.pickupHours())
            .append("}}");
      }
      y.append("}\n");
    }
    y.append("members:\n");
    org.members.forEach(m -> member(y, m));
    y.append("services:\n");
    for (Service s : org.services) {
      y.append("  - {id: ").append(scalar(s.id())).append(", pod: ").append(scalar(s.pod()));
      y.append(", repos: [").append(scalar(s.repo())).append("]}\n");
    }
    y.append("champions:\n");
    for (Champion c : org.champions) {
      y.append("  - {member: ")
          .append(scalar(c.member()))
          .append(", pods: ")
          .append(list(c.pods()))
          .append("}\n");
    }
    y.append("pilots:\n");
    for (Pilot p : org.pilots) {
      y.append("  - {pod: ")
          .append(scalar(p.pod()))
          .append(", champion: ")
          .append(scalar(p.champion()));
      y.append(", start: ")
          .append(p.start())
          .append(", baselineWeeks: ")
          .append(p.baselineWeeks())
          .append("}\n");
    }
    y.append("bets:\n");
    org.bets.forEach(b -> bet(y, b));
    return y.toString();
  }

  private static void member(StringBuilder y, Member m) {
    y.append("  - id: ").append(scalar(m.id())).append('\n');
    y.append("    name: ").append(scalar(m.name())).append('\n');
    y.append("    role: ").append(m.role().key).append('\n');
    y.append("    level: ").append(m.level()).append('\n');
    y.append("    identities: {github: [").append(scalar(m.github())).append("], emails: [");
    y.append(scalar(m.email())).append(']');
    if (m.telemetry() != null) {
      y.append(", telemetry: [").append(scalar(m.telemetry())).append(']');
    }
    y.append("}\n    memberships: [");
    List<Membership> memberships = m.memberships();
    for (int i = 0; i < memberships.size(); i++) {
      Membership ms = memberships.get(i);
      y.append(i == 0 ? "" : ", ")
          .append("{pod: ")
          .append(scalar(ms.pod()))
          .append(", from: ")
          .append(ms.from());
      if (ms.until() != null) {
        y.append(", until: ").append(ms.until());
      }
      y.append('}');
    }
    y.append("]\n");
  }

  private static void bet(StringBuilder y, Bet b) {
    y.append("  - id: ").append(scalar(b.id())).append('\n');
    y.append("    title: ").append(scalar(b.title())).append('\n');
    if (b.sto() != null) {
      y.append("    sto: ").append(scalar(b.sto())).append('\n');
    }
    y.append("    hypothesis: ").append(scalar(b.hypothesis())).append('\n');
    y.append("    killSignal: {").append(b.killSignal().onMetric() ? "metric: " : "signal: ");
    y.append(scalar(b.killSignal().name()))
        .append(", comparator: ")
        .append(scalar(b.killSignal().comparator()));
    y.append(", threshold: ").append(number(b.killSignal().threshold()));
    y.append(", windowWeeks: ").append(b.killSignal().windowWeeks()).append("}\n");
    y.append("    status: ").append(b.status()).append('\n');
    y.append("    started: ").append(b.started()).append('\n');
    List<String> labels = new ArrayList<>(List.of("bet:" + b.id()));
    y.append("    links: {labels: ").append(list(labels));
    y.append(", branchPrefixes: ").append(list(List.of("bet/" + b.id() + "/")));
    y.append(", titleTags: ").append(list(List.of("[" + b.id() + "]")));
    y.append(", repos: [], paths: []}\n");
  }

  private static String list(List<String> items) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(scalar(items.get(i)));
    }
    return b.append(']').toString();
  }

  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** Plain where YAML reads it back as the same string, else double-quoted with JSON escapes. */
  static String scalar(String s) {
    if (PLAIN.matcher(s).matches() && !KEYWORD.matcher(s).matches() && !s.endsWith(" ")) {
      return s;
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
