package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.PullRequestFact;

/**
 * A merged PR and the production deployment that first shipped it. {@code byCommitGraph} says
 * whether the deployment's commit range contained the merge commit (else it is the first successful
 * production deployment finished at or after the merge); {@code link} says so in words.
 */
record DeployedChange(
    PullRequestFact pr, Deployment deployment, boolean byCommitGraph, String link) {

  String ref() {
    return "pr:" + pr.repo() + "#" + pr.number();
  }
}
