package io.podometer.engine.org;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes an organization model in the shape {@link OrgModelLoader} reads, so that loading the
 * output gives an equal model. Settings are written in full (defaults included); optional fields
 * that are unset are left out. Stateless and thread-safe.
 */
public final class OrgModelWriter {

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .build();
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public String toYaml(OrgModel model) {
    return write(YAML, model);
  }

  public String toJson(OrgModel model) {
    return write(JSON, model);
  }

  private static String write(ObjectMapper mapper, OrgModel model) {
    try {
      return mapper.writeValueAsString(tree(model));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the organization model", e);
    }
  }

  static ObjectNode tree(OrgModel model) {
    ObjectNode root = NODES.objectNode();
    root.set("org", org(model.org()));
    ArrayNode pillars = root.putArray("pillars");
    model.pillars().forEach(p -> pillars.addObject().put("id", p.id()).put("name", p.name()));
    ArrayNode pods = root.putArray("pods");
    model.pods().forEach(pod -> pods.add(pod(pod)));
    ArrayNode members = root.putArray("members");
    model.members().forEach(member -> members.add(member(member)));
    ArrayNode services = root.putArray("services");
    model
        .services()
        .forEach(
            s ->
                strings(
                    services.addObject().put("id", s.id()).put("pod", s.pod()),
                    "repos",
                    s.repos()));
    ArrayNode champions = root.putArray("champions");
    model
        .champions()
        .forEach(c -> strings(champions.addObject().put("member", c.member()), "pods", c.pods()));
    ArrayNode pilots = root.putArray("pilots");
    model.pilots().forEach(pilot -> pilots.add(pilot(pilot)));
    ArrayNode bets = root.putArray("bets");
    model.bets().forEach(bet -> bets.add(BetWriter.bet(bet)));
    return root;
  }

  private static ObjectNode org(OrgSettings org) {
    ObjectNode node = NODES.objectNode();
    node.put("name", org.name());
    node.put("timeZone", org.timeZone().getId());
    node.put("privacyFloor", org.privacyFloor());
    node.put("juniorLevelAtMost", org.juniorLevelAtMost());
    node.put("productionEnvironments", org.productionEnvironments().regex());
    node.put("incidentWindowHours", org.incidentWindowHours());
    strings(node, "hotfixLabels", org.hotfixLabels());
    strings(node, "declaredAiLabels", org.declaredAiLabels());
    strings(node, "excludedPaths", org.excludedPaths());
    strings(node, "sensitivePaths", org.sensitivePaths());
    strings(node, "securityReviewers", org.securityReviewers());
    strings(node, "ignoredBots", org.ignoredBots());
    ArrayNode agents = node.putArray("agents");
    for (AgentPattern agent : org.agents()) {
      ObjectNode entry = agents.addObject().put("tool", agent.tool());
      nonEmpty(entry, "emails", agent.emails());
      nonEmpty(entry, "logins", agent.logins());
      nonEmpty(entry, "footers", agent.footers());
      nonEmpty(entry, "trailerKeys", agent.trailerKeys());
      if (agent.authorNameSuffix() != null) {
        entry.put("authorNameSuffix", agent.authorNameSuffix());
      }
      nonEmpty(entry, "branchPrefixes", agent.branchPrefixes());
    }
    node.set("targets", RecordTrees.toTree(org.targets()));
    strings(node, "incidentLabels", org.incidentLabels());
    node.set("thresholds", RecordTrees.toTree(org.thresholds()));
    if (!org.seatPrices().isEmpty()) {
      ObjectNode prices = node.putObject("seatPrices");
      new java.util.TreeMap<>(org.seatPrices()).forEach(prices::put);
    }
    return node;
  }

  private static ObjectNode pod(Pod pod) {
    ObjectNode node = NODES.objectNode().put("id", pod.id()).put("name", pod.name());
    if (pod.pillar() != null) {
      node.put("pillar", pod.pillar());
    }
    if (!pod.thresholdOverrides().isEmpty()) {
      node.set("thresholds", RecordTrees.toTree(pod.thresholdOverrides().byDetector()));
    }
    return node;
  }

  private static ObjectNode member(Member member) {
    ObjectNode node = NODES.objectNode().put("id", member.id()).put("name", member.name());
    node.put("role", member.role().id());
    if (member.level() != null) {
      node.put("level", member.level());
    }
    ObjectNode identities = node.putObject("identities");
    nonEmpty(identities, "github", member.identities().github());
    nonEmpty(identities, "emails", member.identities().emails());
    nonEmpty(identities, "telemetry", member.identities().telemetry());
    ArrayNode memberships = node.putArray("memberships");
    for (Membership membership : member.memberships()) {
      ObjectNode stay = memberships.addObject().put("pod", membership.pod());
      stay.put("from", membership.from().toString());
      if (membership.until() != null) {
        stay.put("until", membership.until().toString());
      }
    }
    return node;
  }

  private static ObjectNode pilot(Pilot pilot) {
    ObjectNode node = NODES.objectNode().put("pod", pilot.pod()).put("champion", pilot.champion());
    node.put("start", pilot.start().toString());
    node.put("baselineWeeks", pilot.baselineWeeks());
    if (!pilot.successCriteria().equals(PilotCriteria.DEFAULTS)) {
      node.set("successCriteria", RecordTrees.toTree(pilot.successCriteria()));
    }
    return node;
  }

  static ObjectNode strings(ObjectNode node, String key, List<String> values) {
    ArrayNode array = node.putArray(key);
    values.forEach(array::add);
    return node;
  }

  static void nonEmpty(ObjectNode node, String key, List<String> values) {
    if (!values.isEmpty()) {
      strings(node, key, values);
    }
  }
}
