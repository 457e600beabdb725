package io.podometer.web.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The roles of SPEC §8 and the scopes of API tokens. People hold {@code leader}, {@code champion},
 * {@code member} or {@code admin}; a token's scope grants {@code ingest}, {@code reader} (every
 * aggregate, read only) or {@code admin}.
 */
public final class Roles {

  public static final String LEADER = "leader";
  public static final String CHAMPION = "champion";
  public static final String MEMBER = "member";
  public static final String ADMIN = "admin";
  public static final String INGEST = "ingest";
  public static final String READER = "reader";

  /** The roles a person (local user or OIDC) may be given. */
  public static final List<String> PERSON_ROLES = List.of(LEADER, CHAMPION, MEMBER, ADMIN);

  /** The scopes a token may carry. */
  public static final List<String> TOKEN_SCOPES = List.of("ingest", "read", "admin");

  /** What the bootstrap admin holds: every role, ingestion included. */
  public static final Set<String> BOOTSTRAP_ADMIN = Set.of(ADMIN, LEADER, INGEST, READER);

  private Roles() {}

  /** The roles a token of these scopes acts with. */
  public static Set<String> ofTokenScopes(Set<String> scopes) {
    Set<String> roles = new LinkedHashSet<>();
    for (String scope : scopes) {
      roles.add(
          switch (scope) {
            case "ingest" -> INGEST;
            case "read" -> READER;
            case "admin" -> ADMIN;
            default -> throw new IllegalArgumentException("scopes: unknown scope '" + scope + "'");
          });
    }
    return roles;
  }

  /** The names given (null: none), each checked against what is allowed. */
  public static Set<String> parse(String field, List<String> given, List<String> allowed) {
    Set<String> names = new LinkedHashSet<>();
    for (String part : given == null ? List.<String>of() : given) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(
            field + ": unknown '" + name + "' (one of " + String.join(", ", allowed) + ")");
      }
      names.add(name);
    }
    return names;
  }
}
