package io.podometer.connectors.source;

import io.podometer.engine.event.CanonicalEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a payload maps to: canonical events, or nothing with the reason it was ignored (an event or
 * action the connector does not read). A payload it reads may still give no event (a tag deletion
 * pushes no commit).
 */
public record Mapping(List<CanonicalEvent> events, String ignoredBecause) {

  public Mapping {
    events = List.copyOf(events);
  }

  public static Mapping of(List<CanonicalEvent> events) {
    return new Mapping(events, null);
  }

  public static Mapping ignored(String because) {
    return new Mapping(List.of(), Objects.requireNonNull(because));
  }

  public boolean isIgnored() {
    return ignoredBecause != null;
  }
}
