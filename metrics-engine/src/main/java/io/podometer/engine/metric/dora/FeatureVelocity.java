package io.podometer.engine.metric.dora;

import static io.podometer.engine.figure.MetricId.FEATURE_VELOCITY_DAYS;

import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Evidence;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.org.Bet;
import io.podometer.engine.scope.ScopeId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Feature velocity of a bet (SPEC §5.3): whole calendar days, in the organization's time zone, from
 * the bet's {@code started} date to the first successful production deployment containing work
 * linked to it; one sample in the week of that deployment, in the bet's scope and its STO's, and in
 * the deploying service's (its pod, pillar, the organization). A bet without a start date or
 * without deployed linked work has no figure; linked work deployed before the start counts as day
 * 0.
 */
final class FeatureVelocity {

  private final EngineContext ctx;
  private final Map<String, Bet> bets = new HashMap<>();
  private final Map<String, Deployment> firstDeployment = new HashMap<>();
  private final Map<String, TreeSet<String>> linkedWork = new HashMap<>();

  FeatureVelocity(EngineContext ctx) {
    this.ctx = ctx;
    for (Bet bet : ctx.org().bets()) {
      if (bet.started() != null) {
        bets.put(bet.id(), bet);
      }
    }
  }

  /** A deployed change linked to the bet. */
  void offer(String betId, DeployedChange change) {
    if (!bets.containsKey(betId)) {
      return;
    }
    Deployment d = change.deployment();
    Deployment first = firstDeployment.get(betId);
    if (first == null || Deployment.chronological(d, first) < 0) {
      firstDeployment.put(betId, d);
      linkedWork.put(betId, new TreeSet<>());
      first = d;
    }
    if (first == d) {
      linkedWork.get(betId).add(change.ref());
    }
  }

  void contribute(Consumer<Contribution> out) {
    List<String> ids = new ArrayList<>(firstDeployment.keySet());
    ids.sort(null);
    for (String id : ids) {
      Deployment d = firstDeployment.get(id);
      if (!ctx.inRange(d.week)) {
        continue;
      }
      Bet bet = bets.get(id);
      LocalDate deployedOn = d.finishedAt().atZone(ctx.zone()).toLocalDate();
      long days = Math.max(0, ChronoUnit.DAYS.between(bet.started(), deployedOn));
      // the bet's own scopes, and (rolled up like every figure) those of the deploying service
      List<ScopeId> scopes = new ArrayList<>(d.service.scopes());
      scopes.add(ScopeId.bet(id));
      bet.sto().ifPresent(sto -> scopes.add(ScopeId.sto(sto)));
      String rule =
          "bet "
              + id
              + " started "
              + bet.started()
              + "; first production deployment with linked work ("
              + String.join(", ", linkedWork.get(id))
              + ") finished "
              + d.finishedAt()
              + ": "
              + days
              + " days";
      out.accept(
          Contribution.sample(
              FEATURE_VELOCITY_DAYS,
              d.week,
              List.copyOf(scopes),
              days,
              null,
              new Evidence(d.ref(), rule)));
    }
  }
}
