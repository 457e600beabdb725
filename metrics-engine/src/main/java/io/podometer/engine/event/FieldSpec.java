package io.podometer.engine.event;

import java.util.List;
import java.util.Set;

/**
 * One field of an event's {@code data}: its shape, whether it is required, the values it may take
 * (empty: any), for objects the fields inside, for strings (and each string of an array) the most
 * characters, and for numbers the largest magnitude.
 */
record FieldSpec(
    String name,
    FieldKind kind,
    boolean required,
    Set<String> allowed,
    List<FieldSpec> fields,
    int maxLength,
    double max,
    boolean summed) {

  static FieldSpec req(String name, FieldKind kind) {
    return of(name, kind, true, Set.of(), List.of());
  }

  static FieldSpec opt(String name, FieldKind kind) {
    return of(name, kind, false, Set.of(), List.of());
  }

  static FieldSpec optOneOf(String name, String... values) {
    return of(name, FieldKind.STRING, false, Set.of(values), List.of());
  }

  static FieldSpec reqOneOf(String name, String... values) {
    return of(name, FieldKind.STRING, true, Set.of(values), List.of());
  }

  static FieldSpec object(String name, boolean required, FieldSpec... fields) {
    return of(name, FieldKind.OBJECT, required, Set.of(), List.of(fields));
  }

  static FieldSpec objects(String name, boolean required, FieldSpec... fields) {
    return of(name, FieldKind.OBJECTS, required, Set.of(), List.of(fields));
  }

  /** A field with the contract's default limits: a name's length, any finite number. */
  private static FieldSpec of(
      String name, FieldKind kind, boolean required, Set<String> allowed, List<FieldSpec> fields) {
    return new FieldSpec(
        name, kind, required, allowed, fields, EventLimits.NAME, Double.MAX_VALUE, false);
  }

  /** The same field holding longer strings (titles, paths, free text). */
  FieldSpec upTo(int characters) {
    return new FieldSpec(name, kind, required, allowed, fields, characters, max, summed);
  }

  /** The same number field, no larger in magnitude than {@code limit}. */
  FieldSpec atMost(double limit) {
    return new FieldSpec(name, kind, required, allowed, fields, maxLength, limit, summed);
  }

  /**
   * The same number field, added up over the distinct events of a fact rather than taken from the
   * latest ({@link SummedField}).
   */
  FieldSpec addingUp() {
    return new FieldSpec(name, kind, required, allowed, fields, maxLength, max, true);
  }
}
