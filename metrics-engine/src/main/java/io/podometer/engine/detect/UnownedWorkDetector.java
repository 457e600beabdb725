package io.podometer.engine.detect;

import static io.podometer.engine.detect.Wording.format;
import static io.podometer.engine.detect.Wording.percent;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.BetStatus;
import io.podometer.engine.org.Pod;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import java.util.Map;

/**
 * {@code unowned_work} (SPEC §6): work nobody owns. A pod's week is flagged when over {@code
 * unlinkedShare} of its merged PRs (5 at least) link to no bet (HIGH when none does); a bet still
 * in play (exploring or scaling) is flagged every week from its start while it has no single task
 * owner (HIGH with none, MEDIUM with several). Without bets in the organization model the PR clause
 * is not evaluated.
 */
public final class UnownedWorkDetector implements Detector {

  public static final String ID = "unowned_work";

  /** A share of fewer merged PRs says nothing about a pod's week. */
  static final int MIN_PRS = 5;

  private static final String ACTION =
      "Give every piece of work an owner: link the pod's PRs to a bet (label bet:<id>, branch"
          + " bet/<id>/, or [<id>] in the title), and give each bet exactly one single task owner"
          + " who decides to scale or kill it.";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void detect(DetectionContext context, Detections found) {
    List<Bet> bets = context.org().bets();
    for (Pod pod : context.org().pods()) {
      ScopeId scope = ScopeId.pod(pod.id());
      if (bets.isEmpty()) {
        found.notEvaluated(
            new NotEvaluated(
                ID,
                scope,
                "bets: the organization model declares none, so no PR can be linked to one"));
        continue;
      }
      unlinked(
          context,
          scope,
          context.org().thresholdsFor(pod.id()).unownedWork().unlinkedShare(),
          found);
    }
    for (Bet bet : bets) {
      if (!bet.hasSingleSto()
          && (bet.status() == BetStatus.EXPLORING || bet.status() == BetStatus.SCALING)) {
        unowned(context, bet, found);
      }
    }
  }

  private static void unlinked(
      DetectionContext context, ScopeId scope, double threshold, Detections found) {
    boolean anyData = false;
    for (IsoWeek week : context.weeks()) {
      Figure share = context.figure(MetricId.UNLINKED_PR_SHARE, scope, week);
      if (share == null) {
        continue;
      }
      anyData = true;
      if (share.value() <= threshold + 1e-9 || share.den() == null || share.den() < MIN_PRS) {
        continue;
      }
      found.flag(
          new Flag(
              ID,
              scope,
              week,
              share.value() >= 1 - 1e-9 ? Severity.HIGH : Severity.MEDIUM,
              format(
                  "%s of the week's merged PRs (%s of %s) link to no bet (over %s)",
                  percent(share.value()),
                  whole(share.num()),
                  whole(share.den()),
                  percent(threshold)),
              Map.of("unlinkedShare", threshold),
              List.of(new FlagEvidence(MetricId.UNLINKED_PR_SHARE, scope, week, share.value())),
              ACTION));
    }
    if (!anyData) {
      found.notEvaluated(
          new NotEvaluated(
              ID,
              scope,
              "merged pull requests: no unlinked_pr_share for the pod from "
                  + context.from()
                  + " to "
                  + context.to()));
    }
  }

  private static void unowned(DetectionContext context, Bet bet, Detections found) {
    IsoWeek started = bet.started() == null ? context.from() : IsoWeek.of(bet.started());
    for (IsoWeek week : context.weeks()) {
      if (week.compareTo(started) < 0) {
        continue;
      }
      found.flag(
          new Flag(
              ID,
              ScopeId.bet(bet.id()),
              week,
              bet.stos().isEmpty() ? Severity.HIGH : Severity.MEDIUM,
              bet.stos().isEmpty()
                  ? format("bet %s (%s) has no single task owner", bet.id(), bet.status().id())
                  // owners are not named: stored flags outlive a member's erasure
                  : format(
                      "bet %s (%s) has %d single task owners: a bet has exactly one",
                      bet.id(), bet.status().id(), bet.stos().size()),
              Map.of("stosPerBet", 1),
              List.of(),
              ACTION));
    }
  }

  private static String whole(Double value) {
    return value == null ? "?" : String.valueOf(Math.round(value));
  }
}
