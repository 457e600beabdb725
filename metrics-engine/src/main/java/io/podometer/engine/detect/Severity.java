package io.podometer.engine.detect;

/** How much a flag asks for attention: a rule just crossed, or crossed by far or for long. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH
}
