package io.podometer.connectors.simulate;

/** Numbers a source system hands out in order: CI run, review, deployment and incident ids. */
final class Sequences {
  private long run = 7_000_000;
  private long review = 2_000_000;
  private long deployment = 40_000;
  private long incident = 1_000;

  long run() {
    return run++;
  }

  long review() {
    return review++;
  }

  String deployment() {
    return String.valueOf(deployment++);
  }

  String incident() {
    return "INC-" + incident++;
  }
}
