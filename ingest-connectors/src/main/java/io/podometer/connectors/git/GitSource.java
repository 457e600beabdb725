package io.podometer.connectors.git;

import java.util.Objects;

/**
 * A local clone to import.
 *
 * @param path the clone's directory (bare or with a working tree)
 * @param repo the repository's {@code owner/name}, as GitHub and the organization model name it
 * @param branch the branch to import; null for the default branch
 */
public record GitSource(String id, String path, String repo, String branch) {

  public GitSource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(repo, "repo");
  }
}
