package io.podometer.connectors.source;

import java.util.Optional;

/**
 * A source's cursors, one per stream (a repository's pull requests, its workflow runs…), kept
 * durably so a sync that stopped — a crash, a restart, a fatal error — resumes where it was.
 */
public interface Checkpoints {

  Optional<String> cursor(String stream);

  /** Saved only once what came before the cursor is published (and durable). */
  void save(String stream, String cursor);
}
