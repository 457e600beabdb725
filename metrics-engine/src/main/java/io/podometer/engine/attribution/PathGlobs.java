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

  private final List<PathMatcher> matchers;

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
