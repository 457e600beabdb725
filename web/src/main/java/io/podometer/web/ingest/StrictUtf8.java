package io.podometer.web.ingest;

import io.podometer.engine.event.EventProblem;
import io.podometer.engine.event.EventValidationException;
import io.podometer.engine.event.Utf8Text;
import java.util.List;

/**
 * Event bodies are UTF-8, strictly: a byte sequence that is not UTF-8 is a 400 naming the line and
 * byte, not a silent U+FFFD in a stored fact.
 */
public final class StrictUtf8 {

  private StrictUtf8() {}

  public static String decode(byte[] body) {
    try {
      return Utf8Text.decode(body);
    } catch (Utf8Text.Malformed e) {
      throw new EventValidationException(
          List.of(new EventProblem(e.line(), null, "body", e.getMessage())));
    }
  }
}
