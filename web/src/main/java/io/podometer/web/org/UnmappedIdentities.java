package io.podometer.web.org;

import com.fasterxml.jackson.databind.JsonNode;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.identity.Sightings;
import io.podometer.engine.identity.UnmappedIdentity;
import io.podometer.web.store.FactQueries;
import io.podometer.web.store.StoredFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Identities seen in the stored facts that the organization model does not place (the engine's
 * {@code IdentityDirectory} decides), so an admin can map them. Their facts are kept and counted
 * meanwhile.
 */
@ApplicationScoped
public class UnmappedIdentities {

  /** Where identities appear: fact kind → what the API calls it and the people fields. */
  private record Where(String seenAs, List<String> fields) {}

  private static final Map<FactKind, Where> PEOPLE_FIELDS =
      Map.of(
          FactKind.PULL_REQUEST, new Where("pull request", List.of("author", "mergedBy")),
          FactKind.REVIEW, new Where("review", List.of("reviewer")),
          FactKind.AGENT_USAGE_DAY, new Where("agent usage", List.of("user")),
          FactKind.AGENT_SEAT, new Where("agent seat", List.of("user")),
          FactKind.MEETING_WEEK, new Where("meeting", List.of("member")),
          FactKind.BET_LEARNING, new Where("bet learning", List.of("author")));

  @Inject FactQueries facts;

  /** Unmapped identity → how many facts mention it, sorted by identity. */
  public Map<String, Integer> find(OrgSnapshot org) {
    return sightings(org).counts();
  }

  /** Every unmapped identity with where it was seen and the members it probably is. */
  public List<UnmappedIdentity> list(OrgSnapshot org) {
    return sightings(org).list();
  }

  private Sightings sightings(OrgSnapshot org) {
    Sightings sightings = new Sightings(org.identities());
    PEOPLE_FIELDS.forEach(
        (kind, where) ->
            facts.forEachOfKind(
                kind,
                fact -> {
                  JsonNode parsed = parse(fact);
                  String[] people =
                      where.fields().stream().map(f -> text(parsed, f)).toArray(String[]::new);
                  sightings.fact(where.seenAs(), fact.lastOccurredAt(), people);
                }));
    // a commit's author is one person, whose name and other address help to place them
    facts.forEachOfKind(
        FactKind.COMMIT,
        fact -> {
          JsonNode author = parse(fact).path("author");
          sightings.author(
              "commit",
              fact.lastOccurredAt(),
              text(author, "name"),
              text(author, "email"),
              text(author, "login"));
        });
    return sightings;
  }

  private static JsonNode parse(StoredFact fact) {
    try {
      return io.podometer.engine.event.EventCodec.mapper().readTree(fact.fields());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a stored fact is not JSON", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }
}
