package io.podometer.connectors.source;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.FactKey;

/** Partition keys: one repository's events stay together and in order. */
public final class EventKeys {

  private EventKeys() {}

  /** The repository when the event names one, else the natural key of the fact it folds into. */
  public static String partitionKey(CanonicalEvent event) {
    if (event.repo() != null) {
      return event.repo();
    }
    return FactKey.of(event).toString();
  }
}
