package io.podometer.engine.metric.flow;

import io.podometer.engine.event.EventData.ChangedFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The merged PRs that changed each file of a repository, by merge time. */
final class FileChanges {

  private static final Comparator<PullRequests.Counted> BY_MERGE =
      Comparator.comparing((PullRequests.Counted pr) -> pr.fact().mergedAt())
          .thenComparing(PullRequests.Counted::key);

  private final Map<String, Map<String, List<PullRequests.Counted>>> byRepo = new HashMap<>();

  FileChanges(PullRequests prs) {
    for (PullRequests.Counted pr : prs.all()) {
      if (pr.fact().mergedAt() == null) {
        continue;
      }
      Map<String, List<PullRequests.Counted>> files =
          byRepo.computeIfAbsent(pr.fact().repo(), k -> new HashMap<>());
      for (ChangedFile file : pr.fact().files()) {
        if (file.path() != null) {
          files.computeIfAbsent(file.path(), k -> new ArrayList<>(2)).add(pr);
        }
      }
    }
    byRepo.values().forEach(files -> files.values().forEach(list -> list.sort(BY_MERGE)));
  }

  /** The first PR merged strictly after {@code after} and at or before {@code until}, or null. */
  PullRequests.Counted nextChange(String repo, String path, Instant after, Instant until) {
    List<PullRequests.Counted> changes = byRepo.getOrDefault(repo, Map.of()).get(path);
    if (changes == null) {
      return null;
    }
    int low = 0;
    int high = changes.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (changes.get(mid).fact().mergedAt().isAfter(after)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    if (low == changes.size()) {
      return null;
    }
    PullRequests.Counted next = changes.get(low);
    return next.fact().mergedAt().isAfter(until) ? null : next;
  }
}
