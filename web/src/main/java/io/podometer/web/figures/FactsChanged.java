package io.podometer.web.figures;

import io.podometer.engine.fact.FactKey;
import java.util.Set;

/** Facts re-folded by a committed ingestion: their figures are recomputed. */
public record FactsChanged(Set<FactKey> keys) {

  public FactsChanged {
    keys = Set.copyOf(keys);
  }
}
