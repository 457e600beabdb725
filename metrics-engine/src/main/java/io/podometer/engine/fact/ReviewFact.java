package io.podometer.engine.fact;

import java.time.Instant;

/** A review submitted on a pull request. */
public record ReviewFact(
    String repo, int number, String reviewer, String state, Instant submittedAt, String reviewId) {}
