package io.podometer.engine.metric;

import io.podometer.engine.event.FactKind;
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

  /**
   * The kinds of facts this family reads: a change to any other kind leaves its contributions as
   * they were, so a week's figures after such a change need not run it again (tested: without the
   * other kinds' facts it emits the same contributions).
   */
  Set<FactKind> reads();

  /** Emits every contribution for the weeks of the context. */
  void contribute(EngineContext context, Consumer<Contribution> out);
}
