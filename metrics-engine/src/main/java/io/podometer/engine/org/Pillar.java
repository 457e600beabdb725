package io.podometer.engine.org;

import java.util.Objects;

/** A group of pods. */
public record Pillar(String id, String name) {

  public Pillar {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
