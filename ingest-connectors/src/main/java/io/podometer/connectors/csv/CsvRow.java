package io.podometer.connectors.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One data row: its line in the file and its cells by column name, each stripped of surrounding
 * blanks; an empty cell is an absent value. Problems found while reading it go to the file's list.
 */
public final class CsvRow {

  private final int line;
  private final Map<String, String> cells;
  private final List<CsvProblem> problems;

  CsvRow(int line, Map<String, String> cells, List<CsvProblem> problems) {
    this.line = line;
    this.cells = cells;
    this.problems = problems;
  }

  public int line() {
    return line;
  }

  /** The value, or null when the cell is empty or the file has no such column. */
  public String text(String column) {
    String value = cells.get(column);
    return value == null || value.isEmpty() ? null : value;
  }

  /** The value, or null after reporting it missing. */
  public String required(String column) {
    String value = text(column);
    if (value == null) {
      problem(column, "missing (a required value)");
    }
    return value;
  }

  /** A list cell: values separated by semicolons or blanks; empty when the cell is. */
  public List<String> list(String column) {
    String value = text(column);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split("[;\\s]+")).filter(s -> !s.isEmpty()).toList();
  }

  /** A number, or null (reported) when the cell holds something else. */
  public Double number(String column) {
    String value = text(column);
    if (value == null) {
      return null;
    }
    if (!value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      problem(column, "not a number: '" + value + "' (digits, with '.' for decimals)");
      return null;
    }
    return Double.parseDouble(value);
  }

  public void problem(String column, String rule) {
    problems.add(new CsvProblem(line, column, rule));
  }

  /** Problems reported so far for the whole file (a row checks whether it added any). */
  int problemCount() {
    return problems.size();
  }
}
