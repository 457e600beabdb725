package io.podometer.engine.event;

/** The JSON shape a field of an event must have. */
enum FieldKind {
  STRING("a non-empty string"),
  INTEGER("an integer"),
  NON_NEGATIVE_INTEGER("a non-negative integer"),
  NON_NEGATIVE_LONG("a non-negative integer"),
  NUMBER("a number"),
  NON_NEGATIVE_NUMBER("a non-negative number"),
  SCORE("an integer from 1 to 5"),
  BOOLEAN("true or false"),
  INSTANT("an ISO-8601 timestamp with an offset, e.g. 2026-03-02T09:00:00Z"),
  DAY("a date YYYY-MM-DD"),
  WEEK("an ISO week YYYY-Www"),
  STRINGS("an array of strings"),
  INTEGERS("an array of integers"),
  OBJECT("an object"),
  OBJECTS("an array of objects");

  private final String expectation;

  FieldKind(String expectation) {
    this.expectation = expectation;
  }

  String expectation() {
    return expectation;
  }
}
