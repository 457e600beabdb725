package io.podometer.engine.live;

import io.podometer.engine.time.IsoWeek;
import java.time.Instant;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A full recomputation that runs on a thread of its own while the owner of the live figures keeps
 * applying changes: {@link #run} computes every week of the range from the facts as they stood when
 * it began ({@link MaterializedFigures#beginFullComputation}); {@link MaterializedFigures#install}
 * then takes its figures and recomputes again the weeks that changes moved meanwhile. A new event
 * therefore shows within its usual time while a recomputation of the whole range is under way.
 */
public final class FullComputation {

  private final MaterializedFigures detached;
  private final Instant now;
  // written by the owner's thread only
  private final TreeSet<IsoWeek> movedMeanwhile = new TreeSet<>();
  private boolean everythingMovedMeanwhile;
  private volatile boolean ran;
  private volatile Throwable failure;

  FullComputation(MaterializedFigures detached, Instant now) {
    this.detached = detached;
    this.now = now;
  }

  /** Computes every week (on any thread; it reads nothing the owner changes). */
  public void run() {
    try {
      detached.computeEveryWeek(now);
      ran = true;
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    }
  }

  /**
   * Whether facts were taken meanwhile without working out the weeks they move (a bulk load, a
   * reload): installing cannot recompute their weeks, and the caller catches up with them.
   */
  public boolean everythingMovedMeanwhile() {
    return everythingMovedMeanwhile;
  }

  /** The weeks the owner moved since this began (the owner's thread). */
  SortedSet<IsoWeek> movedMeanwhile() {
    return movedMeanwhile;
  }

  void moved(Collection<IsoWeek> weeks) {
    movedMeanwhile.addAll(weeks);
  }

  /**
   * Marks the changes applied meanwhile as left to a catch-up of the caller's (the owner's thread):
   * most weeks moved.
   */
  public void movedEverything() {
    everythingMovedMeanwhile = true;
  }

  /** The computed figures' holder, once {@link #run} has succeeded. */
  MaterializedFigures computed() {
    if (failure != null) {
      throw new IllegalStateException(
          "the full computation failed: " + failure.getMessage(), failure);
    }
    if (!ran) {
      throw new IllegalStateException("the full computation has not run");
    }
    return detached;
  }
}
