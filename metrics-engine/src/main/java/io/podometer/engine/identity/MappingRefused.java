package io.podometer.engine.identity;

/**
 * An identity mapping that cannot be made, naming the field and the rule it breaks; {@code
 * conflict} when the request is well-formed but the identity is mapped already.
 */
public final class MappingRefused extends RuntimeException {

  private final String field;
  private final String rule;
  private final boolean conflict;

  MappingRefused(String field, String rule, boolean conflict) {
    super(field + ": " + rule, null, false, false);
    this.field = field;
    this.rule = rule;
    this.conflict = conflict;
  }

  static MappingRefused invalid(String field, String rule) {
    return new MappingRefused(field, rule, false);
  }

  static MappingRefused conflict(String field, String rule) {
    return new MappingRefused(field, rule, true);
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }

  public boolean conflict() {
    return conflict;
  }
}
