package io.podometer.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parsing of the contract's time formats; null means "not in that format". */
final class Timestamps {

  private static final Pattern WEEK = Pattern.compile("\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])");

  private Timestamps() {}

  static Instant parseInstant(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return io.podometer.engine.time.Instants.parse(value.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static LocalDate parseDay(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return LocalDate.parse(value.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static boolean isWeek(JsonNode value) {
    return value.isTextual()
        && WEEK.matcher(value.asText()).matches()
        && io.podometer.engine.time.IsoWeek.tryParse(value.asText()).isPresent();
  }
}
