package io.podometer.engine.event;

import java.util.List;
import java.util.Set;

/**
 * One field of an event's {@code data}: its shape, whether it is required, the values it may take
 * (empty: any) and, for objects, the fields inside.
 */
record FieldSpec(
    String name, FieldKind kind, boolean required, Set<String> allowed, List<FieldSpec> fields) {

  static FieldSpec req(String name, FieldKind kind) {
    return new FieldSpec(name, kind, true, Set.of(), List.of());
  }

  static FieldSpec opt(String name, FieldKind kind) {
    return new FieldSpec(name, kind, false, Set.of(), List.of());
  }

  static FieldSpec reqOneOf(String name, String... values) {
    return new FieldSpec(name, FieldKind.STRING, true, Set.of(values), List.of());
  }

  static FieldSpec object(String name, boolean required, FieldSpec... fields) {
    return new FieldSpec(name, FieldKind.OBJECT, required, Set.of(), List.of(fields));
  }

  static FieldSpec objects(String name, boolean required, FieldSpec... fields) {
    return new FieldSpec(name, FieldKind.OBJECTS, required, Set.of(), List.of(fields));
  }
}
