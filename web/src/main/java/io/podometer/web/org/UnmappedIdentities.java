package io.podometer.web.org;

import com.fasterxml.jackson.databind.JsonNode;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.org.AgentDirectory;
import io.podometer.engine.org.MemberDirectory;
import io.podometer.web.store.FactQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Identities seen in events that map to no member and are neither agents nor ignored bots, so an
 * admin can add them to the organization model. Their facts are kept meanwhile.
 */
@ApplicationScoped
public class UnmappedIdentities {

  /** Where identities appear: fact kind → identity fields of the folded fact. */
  static final Map<FactKind, List<String>> IDENTITY_FIELDS =
      Map.of(
          FactKind.PULL_REQUEST, List.of("author", "mergedBy"),
          FactKind.REVIEW, List.of("reviewer"),
          FactKind.COMMIT, List.of("author.login", "author.email"),
          FactKind.AGENT_USAGE_DAY, List.of("user"),
          FactKind.MEETING_WEEK, List.of("member"),
          FactKind.BET_LEARNING, List.of("author"));

  @Inject FactQueries facts;

  /** Unmapped identity → how many facts mention it, sorted by identity. */
  public Map<String, Integer> find(OrgSnapshot org) {
    MemberDirectory members = org.members();
    AgentDirectory agents = org.agents();
    Map<String, Integer> unmapped = new TreeMap<>();
    IDENTITY_FIELDS.forEach(
        (kind, fields) -> {
          facts.forEachOfKind(
              kind,
              fact -> {
                JsonNode parsed = parse(fact.fields());
                for (String field : fields) {
                  String identity = text(parsed, field);
                  if (identity != null
                      && members.resolve(identity).isEmpty()
                      && agents.agentForLogin(identity).isEmpty()
                      && agents.agentForEmail(identity).isEmpty()
                      && !agents.isIgnoredBot(identity)) {
                    unmapped.merge(identity, 1, Integer::sum);
                  }
                }
              });
        });
    return unmapped;
  }

  private static JsonNode parse(String fields) {
    try {
      return io.podometer.engine.event.EventCodec.mapper().readTree(fields);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a stored fact is not JSON", e);
    }
  }

  private static String text(JsonNode node, String path) {
    JsonNode value = node;
    for (String part : path.split("\\.")) {
      value = value.path(part);
    }
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }
}
