package io.podometer.engine.event;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bodies are UTF-8, strictly: a byte sequence that is not is refused, naming its line and byte,
 * never replaced by U+FFFD in a stored fact. Shared by every door that takes text (events, CSV).
 */
public final class Utf8Text {

  /** A body that is not UTF-8: the 1-based line and the offset of the first bad byte. */
  public static final class Malformed extends IllegalArgumentException {
    private final int line;
    private final int offset;

    Malformed(int line, int offset) {
      super("not valid UTF-8 at byte " + offset);
      this.line = line;
      this.offset = offset;
    }

    public int line() {
      return line;
    }

    public int offset() {
      return offset;
    }
  }

  private Utf8Text() {}

  /**
   * @throws Malformed when the bytes are not UTF-8
   */
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
      throw new Malformed(line, at);
    }
  }

  /** Where decoding stops: the offset of the first byte that does not start valid UTF-8. */
  private static int firstBadByte(byte[] body) {
    ByteBuffer in = ByteBuffer.wrap(body);
    strict().decode(in, CharBuffer.allocate(body.length + 1), true);
    return in.position();
  }

  private static CharsetDecoder strict() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
