package io.podometer.connectors.csv;

import io.podometer.engine.event.Utf8Text;

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
      text = Utf8Text.decode(body);
    } catch (Utf8Text.Malformed e) {
      throw new CsvRejected(e.line(), null, e.getMessage());
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
}
