package io.podometer.connectors.csv;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A CSV file refused whole: every problem found (at most {@link #MAX_PROBLEMS}); nothing stored.
 */
public class CsvRejected extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Problems reported at most; a file with more says that checking stopped. */
  public static final int MAX_PROBLEMS = 100;

  private final transient List<CsvProblem> problems;

  public CsvRejected(List<CsvProblem> problems) {
    super(problems.stream().map(CsvProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public CsvRejected(int line, String column, String rule) {
    this(List.of(new CsvProblem(line, column, rule)));
  }

  public List<CsvProblem> problems() {
    return problems;
  }
}
