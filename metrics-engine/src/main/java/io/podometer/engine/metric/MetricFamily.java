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

  /**
   * Emits at least every contribution to the {@code wanted} metrics, the same as {@link
   * #contribute(EngineContext, Consumer)} does: a drill-down asks for one metric, and a family may
   * leave out the work that serves only its other metrics.
   */
  default void contribute(EngineContext context, Set<MetricId> wanted, Consumer<Contribution> out) {
    contribute(context, out);
  }

  /**
   * Whether a week's contributions to {@code metric} can depend on facts after the week (a revert
   * or an incident weeks later, a review of a PR opened in the week): when not, a drill-down reads
   * the facts up to the week's end only ({@link FactWindow#upTo}). True unless a family knows
   * better.
   */
  default boolean readsAfterTheWeek(MetricId metric) {
    return true;
  }
}
