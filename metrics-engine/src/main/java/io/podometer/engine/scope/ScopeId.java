package io.podometer.engine.scope;

import java.util.Locale;

/**
 * A scope as written everywhere (API, CSV, reports): {@code org}, {@code pillar:<id>}, {@code
 * pod:<id>}, {@code service:<id>}, {@code repo:<owner>/<name>}, {@code bet:<id>}, {@code
 * sto:<member id>}, {@code member:<id>}.
 */
public record ScopeId(ScopeKind kind, String id) implements Comparable<ScopeId> {

  public static final ScopeId ORG = new ScopeId(ScopeKind.ORG, "");

  public ScopeId {
    if (kind == ScopeKind.ORG ? !id.isEmpty() : id == null || id.isBlank()) {
      throw new IllegalArgumentException(
          "scope " + kind.prefix() + " needs " + (kind == ScopeKind.ORG ? "no id" : "an id"));
    }
  }

  public static ScopeId pillar(String id) {
    return new ScopeId(ScopeKind.PILLAR, id);
  }

  public static ScopeId pod(String id) {
    return new ScopeId(ScopeKind.POD, id);
  }

  public static ScopeId service(String id) {
    return new ScopeId(ScopeKind.SERVICE, id);
  }

  public static ScopeId repo(String ownerAndName) {
    return new ScopeId(ScopeKind.REPO, ownerAndName);
  }

  public static ScopeId bet(String id) {
    return new ScopeId(ScopeKind.BET, id);
  }

  public static ScopeId sto(String memberId) {
    return new ScopeId(ScopeKind.STO, memberId);
  }

  public static ScopeId member(String memberId) {
    return new ScopeId(ScopeKind.MEMBER, memberId);
  }

  /** Parses the written form; the message names what is wrong. */
  public static ScopeId parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("scope: missing (e.g. org, pod:checkout, repo:acme/shop)");
    }
    if (text.equals("org")) {
      return ORG;
    }
    int colon = text.indexOf(':');
    if (colon < 1 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          "scope: '"
              + text
              + "' is not a scope (org, pillar:<id>, pod:<id>, service:<id>,"
              + " repo:<owner>/<name>, bet:<id>, sto:<member>, member:<id>)");
    }
    String prefix = text.substring(0, colon).toUpperCase(Locale.ROOT);
    ScopeKind kind;
    try {
      kind = ScopeKind.valueOf(prefix);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scope: unknown kind '" + text.substring(0, colon) + "'");
    }
    if (kind == ScopeKind.ORG) {
      throw new IllegalArgumentException("scope: the organization is written 'org'");
    }
    String id = text.substring(colon + 1);
    if (kind == ScopeKind.REPO && !id.matches("[^/\\s]+/[^/\\s]+")) {
      throw new IllegalArgumentException("scope: repo:'" + id + "' must be repo:<owner>/<name>");
    }
    return new ScopeId(kind, id);
  }

  // figures are pooled in hash maps keyed by scope: keep hashing to the id's cached hash
  @Override
  public int hashCode() {
    return kind.ordinal() * 0x9E3779B1 + id.hashCode();
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof ScopeId that && kind == that.kind && id.equals(that.id);
  }

  @Override
  public int compareTo(ScopeId other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : id.compareTo(other.id);
  }

  @Override
  public String toString() {
    return kind == ScopeKind.ORG ? "org" : kind.prefix() + ":" + id;
  }
}
