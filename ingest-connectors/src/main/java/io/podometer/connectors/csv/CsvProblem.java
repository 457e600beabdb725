package io.podometer.connectors.csv;

/**
 * What is wrong with one cell, row or the file: {@code line} is the 1-based physical line of the
 * file (0 for the file as a whole), {@code column} the header name (null when no one column is at
 * fault), {@code rule} the rule it breaks.
 */
public record CsvProblem(int line, String column, String rule) {

  /** As shown to a user: {@code line 7, column finished_at: not an ISO-8601 date-time}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (line > 0) {
      text.append("line ").append(line);
    }
    if (column != null) {
      text.append(text.length() > 0 ? ", " : "").append("column ").append(column);
    }
    return text.append(text.length() > 0 ? ": " : "").append(rule).toString();
  }
}
