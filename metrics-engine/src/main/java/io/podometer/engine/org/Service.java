package io.podometer.engine.org;

import java.util.List;
import java.util.Objects;

/** A deployable unit owned by one pod; {@code repos} are {@code owner/name} repositories. */
public record Service(String id, String pod, List<String> repos) {

  public Service {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pod, "pod");
    repos = repos == null ? List.of() : List.copyOf(repos);
  }
}
