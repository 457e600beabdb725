package io.podometer.connectors.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A CSV body as text: UTF-8, strictly — a byte sequence that is not is refused naming its line and
 * byte, never replaced by U+FFFD in a stored fact — without NUL characters, and without the byte
 * order mark spreadsheets put first (it would otherwise stick to the first header).
 */
public final class CsvText {

  private CsvText() {}

  public static String decode(byte[] body) {
    String text;
    try {
      text = strict().decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      int at = firstBadByte(body);
      throw new CsvRejected(lineAt(body, at), null, "not valid UTF-8 at byte " + at);
    }
    int nul = text.indexOf('\u0000');
    if (nul >= 0) {
      throw new CsvRejected(lineOf(text, nul), null, "a NUL character (U+0000) is not allowed");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The 1-based line of the character at {@code index}. */
  static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int lineAt(byte[] body, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (body[i] == '\n') {
        line++;
      }
    }
    return line;
  }

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
