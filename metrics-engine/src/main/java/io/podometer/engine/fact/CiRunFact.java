package io.podometer.engine.fact;

import java.time.Instant;
import java.util.List;

/** A completed CI workflow run. */
public record CiRunFact(
    String repo,
    String runId,
    String workflow,
    String conclusion,
    Instant completedAt,
    Instant startedAt,
    String headSha,
    String branch,
    List<Integer> prNumbers) {

  public CiRunFact {
    prNumbers = prNumbers == null ? List.of() : List.copyOf(prNumbers);
  }
}
