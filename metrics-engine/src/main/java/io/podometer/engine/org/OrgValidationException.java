package io.podometer.engine.org;

import java.util.List;
import java.util.stream.Collectors;

/** An organization file that cannot be loaded; carries every problem found, not only the first. */
public class OrgValidationException extends RuntimeException {

  private final List<OrgProblem> problems;

  public OrgValidationException(List<OrgProblem> problems) {
    super(problems.stream().map(OrgProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an OrgValidationException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems in file order (sections first to last), never empty. */
  public List<OrgProblem> problems() {
    return problems;
  }
}
