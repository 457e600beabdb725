package io.podometer.engine.metric;

import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import java.util.List;

/** The facts a computation reads. Immutable. */
public record FactSet(
    List<PullRequestFact> pullRequests,
    List<CommitFact> commits,
    List<CommitAttributionFact> attributions) {

  public FactSet {
    pullRequests = List.copyOf(pullRequests);
    commits = List.copyOf(commits);
    attributions = List.copyOf(attributions);
  }
}
