package io.podometer.bench;

import io.podometer.engine.event.EventCodec;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.org.OrgModel;
import java.time.Instant;

/**
 * The simulated organization of {@code ./podometer bench}, folded into facts the way the store
 * folds them ({@link StoredEvents}), so that both benchmarks measure the same facts.
 */
record SimulatedOrganization(OrgModel org, FactSet facts, long events, int factKeys) {

  static SimulatedOrganization simulate(int engineers, int weeks, Instant now) {
    StoredEvents stored = StoredEvents.simulate(engineers, weeks, now);
    FactSet facts = stored.fold(new EventCodec());
    return new SimulatedOrganization(stored.org(), facts, stored.count(), stored.byKey().size());
  }
}
