package io.podometer.engine.attribution;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Repository path globs as configured ({@code **}/vendor/**, {@code *.lock}): a leading {@code **}/
 * also matches at the repository root, as users expect. Thread-safe.
 */
public final class PathGlobs {

  /** Paths repeat across commits; remembering this many verdicts bounds the memory it takes. */
  static final int MAX_REMEMBERED = 500_000;

  private final List<PathMatcher> matchers;
  private final java.util.concurrent.ConcurrentMap<String, Boolean> verdicts =
      new java.util.concurrent.ConcurrentHashMap<>();

  public PathGlobs(List<String> globs) {
    this.matchers =
        globs.stream()
            .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
            .toList();
  }

  public boolean matches(String path) {
    if (matchers.isEmpty() || path == null || path.isEmpty()) {
      return false;
    }
    Boolean known = verdicts.get(path);
    if (known != null) {
      return known;
    }
    boolean verdict = match(path);
    if (verdicts.size() < MAX_REMEMBERED) {
      verdicts.put(path, verdict);
    }
    return verdict;
  }

  private boolean match(String path) {
    Path relative = Path.of(path);
    Path rooted = Path.of("/" + path);
    for (PathMatcher matcher : matchers) {
      if (matcher.matches(relative) || matcher.matches(rooted)) {
        return true;
      }
    }
    return false;
  }
}
