package io.podometer.engine.metric;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.MetricId;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A group of metrics computed from the same facts (AI adoption, DORA, review, flow…). A family
 * reads the context and emits one contribution per item, scope list included; it never pools.
 * Implementations are stateless and thread-safe.
 */
public interface MetricFamily {

  /** The metrics this family emits contributions for. */
  Set<MetricId> metrics();

  /** Emits every contribution for the weeks of the context. */
  void contribute(EngineContext context, Consumer<Contribution> out);
}
