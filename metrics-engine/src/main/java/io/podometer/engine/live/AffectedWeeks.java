package io.podometer.engine.live;

import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.fact.IncidentFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.time.IsoWeek;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The weeks whose figures a changed fact can move, from the moments of its old and new versions
 * (SPEC §5 "Which week"):
 *
 * <ul>
 *   <li>none for the kinds no metric reads ({@link #UNREAD});
 *   <li>back {@link #BACK} weeks (not for {@link #OWN_WEEK_AND_AFTER}): a revert counts in the week
 *       the reverted PR merged (30-day window), churn in the week the churned PR merged (21 days),
 *       an incident in the week of the deployment it blames (its {@code causedBy} deployment is
 *       looked up however old); for a deployment, as far back as it can reach ({@link
 *       DeploymentReach}: a few days in the usual case, every week at worst);
 *   <li>ahead {@link #AHEAD} weeks: lead time counts in the week of the deployment that carried the
 *       change, AI-First engineers look back 4 weeks, the next deployment's commit range moves;
 *   <li>an attribution where its commit and the commit's pull request count;
 *   <li>up to the current week for deployments and incidents (a service's coverage starts with its
 *       first deployment, a recovery may come after a long silence), for pull requests still open
 *       (they sit in every week's review queue) and for agent seats (a seat counts in every week
 *       from its assignment on, whatever moment of it moved).
 * </ul>
 */
final class AffectedWeeks {

  static final int BACK = 5;
  static final int AHEAD = 9;

  /**
   * Facts no metric reads (yet): they move no figure, and live figures do not keep them. A metric
   * that comes to read one of them takes its kind out of here.
   */
  static final Set<FactKind> UNREAD =
      EnumSet.of(
          FactKind.CI_RUN, FactKind.BET_SIGNAL, FactKind.BET_LEARNING, FactKind.AGENT_ORG_DAY);

  /**
   * Facts about one person's week that count in their own week and the ones after it (AI-First
   * engineers look back 4 weeks), never in an earlier one: agent usage, meetings, pulse answers.
   */
  static final Set<FactKind> OWN_WEEK_AND_AFTER =
      EnumSet.of(
          FactKind.AGENT_USAGE_DAY,
          FactKind.AGENT_SEAT,
          FactKind.MEETING_WEEK,
          FactKind.PULSE_ANSWER);

  private final ZoneId zone;
  private final LiveFacts facts;
  private final Supplier<DeploymentReach> deploymentReach;

  AffectedWeeks(OrgModel org, LiveFacts facts, Supplier<DeploymentReach> deploymentReach) {
    this.zone = org.org().timeZone();
    this.facts = facts;
    this.deploymentReach = deploymentReach;
  }

  /** Adds the weeks within {@code from}..{@code to} the change can move to {@code weeks}. */
  void add(LiveFacts.Change change, IsoWeek from, IsoWeek to, TreeSet<IsoWeek> weeks) {
    add(change, from, to, weeks, null);
  }

  /**
   * As {@link #add(LiveFacts.Change, IsoWeek, IsoWeek, TreeSet)}; {@code own} (when given) also
   * gets the weeks of the fact's own moments: where the change shows first.
   */
  void add(
      LiveFacts.Change change,
      IsoWeek from,
      IsoWeek to,
      TreeSet<IsoWeek> weeks,
      TreeSet<IsoWeek> own) {
    FactKind kind = change.key().kind();
    if (UNREAD.contains(kind)) {
      return;
    }
    List<IsoWeek> moments = new ArrayList<>();
    moments(change.before(), moments);
    moments(change.after(), moments);
    causedBy(change.before(), moments);
    causedBy(change.after(), moments);
    attributedCommit(change.before(), moments);
    attributedCommit(change.after(), moments);
    if (moments.isEmpty()) {
      return;
    }
    if (own != null) {
      for (IsoWeek moment : moments) {
        if (moment.compareTo(from) >= 0 && moment.compareTo(to) <= 0) {
          own.add(moment);
        }
      }
    }
    IsoWeek earliestMoment = moments.stream().min(IsoWeek::compareTo).orElseThrow();
    IsoWeek first;
    if (kind == FactKind.DEPLOYMENT) {
      Instant reach = deploymentReach.get().earliest(change);
      IsoWeek back =
          DeploymentReach.EVERY_WEEK.equals(reach)
              ? from
              : reach == null ? earliestMoment : IsoWeek.of(reach, zone);
      first = back.compareTo(earliestMoment) < 0 ? back : earliestMoment;
    } else {
      first = earliestMoment.plusWeeks(OWN_WEEK_AND_AFTER.contains(kind) ? 0 : -BACK);
    }
    IsoWeek last = moments.stream().max(IsoWeek::compareTo).orElseThrow().plusWeeks(AHEAD);
    if (reachesToNow(change)) {
      last = to;
    }
    IsoWeek start = first.compareTo(from) < 0 ? from : first;
    IsoWeek end = last.compareTo(to) > 0 ? to : last;
    for (IsoWeek week = start; week.compareTo(end) <= 0; week = week.plusWeeks(1)) {
      weeks.add(week);
    }
  }

  private static boolean reachesToNow(LiveFacts.Change change) {
    FactKind kind = change.key().kind();
    return kind == FactKind.DEPLOYMENT
        || kind == FactKind.INCIDENT
        || kind == FactKind.AGENT_SEAT
        || isOpen(change.before())
        || isOpen(change.after());
  }

  private static boolean isOpen(Object fact) {
    return fact instanceof PullRequestFact pr && pr.state() == PullRequestFact.State.OPEN;
  }

  private void causedBy(Object fact, List<IsoWeek> moments) {
    if (fact instanceof IncidentFact incident && incident.causedByDeploymentId() != null) {
      Object deployment =
          facts.get(new FactKey(FactKind.DEPLOYMENT, incident.causedByDeploymentId()));
      if (deployment instanceof DeploymentFact d) {
        moments(d, moments);
      }
    }
  }

  /** An attribution has no moment of its own: it counts where its commit (and that PR) does. */
  private void attributedCommit(Object fact, List<IsoWeek> moments) {
    if (fact instanceof CommitAttributionFact attribution && attribution.sha() != null) {
      Object commit =
          facts.get(new FactKey(FactKind.COMMIT, attribution.repo() + "@" + attribution.sha()));
      moments(commit, moments);
      if (commit instanceof CommitFact c && c.prNumber() != null) {
        moments(
            facts.get(new FactKey(FactKind.PULL_REQUEST, c.repo() + "#" + c.prNumber())), moments);
      }
    }
  }

  /** Every instant, day and ISO week ({@code week} fields) of a typed fact, as weeks. */
  private void moments(Object fact, List<IsoWeek> weeks) {
    if (fact == null || !fact.getClass().isRecord()) {
      return;
    }
    for (RecordComponent component : fact.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(fact);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
      if (value instanceof Instant instant) {
        weeks.add(IsoWeek.of(instant, zone));
      } else if (value instanceof LocalDate day) {
        weeks.add(IsoWeek.of(day));
      } else if (value instanceof String text && component.getName().equals("week")) {
        Optional<IsoWeek> week = IsoWeek.tryParse(text);
        week.ifPresent(weeks::add);
      }
    }
  }
}
