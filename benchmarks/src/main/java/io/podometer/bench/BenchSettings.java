package io.podometer.bench;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Arguments of {@code ./podometer bench}. */
record BenchSettings(int engineers, int weeks, int runs, Instant now, boolean help) {

  static final String USAGE =
      """
      Usage: ./podometer bench [--engineers N] [--weeks W] [--runs R] [--now INSTANT]

      Simulates an organization and measures the engine on it: fold of events into facts,
      full computation of every figure, heap held. Prints medians of R runs.

        --engineers N   engineers to simulate (default 1000)
        --weeks W       ISO weeks ending with --now (default 52)
        --runs R        repetitions of each timed step (default 5)
        --now INSTANT   the simulated present (default 2026-11-26T12:00:00Z)
      """;

  static BenchSettings parse(String[] args) {
    int engineers = 1000;
    int weeks = 52;
    int runs = 5;
    Instant now = Instant.parse("2026-11-26T12:00:00Z");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new BenchSettings(engineers, weeks, runs, now, true);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      String value = args[++i];
      switch (arg) {
        case "--engineers" -> engineers = positive(arg, value);
        case "--weeks" -> weeks = positive(arg, value);
        case "--runs" -> runs = positive(arg, value);
        case "--now" -> {
          try {
            now = Instant.parse(value);
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                "--now: not an instant like 2026-11-26T12:00:00Z: " + value);
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new BenchSettings(engineers, weeks, runs, now, false);
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n < 1) {
        throw new IllegalArgumentException(option + ": must be at least 1, got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": not a whole number: " + value);
    }
  }
}
