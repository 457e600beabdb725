package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.PullRequestFact;
import java.util.function.Supplier;

/**
 * A merged PR and the production deployment that first shipped it. {@code byCommitGraph} says
 * whether the deployment's commit range contained the merge commit (else it is the first successful
 * production deployment finished at or after the merge); {@code linkWords} says so in words, put
 * together only when a drill-down reads it.
 */
record DeployedChange(
    PullRequestFact pr, Deployment deployment, boolean byCommitGraph, Supplier<String> linkWords) {

  String ref() {
    return "pr:" + pr.repo() + "#" + pr.number();
  }
}
