package io.podometer.web.ingest;

import io.podometer.engine.event.EventProblem;
import io.podometer.engine.event.EventValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Event bodies are UTF-8, strictly: a byte sequence that is not UTF-8 is a 400 naming the line and
 * byte, not a silent U+FFFD in a stored fact.
 */
public final class StrictUtf8 {

  private StrictUtf8() {}

  public static String decode(byte[] body) {
    try {
      return strict().decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      int at = firstBadByte(body);
      int line = 1;
      for (int i = 0; i < at; i++) {
        if (body[i] == '\n') {
          line++;
        }
      }
      throw new EventValidationException(
          List.of(new EventProblem(line, null, "body", "not valid UTF-8 at byte " + at)));
    }
  }

  /** Where decoding stops: the offset of the first byte that does not start valid UTF-8. */
  private static int firstBadByte(byte[] body) {
    ByteBuffer in = ByteBuffer.wrap(body);
    strict().decode(in, java.nio.CharBuffer.allocate(body.length + 1), true);
    return in.position();
  }

  private static CharsetDecoder strict() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
