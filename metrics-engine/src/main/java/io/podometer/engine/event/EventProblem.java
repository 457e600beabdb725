package io.podometer.engine.event;

/**
 * What is wrong with one field of one event. {@code line} is the 1-based line of an NDJSON batch,
 * or 0 for a single event; {@code type} is null when the type itself could not be read.
 */
public record EventProblem(int line, String type, String field, String reason) {

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (line > 0) {
      text.append("line ").append(line).append(": ");
    }
    if (type != null) {
      text.append(type).append(' ');
    }
    return text.append(field).append(": ").append(reason).toString();
  }
}
