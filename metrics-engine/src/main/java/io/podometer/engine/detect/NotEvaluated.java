package io.podometer.engine.detect;

import io.podometer.engine.scope.ScopeId;

/** A detector that could not tell for a scope, and the data it lacks. */
public record NotEvaluated(String detector, ScopeId scope, String missing) {}
