package io.podometer.engine.event;

import java.util.List;
import java.util.stream.Collectors;

/** One or more events are invalid; nothing of the batch may be stored. */
public class EventValidationException extends RuntimeException {

  private final List<EventProblem> problems;

  public EventValidationException(List<EventProblem> problems) {
    super(problems.stream().map(EventProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<EventProblem> problems() {
    return problems;
  }
}
