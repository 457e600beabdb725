package io.podometer.connectors.send;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line of a send on a terminal: events stored, events per second, and — when the
 * input's size is known — how far through it the stored events are and the time left. Redrawn in
 * place at most four times a second. Thread-safe.
 */
final class Progress {

  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintStream out;
  private final boolean enabled;
  private final long totalBytes;
  private final long started = System.nanoTime();
  private long lastDrawn;
  private boolean drawn;

  /** {@code totalBytes}: the input's size, or -1 when unknown (stdin). */
  Progress(PrintStream out, boolean enabled, long totalBytes) {
    this.out = out;
    this.enabled = enabled;
    this.totalBytes = totalBytes;
  }

  /** After a batch was stored: {@code events} stored in all, {@code bytes} of input behind them. */
  synchronized void update(long events, long bytes) {
    long now = System.nanoTime();
    if (!enabled || now - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = now;
    out.print("\r" + line(events, bytes, now) + "   ");
    out.flush();
    drawn = true;
  }

  /** Ends the line so that what follows starts on a new one. */
  synchronized void finish() {
    if (drawn) {
      out.println();
    }
  }

  String line(long events, long bytes, long now) {
    double seconds = Math.max((now - started) / 1e9, 1e-3);
    StringBuilder line =
        new StringBuilder(
            String.format(Locale.ROOT, "%,d events · %,.0f events/s", events, events / seconds));
    if (totalBytes > 0 && bytes > 0) {
      double done = Math.min(1.0, (double) bytes / totalBytes);
      long left = Math.round(seconds * (1 - done) / done);
      line.append(String.format(Locale.ROOT, " · %.0f %% · ETA %s", done * 100, clock(left)));
    }
    return line.toString();
  }

  static String clock(long seconds) {
    return seconds >= 3600
        ? String.format(
            Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
