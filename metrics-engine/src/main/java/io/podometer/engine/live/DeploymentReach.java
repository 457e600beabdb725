package io.podometer.engine.live;

import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.fact.IncidentFact;
import io.podometer.engine.metric.dora.DeploymentServices;
import io.podometer.engine.metric.dora.DoraFamily;
import io.podometer.engine.org.MemberDirectory;
import io.podometer.engine.org.OrgModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How far back a changed deployment can move the DORA figures (SPEC §5.2), worked out from the
 * deployments and incidents held: in weeks it has no bound (a failed deployment's recovery waits
 * for the service's next success, however late), and in the usual case it is a few days.
 *
 * <ul>
 *   <li>the longest look-back from a deployment: a rollback or hotfix within 24 h marks the one
 *       before it failed, a failure or incident in the 24 h before makes it rework, an incident
 *       blames the last deployment within the incident window before it opened;
 *   <li>the deployment it rolls back ({@code rollbackOf}), however old;
 *   <li>a production deployment: back to its service's last successful production deployment before
 *       it, as the failures since then are recovered by the next success;
 *   <li>every week when it may tie an incident to any earlier deployment — a successful production
 *       deployment within an incident's follow-up window (until it is resolved), where a rollback,
 *       revert or hotfix blames what it undoes — when there is no earlier production success to
 *       stop at, or when it changes which service an incident's name stands for (a service with no
 *       other deployment, a name standing for a repository).
 * </ul>
 *
 * Services are resolved by the DORA figures' own rules ({@link DeploymentServices}). What it reads
 * of the held facts is read once, on the first deployment asked about, then kept in step with the
 * changes it is told of (a new deployment does not read a year of them again).
 */
final class DeploymentReach {

  /** What {@link #earliest} answers when the change can move every week. */
  static final Instant EVERY_WEEK = Instant.MIN;

  private final LiveFacts facts;
  private final DeploymentServices naming;
  private final Duration lookBack;
  private final Duration incidentWindow;
  private Held held;

  DeploymentReach(OrgModel org, LiveFacts facts) {
    this.facts = facts;
    this.naming = new DeploymentServices(org, new MemberDirectory(org));
    this.incidentWindow = Duration.ofHours(org.org().incidentWindowHours());
    this.lookBack =
        incidentWindow.compareTo(DoraFamily.FOLLOW_UP) > 0 ? incidentWindow : DoraFamily.FOLLOW_UP;
  }

  /** Reads the held facts now, ahead of the first deployment asked about. */
  void prepare() {
    held().incidents();
  }

  /** Forgets what was read of the held facts, after they changed without {@link #changed}. */
  void forget() {
    held = null;
  }

  /** Keeps what was read of the held facts in step with changes just made to them. */
  void changed(List<LiveFacts.Change> changes) {
    if (held == null) {
      return;
    }
    for (LiveFacts.Change change : changes) {
      if (change.key().kind() == FactKind.DEPLOYMENT) {
        held.remove(change.before());
        held.add(change.after(), true);
      } else if (change.key().kind() == FactKind.INCIDENT) {
        held.incidents = null;
      }
    }
  }

  /**
   * The earliest moment whose week the change can move: {@link #EVERY_WEEK}, or null when it moves
   * no figure beyond its own moments (a deployment the figures do not read).
   */
  Instant earliest(LiveFacts.Change change) {
    Instant earliest = null;
    for (Object version : new Object[] {change.before(), change.after()}) {
      if (!(version instanceof DeploymentFact d) || !readable(d)) {
        continue; // the figures read no deployment without an id or a finish
      }
      String service = serviceOf(d);
      if (service == null) {
        continue;
      }
      Instant reach =
          reach(
              d,
              service,
              change.after() instanceof DeploymentFact now && readable(now) ? now : null);
      if (reach == null) {
        return EVERY_WEEK;
      }
      earliest = earliest == null || reach.isBefore(earliest) ? reach : earliest;
    }
    return earliest;
  }

  private Instant reach(DeploymentFact d, String service, DeploymentFact current) {
    Held held = held();
    // the held deployments are those after the change (the current version among them, when the
    // figures read it): it is not another deployment of the service
    int others =
        held.deploymentsOf.getOrDefault(service, 0)
            - (current != null && service.equals(serviceOf(current)) ? 1 : 0);
    if (others <= 0) {
      return null;
    }
    Incidents incidents = held.incidents();
    if (d.service() != null
        && !d.service().equals(service)
        && incidents.names.contains(d.service())) {
      return null;
    }
    Instant reach = d.finishedAt().minus(lookBack);
    if (d.rollbackOf() != null
        && facts.get(new FactKey(FactKind.DEPLOYMENT, d.rollbackOf())) instanceof DeploymentFact t
        && t.finishedAt() != null
        && t.finishedAt().isBefore(reach)) {
      reach = t.finishedAt();
    }
    if (!naming.isProduction(d.environment())) {
      return reach;
    }
    if ("success".equals(d.status())) {
      for (IncidentFact incident : incidents.of.getOrDefault(service, List.of())) {
        Instant until =
            incident.resolvedAt() != null
                ? incident.resolvedAt()
                : incident.openedAt().plus(incidentWindow);
        if (!until.isBefore(d.finishedAt())) {
          return null;
        }
      }
    }
    DeploymentFact previous = held.lastSuccessBefore(service, d);
    if (previous == null) {
      return null;
    }
    return previous.finishedAt().isBefore(reach) ? previous.finishedAt() : reach;
  }

  private String serviceOf(DeploymentFact d) {
    return naming.serviceOf(d);
  }

  private Held held() {
    if (held == null) {
      held = new Held();
    }
    return held;
  }

  /** The incidents by the service their name resolves to, and every name they give. */
  private record Incidents(Map<String, List<IncidentFact>> of, Set<String> names) {}

  /** What the held deployments and incidents say per service. */
  private final class Held {

    private static final Comparator<DeploymentFact> CHRONOLOGICAL =
        Comparator.comparing(DeploymentFact::finishedAt)
            .thenComparing(DeploymentFact::deploymentId);

    final Map<String, Integer> deploymentsOf = new HashMap<>();
    // a name a deployment gives that is not its service: the services it resolved to, counted;
    // the name stands for the first in their order (DeploymentServices.standsFor)
    final Map<String, TreeMap<String, Integer>> namedAs = new HashMap<>();
    final Map<String, List<DeploymentFact>> successesOf = new HashMap<>();
    // read again when an incident changes or a name may stand for another service
    Incidents incidents;

    Held() {
      facts.forEachOf(FactKind.DEPLOYMENT, fact -> add(fact, false));
      successesOf.values().forEach(list -> list.sort(CHRONOLOGICAL));
    }

    void add(Object fact, boolean inPlace) {
      if (!(fact instanceof DeploymentFact d) || !readable(d)) {
        return;
      }
      String service = serviceOf(d);
      if (service == null) {
        return;
      }
      if (deploymentsOf.merge(service, 1, Integer::sum) == 1) {
        incidents = null; // a service incidents may name
      }
      if (d.service() != null && !d.service().equals(service)) {
        TreeMap<String, Integer> services =
            namedAs.computeIfAbsent(d.service(), n -> new TreeMap<>());
        if (services.merge(service, 1, Integer::sum) == 1) {
          incidents = null;
        }
      }
      if ("success".equals(d.status()) && naming.isProduction(d.environment())) {
        List<DeploymentFact> successes =
            successesOf.computeIfAbsent(service, s -> new ArrayList<>());
        if (inPlace) {
          successes.add(firstNotBefore(successes, d), d);
        } else {
          successes.add(d);
        }
      }
    }

    void remove(Object fact) {
      if (!(fact instanceof DeploymentFact d) || !readable(d)) {
        return;
      }
      String service = serviceOf(d);
      if (service == null) {
        return;
      }
      if (deploymentsOf.merge(service, -1, Integer::sum) == 0) {
        deploymentsOf.remove(service);
        incidents = null;
      }
      TreeMap<String, Integer> services = d.service() == null ? null : namedAs.get(d.service());
      if (services != null && services.containsKey(service)) {
        if (services.merge(service, -1, Integer::sum) == 0) {
          services.remove(service);
          incidents = null;
        }
        if (services.isEmpty()) {
          namedAs.remove(d.service());
        }
      }
      List<DeploymentFact> successes = successesOf.get(service);
      if (successes != null) {
        int at = firstNotBefore(successes, d);
        if (at < successes.size() && successes.get(at).deploymentId().equals(d.deploymentId())) {
          successes.remove(at);
        }
      }
    }

    Incidents incidents() {
      if (incidents == null) {
        Map<String, List<IncidentFact>> of = new HashMap<>();
        Set<String> names = new HashSet<>();
        facts.forEachOf(
            FactKind.INCIDENT,
            fact -> {
              IncidentFact incident = (IncidentFact) fact;
              if (incident.incidentId() == null || incident.openedAt() == null) {
                return;
              }
              if (incident.service() != null) {
                names.add(incident.service());
              }
              String service = serviceNamed(incident.service());
              if (service != null) {
                of.computeIfAbsent(service, s -> new ArrayList<>()).add(incident);
              }
            });
        incidents = new Incidents(of, names);
      }
      return incidents;
    }

    private String serviceNamed(String name) {
      return naming.serviceNamed(
          name,
          deploymentsOf::containsKey,
          n -> {
            TreeMap<String, Integer> services = namedAs.get(n);
            return services == null ? null : services.firstKey();
          });
    }

    /** The service's last successful production deployment before {@code d}, other than it. */
    DeploymentFact lastSuccessBefore(String service, DeploymentFact d) {
      List<DeploymentFact> successes = successesOf.getOrDefault(service, List.of());
      for (int i = firstNotBefore(successes, d) - 1; i >= 0; i--) {
        if (!successes.get(i).deploymentId().equals(d.deploymentId())) {
          return successes.get(i);
        }
      }
      return null;
    }

    /** Where {@code d} stands among chronologically sorted deployments: the first not before it. */
    private int firstNotBefore(List<DeploymentFact> sorted, DeploymentFact d) {
      int low = 0;
      int high = sorted.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (CHRONOLOGICAL.compare(sorted.get(mid), d) < 0) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }

  private static boolean readable(DeploymentFact d) {
    return d.finishedAt() != null && d.deploymentId() != null;
  }
}
