package io.podometer.engine.org;

import java.util.List;
import java.util.Objects;

/** A member championing AI adoption for one or more pods. */
public record Champion(String member, List<String> pods) {

  public Champion {
    Objects.requireNonNull(member, "member");
    pods = pods == null ? List.of() : List.copyOf(pods);
  }
}
