package io.podometer.engine.fact;

import io.podometer.engine.event.EventData.ChangedFile;
import io.podometer.engine.event.EventData.Person;
import io.podometer.engine.event.EventData.Trailer;
import java.time.Instant;
import java.util.List;

/** A commit, merged from every source that saw it (git import, GitHub push, API). */
public record CommitFact(
    String repo,
    String sha,
    Person author,
    Instant authoredAt,
    Instant committedAt,
    Person committer,
    List<String> parents,
    String message,
    List<Trailer> trailers,
    List<ChangedFile> files,
    Integer additions,
    Integer deletions,
    String branch,
    Integer prNumber) {

  public CommitFact {
    parents = parents == null ? List.of() : List.copyOf(parents);
    trailers = trailers == null ? List.of() : List.copyOf(trailers);
    files = files == null ? List.of() : List.copyOf(files);
  }

  public boolean isMerge() {
    return parents.size() > 1;
  }

  /** Added lines: the sum over files when files are known, else the commit's own count (lines). */
  public int addedLines() {
    if (!files.isEmpty()) {
      return files.stream().mapToInt(f -> f.additions() == null ? 0 : f.additions()).sum();
    }
    return additions == null ? 0 : additions;
  }
}
