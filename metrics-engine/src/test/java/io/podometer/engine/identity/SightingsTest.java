package io.podometer.engine.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.org.OrgFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The unmapped identities of a set of facts: where seen, how often, and suggestions. */
class SightingsTest {

  private final Sightings sightings = new Sightings(new IdentityDirectory(OrgFixtures.example()));

  @Test
  void onlyUnmappedIdentitiesAreListedEachFactCountedOnce() {
    Instant monday = Instant.parse("2026-03-02T09:00:00Z");
    Instant tuesday = Instant.parse("2026-03-03T09:00:00Z");
    sightings.fact("pull request", monday, "stranger", "stranger");
    sightings.fact("pull request", tuesday, "copilot-swe-agent[bot]", "ana-l");
    sightings.fact("review", tuesday, "dependabot[bot]");
    sightings.fact("review", monday, "stranger");
    // an erased member's pseudonym is nobody to map: never listed
    sightings.fact("pull request", monday, "erased-k3j9x2m4q");
    sightings.author("commit", monday, "erased-k3j9x2m4q", "erased-k3j9x2m4q", null);
    sightings.author("commit", tuesday, "Ana Lima", "ana.lima@home.example", "ana-l");
    sightings.author("commit", monday, "Ana Lima (aider)", "ana.lima@home.example", null);

    assertEquals(Map.of("stranger", 2, "ana.lima@home.example", 2), sightings.counts());
    List<UnmappedIdentity> list = sightings.list();
    assertEquals(
        List.of("ana.lima@home.example", "stranger"),
        list.stream().map(UnmappedIdentity::identity).toList());
    UnmappedIdentity home = list.get(0);
    assertEquals("emails", home.shape());
    assertEquals(Map.of("commit", 2), home.seenAs());
    assertEquals(tuesday, home.lastSeen());
    assertEquals(List.of("Ana Lima", "Ana Lima (aider)"), home.authorNames());
    assertEquals(
        List.of("ana:sameAuthor"),
        home.suggestions().stream().map(s -> s.member() + ":" + s.rule()).toList());
    UnmappedIdentity stranger = list.get(1);
    assertEquals("github", stranger.shape());
    assertEquals(Map.of("pull request", 1, "review", 1), stranger.seenAs());
    assertEquals(List.of(), stranger.suggestions());
  }
}
