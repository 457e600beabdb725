package io.podometer.engine.figure;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;

/** A cell: one metric for one scope in one week. */
public record FigureKey(MetricId metric, ScopeId scope, IsoWeek week) {}
