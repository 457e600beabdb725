package io.podometer.engine.metric;

import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.fact.IncidentFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deployments a window of weeks needs: those finished within it, and the few older or later
 * ones the DORA figures of its weeks still read. A service's deployments are grouped by what they
 * name (service, repository, environment), since which service a group belongs to and whether its
 * environment is production depend on the organization model; for each group the window keeps:
 *
 * <ul>
 *   <li>its first deployment — a service's coverage starts with its first deployment ever, and the
 *       repository a service name stands for is read from every pair named;
 *   <li>its last successful deployment before the window — the deployment live when the window
 *       starts (what an incident's time rule or a merged PR's time rule finds, the range a commit
 *       walk starts from);
 *   <li>its first successful deployment after the window — the recovery of a failed deployment
 *       after a long silence, the first deployment of a change merged in the window;
 *   <li>per sha deployed in the window, its last successful deployment of that sha before the
 *       window — a re-deployment of an older sha undoes what came between;
 * </ul>
 *
 * and, across groups, the deployments an incident names ({@code causedByDeploymentId}), those a
 * deployment in the window rolls back and those rolling one back. Deployments without an id or a
 * finish are left out: no figure reads them. Kept in the order given, as the full set is (the
 * engine's indexes may depend on it for duplicate ids).
 *
 * <p>Built once per fact set from its deployments (groups, shas and ids numbered, moments as
 * numbers), so that cutting a window reads arrays rather than every deployment's fields: a
 * drill-down cuts one for each week it is asked about.
 */
final class DeploymentWindow {

  /** What the deployments of a service are grouped by before the organization model says more. */
  private record Group(String service, String repo, String environment) {
    static Group of(DeploymentFact d) {
      return new Group(d.service(), d.repo(), d.environment());
    }
  }

  private static final int NONE = -1;

  // the readable deployments, in the set's order, and what a window reads of each
  private final List<DeploymentFact> readable;
  private final boolean[] live;
  private final long[] finishSeconds;
  private final int[] finishNanos;
  private final int[] group;
  private final boolean[] succeeded;
  private final int[] sha;
  private final int[] id;
  private final int[] rollbackOf;
  private final int[] firstOfGroup;
  private final Numbering<Group> groups;
  private final Numbering<String> shas;
  private final Numbering<String> ids;

  DeploymentWindow(List<DeploymentFact> all) {
    this(null, Set.of(), all);
  }

  /**
   * {@code base}'s deployments without those in {@code stale} (by identity) and with {@code added}:
   * after a few new deployments among a year's, its arrays are copied and extended rather than
   * every deployment read again.
   */
  private DeploymentWindow(DeploymentWindow base, Set<Object> stale, List<DeploymentFact> added) {
    int kept = base == null ? 0 : base.readable.size();
    readable = new ArrayList<>(kept + added.size());
    if (base != null) {
      readable.addAll(base.readable);
    }
    for (DeploymentFact d : added) {
      if (readable(d)) {
        readable.add(d);
      }
    }
    int n = readable.size();
    live = base == null ? new boolean[n] : Arrays.copyOf(base.live, n);
    finishSeconds = base == null ? new long[n] : Arrays.copyOf(base.finishSeconds, n);
    finishNanos = base == null ? new int[n] : Arrays.copyOf(base.finishNanos, n);
    group = base == null ? new int[n] : Arrays.copyOf(base.group, n);
    succeeded = base == null ? new boolean[n] : Arrays.copyOf(base.succeeded, n);
    sha = base == null ? new int[n] : Arrays.copyOf(base.sha, n);
    id = base == null ? new int[n] : Arrays.copyOf(base.id, n);
    rollbackOf = base == null ? new int[n] : Arrays.copyOf(base.rollbackOf, n);
    groups = new Numbering<>(base == null ? null : base.groups);
    shas = new Numbering<>(base == null ? null : base.shas);
    ids = new Numbering<>(base == null ? null : base.ids);
    if (!stale.isEmpty()) {
      for (int i = 0; i < kept; i++) {
        if (live[i] && stale.contains(readable.get(i))) {
          live[i] = false;
        }
      }
    }
    for (int i = kept; i < n; i++) {
      DeploymentFact d = readable.get(i);
      live[i] = true;
      finishSeconds[i] = d.finishedAt().getEpochSecond();
      finishNanos[i] = d.finishedAt().getNano();
      group[i] = groups.number(Group.of(d));
      succeeded[i] = d.succeeded();
      sha[i] = d.sha() == null ? NONE : shas.number(d.sha());
      id[i] = ids.number(d.deploymentId());
    }
    // a rollback may name a deployment that arrives after it
    int firstUnresolved = base == null || ids.grown() ? 0 : kept;
    for (int i = firstUnresolved; i < n; i++) {
      if (i >= kept || rollbackOf[i] == NONE) {
        String target = readable.get(i).rollbackOf();
        rollbackOf[i] = target == null ? NONE : ids.find(target);
      }
    }
    firstOfGroup = new int[groups.size()];
    Arrays.fill(firstOfGroup, NONE);
    for (int i = 0; i < n; i++) {
      if (!live[i]) {
        continue;
      }
      int g = group[i];
      if (firstOfGroup[g] == NONE || chronological(i, firstOfGroup[g]) < 0) {
        firstOfGroup[g] = i;
      }
    }
  }

  /** This index without {@code stale}'s deployments and with {@code added}'s. */
  DeploymentWindow overlaid(Set<Object> stale, List<DeploymentFact> added) {
    return new DeploymentWindow(this, stale, added);
  }

  /**
   * Numbers for keys: those of the index it extends (read only, shared), then its own. Written only
   * while its index is built.
   */
  private static final class Numbering<K> {
    private final Numbering<K> base;
    private final int offset;
    private final Map<K, Integer> own = new HashMap<>();

    Numbering(Numbering<K> base) {
      this.base = base;
      this.offset = base == null ? 0 : base.size();
    }

    int number(K key) {
      int known = find(key);
      if (known != NONE) {
        return known;
      }
      int next = offset + own.size();
      own.put(key, next);
      return next;
    }

    int find(K key) {
      if (base != null) {
        int known = base.find(key);
        if (known != NONE) {
          return known;
        }
      }
      Integer mine = own.get(key);
      return mine == null ? NONE : mine;
    }

    boolean grown() {
      return !own.isEmpty();
    }

    int size() {
      return offset + own.size();
    }
  }

  /** The deployments the weeks from {@code start} to {@code end} (exclusive) read. */
  List<DeploymentFact> around(List<IncidentFact> incidents, Instant start, Instant end) {
    int n = readable.size();
    int groupCount = firstOfGroup.length;
    int[] lastBefore = new int[groupCount];
    int[] firstAfter = new int[groupCount];
    Arrays.fill(lastBefore, NONE);
    Arrays.fill(firstAfter, NONE);
    boolean[] idWithin = new boolean[ids.size()];
    boolean[] shaWithin = new boolean[shas.size()];
    boolean[] named = new boolean[ids.size()];
    long startSeconds = start.getEpochSecond();
    int startNanos = start.getNano();
    long endSeconds = end.getEpochSecond();
    int endNanos = end.getNano();
    for (int i = 0; i < n; i++) {
      if (!live[i]) {
        continue;
      }
      int g = group[i];
      if (before(i, startSeconds, startNanos)) {
        if (succeeded[i] && (lastBefore[g] == NONE || chronological(i, lastBefore[g]) > 0)) {
          lastBefore[g] = i;
        }
      } else if (!before(i, endSeconds, endNanos)) {
        if (succeeded[i] && (firstAfter[g] == NONE || chronological(i, firstAfter[g]) < 0)) {
          firstAfter[g] = i;
        }
      } else {
        idWithin[id[i]] = true;
        if (succeeded[i] && sha[i] != NONE) {
          shaWithin[sha[i]] = true;
        }
        if (rollbackOf[i] != NONE) {
          named[rollbackOf[i]] = true;
        }
      }
    }
    for (IncidentFact incident : incidents) {
      int blamed =
          incident.causedByDeploymentId() == null
              ? NONE
              : ids.find(incident.causedByDeploymentId());
      if (blamed != NONE) {
        named[blamed] = true;
      }
    }

    boolean[] kept = new boolean[n];
    for (int g = 0; g < groupCount; g++) {
      if (firstOfGroup[g] != NONE) {
        kept[firstOfGroup[g]] = true;
      }
      if (lastBefore[g] != NONE) {
        kept[lastBefore[g]] = true;
      }
      if (firstAfter[g] != NONE) {
        kept[firstAfter[g]] = true;
      }
    }
    // per group and sha deployed in the window, its last successful deployment before the window
    Map<Long, Integer> lastOfSha = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (!live[i]) {
        continue;
      }
      boolean beforeStart = before(i, startSeconds, startNanos);
      if ((!beforeStart && before(i, endSeconds, endNanos))
          || named[id[i]]
          || (rollbackOf[i] != NONE && idWithin[rollbackOf[i]])) {
        kept[i] = true;
      }
      if (succeeded[i] && sha[i] != NONE && beforeStart && shaWithin[sha[i]]) {
        lastOfSha.merge(
            ((long) group[i] << 32) | sha[i], i, (a, b) -> chronological(a, b) >= 0 ? a : b);
      }
    }
    lastOfSha.values().forEach(i -> kept[i] = true);

    List<DeploymentFact> window = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (kept[i]) {
        window.add(readable.get(i));
      }
    }
    return window;
  }

  /** Whether the engine's deployment index reads it at all. */
  private static boolean readable(DeploymentFact d) {
    return d.finishedAt() != null && d.deploymentId() != null;
  }

  private boolean before(int i, long seconds, int nanos) {
    return finishSeconds[i] < seconds || (finishSeconds[i] == seconds && finishNanos[i] < nanos);
  }

  /** By finish, then id: the order the engine's deployment index sorts by. */
  private int chronological(int a, int b) {
    int byTime = Long.compare(finishSeconds[a], finishSeconds[b]);
    if (byTime == 0) {
      byTime = Integer.compare(finishNanos[a], finishNanos[b]);
    }
    return byTime != 0
        ? byTime
        : readable.get(a).deploymentId().compareTo(readable.get(b).deploymentId());
  }
}
