package io.podometer.engine.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstantsTest {

  @Test
  void readsEveryShapeLikeJavaTime() {
    for (String text :
        List.of(
            "2026-03-02T09:00:00Z",
            "2026-03-02T09:00:00.5Z",
            "2026-03-02T09:00:00.123456789Z",
            "2026-03-02T11:00:00+02:00",
            "2026-03-01T22:30:00-10:30",
            "2024-02-29T23:59:59Z",
            "2026-12-31T23:59:59.999+14:00",
            "2026-03-02T09:00+01:00")) {
      assertEquals(OffsetDateTime.parse(text).toInstant(), Instants.parse(text), text);
    }
  }

  @Test
  void refusesWhatJavaTimeRefuses() {
    for (String text :
        List.of(
            "2026-02-30T09:00:00Z",
            "2026-13-01T09:00:00Z",
            "2026-03-02T24:00:00Z",
            "2026-03-02T09:00:00",
            "2026-03-02 09:00:00Z",
            "yesterday",
            "2026-03-02T09:00:00+2:00")) {
      assertThrows(DateTimeParseException.class, () -> Instants.parse(text), text);
    }
  }
}
