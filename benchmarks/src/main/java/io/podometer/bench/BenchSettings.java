package io.podometer.bench;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Arguments of {@code ./podometer bench}. */
record BenchSettings(int engineers, int weeks, int runs, int warmups, Instant now, boolean help) {

  static final String USAGE =
      """
      Usage: ./podometer bench [--engineers N] [--weeks W] [--runs R] [--warmups U] [--now INSTANT]

      Simulates an organization and measures the engine on it: fold of events into facts,
      full computation of every figure, heap held. Prints medians of R runs.

        --engineers N   engineers to simulate (default 1000)
        --weeks W       ISO weeks ending with --now (default 52)
        --runs R        repetitions of each timed step (default 5)
        --warmups U     untimed computations first, so the JIT has compiled the engine
                        (default 2)
        --now INSTANT   the simulated present (default 2026-11-26T12:00:00Z)
      """;

  static BenchSettings parse(String[] args) {
    int engineers = 1000;
    int weeks = 52;
    int runs = 5;
    int warmups = 2;
    Instant now = Instant.parse("2026-11-26T12:00:00Z");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new BenchSettings(engineers, weeks, runs, warmups, now, true);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      String value = args[++i];
      switch (arg) {
        case "--engineers" -> engineers = positive(arg, value);
        case "--weeks" -> weeks = positive(arg, value);
        case "--runs" -> runs = positive(arg, value);
        case "--warmups" -> warmups = atLeast(arg, value, 0);
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
    return new BenchSettings(engineers, weeks, runs, warmups, now, false);
  }

  private static int positive(String option, String value) {
    return atLeast(option, value, 1);
  }

  private static int atLeast(String option, String value, int min) {
    try {
      int n = Integer.parseInt(value);
      if (n < min) {
        throw new IllegalArgumentException(option + ": must be at least " + min + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": not a whole number: " + value);
    }
  }
}
