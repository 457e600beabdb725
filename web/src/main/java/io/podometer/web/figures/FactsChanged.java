package io.podometer.web.figures;

import io.podometer.engine.event.FactKey;
import java.util.Set;

/**
 * Facts changed in the store other than by ingestion (an erasure rewrote or deleted them): the
 * figures read them again once the change has committed, and drop those no longer stored.
 */
public record FactsChanged(Set<FactKey> keys) {

  public FactsChanged {
    keys = Set.copyOf(keys);
  }
}
