package io.podometer.connectors.source;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints kept in memory, for a connector's tests and benchmarks; empty when new. */
public final class MemoryCheckpoints implements Checkpoints {

  private final Map<String, String> cursors = new ConcurrentHashMap<>();

  @Override
  public Optional<String> cursor(String stream) {
    return Optional.ofNullable(cursors.get(stream));
  }

  @Override
  public void save(String stream, String cursor) {
    cursors.put(stream, cursor);
  }

  /** The cursors saved, by stream. */
  public Map<String, String> cursors() {
    return cursors;
  }
}
