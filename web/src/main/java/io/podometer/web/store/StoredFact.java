package io.podometer.web.store;

import io.podometer.engine.event.FactKey;
import java.time.Instant;

/**
 * A fact as the {@code fact} table holds it: its key, its folded fields as JSON and the newest
 * {@code occurredAt} of the events behind it.
 */
public record StoredFact(FactKey key, String fields, Instant lastOccurredAt) {}
