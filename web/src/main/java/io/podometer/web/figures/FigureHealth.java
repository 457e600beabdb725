package io.podometer.web.figures;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the figure pipeline keeps up: every failure to compute or store figures is counted and
 * the last one kept (what was being done, when, why), until a full recomputation is computed and
 * stored again. Administrators see it ({@code GET /api/admin/figures}); a recomputation or an
 * erasure that meets a failure says so instead of reporting success. Thread-safe.
 */
public final class FigureHealth {

  /** One failure: what was being done, when, and the error's message. */
  public record Failure(Instant at, String during, String reason) {}

  /**
   * What administrators see; {@code cellsStoring} counts the cells of figures already served and
   * not yet stored (a restart now would recompute them).
   */
  public record View(boolean failing, long failures, Failure lastFailure, int cellsStoring) {}

  private final Clock clock;
  private final AtomicLong failures = new AtomicLong();
  private volatile Failure last;
  private volatile boolean failing;

  FigureHealth(Clock clock) {
    this.clock = clock;
  }

  void failed(String during, Throwable error) {
    last = new Failure(clock.instant(), during, reasonOf(error));
    failing = true;
    failures.incrementAndGet();
  }

  /** Every figure was computed and stored again. */
  void recovered() {
    failing = false;
  }

  boolean failing() {
    return failing;
  }

  long failures() {
    return failures.get();
  }

  Failure last() {
    return last;
  }

  View view(int cellsStoring) {
    return new View(failing, failures.get(), last, cellsStoring);
  }

  /** The innermost cause's message: what went wrong, not where (no stack trace). */
  private static String reasonOf(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    String reason = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return reason.length() > 500 ? reason.substring(0, 500) + "…" : reason;
  }
}
