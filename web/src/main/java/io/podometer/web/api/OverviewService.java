package io.podometer.web.api;

import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.FactKind;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.OverviewCalculator;
import io.podometer.engine.metric.WeeklyOverview;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.org.OrgSnapshot;
import io.podometer.web.store.FactQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Computes the overview from stored facts; reuses the fact set until new events arrive. */
@ApplicationScoped
public class OverviewService {

  @Inject FactQueries facts;
  @Inject Clock clock;

  private volatile CachedFacts cache;

  public WeeklyOverview overview(OrgSnapshot org, IsoWeek from, IsoWeek to) {
    return new OverviewCalculator(org.model(), org.members(), org.agents())
        .compute(factSet(), from, to, clock.instant());
  }

  private FactSet factSet() {
    long stored = facts.latestEventSeq();
    CachedFacts cached = cache;
    if (cached != null && cached.rawEvents == stored) {
      return cached.facts;
    }
    FactSet loaded =
        FactSet.ofChanges(
            typed(FactKind.PULL_REQUEST, PullRequestFact.class),
            typed(FactKind.COMMIT, CommitFact.class),
            typed(FactKind.COMMIT_ATTRIBUTION, CommitAttributionFact.class));
    cache = new CachedFacts(stored, loaded);
    return loaded;
  }

  private <T> List<T> typed(FactKind kind, Class<T> type) {
    return facts.all(kind).stream().map((FoldedFact f) -> f.as(type)).toList();
  }

  private record CachedFacts(long rawEvents, FactSet facts) {}
}
