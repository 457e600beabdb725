package io.podometer.engine.metric;

import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set's commit attributions by commit sha, so that a window of commits finds its attributions
 * without reading every attribution of the year. Patched like the time index: facts no longer
 * current ({@code stale}, by identity) are skipped and those added since are looked up in an index
 * of their own.
 */
final class AttributionsBySha {

  private final List<CommitAttributionFact> all;
  // positions in all, so that what a window finds keeps the set's order
  private final Map<String, int[]> positions;
  private final Set<Object> stale;
  private final AttributionsBySha added;

  AttributionsBySha(List<CommitAttributionFact> all) {
    this.all = all;
    this.positions = new HashMap<>(all.size() * 4 / 3 + 1);
    for (int i = 0; i < all.size(); i++) {
      String sha = all.get(i).sha();
      if (sha != null) {
        int[] known = positions.get(sha);
        if (known == null) {
          positions.put(sha, new int[] {i});
        } else {
          int[] more = Arrays.copyOf(known, known.length + 1);
          more[known.length] = i;
          positions.put(sha, more);
        }
      }
    }
    this.stale = Set.of();
    this.added = null;
  }

  private AttributionsBySha(AttributionsBySha base, Set<Object> stale, AttributionsBySha added) {
    this.all = base.all;
    this.positions = base.positions;
    this.stale = stale;
    this.added = added;
  }

  AttributionsBySha overlaid(Set<Object> stale, AttributionsBySha added) {
    return new AttributionsBySha(this, stale, added);
  }

  /** The attributions of these commits, in the set's order (those added since last). */
  List<CommitAttributionFact> of(List<CommitFact> commits) {
    // a commit's sha may be written in several repositories: each attribution is listed once
    BitSet found = new BitSet(all.size());
    for (CommitFact commit : commits) {
      int[] at = commit.sha() == null ? null : positions.get(commit.sha());
      if (at != null) {
        for (int position : at) {
          found.set(position);
        }
      }
    }
    List<CommitAttributionFact> attributions = new ArrayList<>(found.cardinality());
    for (int position = found.nextSetBit(0);
        position >= 0;
        position = found.nextSetBit(position + 1)) {
      CommitAttributionFact a = all.get(position);
      if (stale.isEmpty() || !stale.contains(a)) {
        attributions.add(a);
      }
    }
    if (added != null) {
      attributions.addAll(added.of(commits));
    }
    return attributions;
  }
}
