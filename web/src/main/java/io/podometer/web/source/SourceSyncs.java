package io.podometer.web.source;

import io.podometer.connectors.source.EventSink;
import io.podometer.connectors.source.Pauses;
import io.podometer.connectors.source.SourceConnector;
import io.podometer.connectors.source.SourceProgress;
import io.podometer.connectors.source.SourceRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Runs the syncs of pulled sources (GitHub backfills, git imports) in the background, one at a time
 * per source: their progress in memory for readers, how each ended stored on the source.
 */
@ApplicationScoped
public class SourceSyncs {

  private static final Logger LOG = Logger.getLogger(SourceSyncs.class);

  @Inject EventSink sink;
  @Inject RawPayloadStore payloads;
  @Inject CheckpointStore checkpoints;
  @Inject Clock clock;

  /** Replaced in tests that must not wait for real. */
  Pauses pauses = Pauses.REAL;

  private final Map<String, SourceProgress> progress = new ConcurrentHashMap<>();
  private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
  private final ExecutorService syncs =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread thread = new Thread(r, "podometer-source-sync");
            thread.setDaemon(true);
            return thread;
          });

  void stop(@Observes ShutdownEvent event) {
    syncs.shutdownNow();
  }

  /** Starts a sync in the background; false when one of the source is running already. */
  public boolean start(String id, SourceConnector connector) {
    SourceProgress tracker = progress.computeIfAbsent(id, k -> new SourceProgress());
    synchronized (running) {
      Future<?> current = running.get(id);
      if (current != null && !current.isDone()) {
        return false;
      }
      tracker.started(clock.instant());
      running.put(id, syncs.submit(() -> run(id, connector, tracker)));
    }
    return true;
  }

  public boolean syncing(String id) {
    Future<?> current = running.get(id);
    return current != null && !current.isDone();
  }

  /** The progress of the source's running or last sync since the start, or null. */
  public SourceProgress.Snapshot snapshot(String id) {
    SourceProgress tracker = progress.get(id);
    return tracker == null ? null : tracker.snapshot(clock.instant());
  }

  /** Waits until the source's running sync (if any) has ended and its outcome is stored. */
  public boolean await(String id, Duration timeout) throws InterruptedException {
    Future<?> current = running.get(id);
    if (current == null) {
      return true;
    }
    try {
      current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | CancellationException e) {
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  /** Stops the source's sync at its next step, moving no cursor, and forgets its progress. */
  public void cancel(String id) {
    synchronized (running) {
      SourceProgress tracker = progress.remove(id);
      if (tracker != null) {
        tracker.cancel();
      }
      Future<?> current = running.remove(id);
      if (current != null) {
        current.cancel(true);
      }
    }
  }

  private void run(String id, SourceConnector connector, SourceProgress tracker) {
    try {
      connector.sync(new SourceRun(id, sink, payloads, checkpoints.of(id), tracker, clock, pauses));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tracker.error("stopped");
      tracker.finished(clock.instant(), true);
    } catch (RuntimeException | Error e) {
      // an Error too (out of memory): the source says it failed rather than staying "running"
      LOG.errorf(e, "sync of %s failed", id);
      tracker.error(String.valueOf(e.getMessage() == null ? e : e.getMessage()));
      tracker.finished(clock.instant(), true);
    }
    SourceProgress.Snapshot end = tracker.snapshot(clock.instant());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              SourceEntity entity = SourceEntity.findById(id);
              if (entity != null) {
                entity.lastSyncAt = end.finishedAt();
                entity.lastState = end.state().name().toLowerCase(Locale.ROOT);
                entity.lastError =
                    end.lastError() == null
                        ? null
                        : end.lastError().substring(0, Math.min(2000, end.lastError().length()));
              }
            });
    LOG.infof(
        "sync of %s %s: %d items%s%s",
        id,
        end.state().name().toLowerCase(Locale.ROOT),
        end.itemsDone(),
        end.warningsTotal() == 0 ? "" : "; " + end.warningsTotal() + " warnings",
        end.lastError() == null ? "" : "; last error: " + end.lastError());
  }
}
