package io.podometer.engine.detect;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;

/** A figure behind a flag, as it stood when the detector read it (null: no data that week). */
public record FlagEvidence(MetricId metric, ScopeId scope, IsoWeek week, Double value) {}
