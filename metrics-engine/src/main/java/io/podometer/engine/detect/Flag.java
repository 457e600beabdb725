package io.podometer.engine.detect;

import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import java.util.Map;

/**
 * One anti-pattern found in one scope and week: the detector, how serious, the rule that fired in
 * words and the thresholds that applied, the figures behind it, and what to do about it.
 */
public record Flag(
    String detector,
    ScopeId scope,
    IsoWeek week,
    Severity severity,
    String rule,
    Map<String, Object> thresholds,
    List<FlagEvidence> evidence,
    String suggestedAction) {

  public Flag {
    thresholds = Map.copyOf(thresholds);
    evidence = List.copyOf(evidence);
  }
}
