package io.podometer.engine.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the unmapped identities were seen: fed one fact at a time with the identities it mentions,
 * it keeps, for each identity the {@link IdentityDirectory} cannot place, how many facts of which
 * kind mention it, when last, the commit author names beside it and the members a commit's author
 * carried beside it; then lists them with suggestions. Members, agents and ignored bots are not
 * listed. Not thread-safe: one per listing.
 */
public final class Sightings {

  /** Author names kept per identity: enough to suggest, not a history. */
  static final int NAMES_KEPT = 5;

  private final IdentityDirectory identities;
  private final Map<String, Seen> seen = new TreeMap<>();

  public Sightings(IdentityDirectory identities) {
    this.identities = identities;
  }

  /** What an erasure puts in place of a member's identities ({@code erased-<random>}). */
  public static final String ERASED_PREFIX = "erased-";

  /**
   * Whether the identity is an erased member's pseudonym: never listed as unmapped, never mapped,
   * or an erasure could be undone by mapping it back to a person.
   */
  public static boolean isErasedPseudonym(String identity) {
    return identity != null && identity.startsWith(ERASED_PREFIX);
  }

  /** A fact of {@code kind} mentioning these identities (of different people, or the same). */
  public void fact(String kind, Instant at, String... mentioned) {
    Set<String> once = new LinkedHashSet<>();
    for (String identity : mentioned) {
      if (identity != null && !identity.isBlank()) {
        once.add(identity);
      }
    }
    for (String identity : once) {
      if (!isErasedPseudonym(identity)
          && identities.classify(identity) instanceof Classification.Unmapped) {
        seenIn(identity, kind, at);
      }
    }
  }

  /**
   * A commit (or any fact) whose one author carries a name, an e-mail and perhaps a login: each
   * unmapped one is listed, with the name and the member the other identity names, if any.
   */
  public void author(String kind, Instant at, String name, String email, String login) {
    String memberBeside =
        identities.memberOf(login).or(() -> identities.memberOf(email)).orElse(null);
    for (String identity : both(login, email)) {
      if (!isErasedPseudonym(identity)
          && identities.classify(identity) instanceof Classification.Unmapped) {
        Seen s = seenIn(identity, kind, at);
        if (name != null && !name.isBlank() && s.names.size() < NAMES_KEPT) {
          s.names.add(name.strip());
        }
        if (memberBeside != null) {
          s.sameAuthorMembers.add(memberBeside);
        }
      }
    }
  }

  private static List<String> both(String login, String email) {
    List<String> both = new ArrayList<>(2);
    if (login != null && !login.isBlank()) {
      both.add(login);
    }
    if (email != null && !email.isBlank() && !email.equals(login)) {
      both.add(email);
    }
    return both;
  }

  private Seen seenIn(String identity, String kind, Instant at) {
    Seen s = seen.computeIfAbsent(identity, i -> new Seen());
    s.facts++;
    s.byKind.merge(kind, 1, Integer::sum);
    if (at != null && (s.lastSeen == null || at.isAfter(s.lastSeen))) {
      s.lastSeen = at;
    }
    return s;
  }

  /** Unmapped identity → how many facts mention it, sorted by identity. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    seen.forEach((identity, s) -> counts.put(identity, s.facts));
    return counts;
  }

  /** Every unmapped identity seen, sorted by identity, each with its suggestions. */
  public List<UnmappedIdentity> list() {
    MatchSuggester suggester = new MatchSuggester(identities);
    List<UnmappedIdentity> list = new ArrayList<>(seen.size());
    seen.forEach(
        (identity, s) ->
            list.add(
                new UnmappedIdentity(
                    identity,
                    IdentityShape.of(identity).field(),
                    s.facts,
                    java.util.Collections.unmodifiableMap(new TreeMap<>(s.byKind)),
                    s.lastSeen,
                    List.copyOf(s.names),
                    suggester.suggest(identity, s.names, s.sameAuthorMembers))));
    return list;
  }

  private static final class Seen {
    int facts;
    final Map<String, Integer> byKind = new TreeMap<>();
    Instant lastSeen;
    final Set<String> names = new LinkedHashSet<>();
    final Set<String> sameAuthorMembers = new LinkedHashSet<>();
  }
}
