package io.podometer.connectors.source;

/**
 * A source that is read by pulling (an API backfill, a repository import): both the web application
 * and the command line drive it through this, with the stores of {@link SourceRun}. A sync fetches
 * what changed since the checkpoints, keeps each payload, publishes the mapped events and only then
 * moves the checkpoint — so a sync stopped anywhere resumes without losing or doubling anything.
 */
public interface SourceConnector {

  /** The kind of source, e.g. {@code github}. */
  String kind();

  /** The mapper for this source's kept payloads, used by a sync and by a remap. */
  PayloadMapper mapper();

  /**
   * Syncs every stream of the source. A fatal error in one stream stops that stream (recorded on
   * the progress) and the others go on; a retriable error that outlasts {@link Retrying} ends the
   * sync, to be resumed from the checkpoints by the next.
   */
  void sync(SourceRun run) throws InterruptedException;
}
