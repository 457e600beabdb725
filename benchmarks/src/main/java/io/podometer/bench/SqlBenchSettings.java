package io.podometer.bench;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Arguments of {@code ./podometer bench-sql}. */
record SqlBenchSettings(
    int engineers,
    int weeks,
    int runs,
    Instant now,
    String dbUrl,
    String dbUser,
    String dbPassword,
    boolean help) {

  static final String USAGE =
      """
      Usage: ./podometer bench-sql [--engineers N] [--weeks W] [--runs R] [--now INSTANT]
                                   [--db-url URL --db-user U --db-password P]

      Simulates an organization as ./podometer bench does, loads its deployments, pull requests
      and the engine's deployment-to-PR linkage into PostgreSQL, computes deployment frequency,
      lead time median and change failure rate per service and for the organization per ISO week
      in plain SQL, checks them equal to the engine's figures and times both. Exits 1 when a
      figure differs, 2 when the database cannot be used. A missing database is created when
      the role may create databases; its tables deployments, changes, deployment_changes and
      services are replaced.

        --engineers N      engineers to simulate (default 1000)
        --weeks W          ISO weeks ending with --now (default 52)
        --runs R           timed repetitions of each side, after one warm-up (default 3)
        --now INSTANT      the simulated present (default 2026-11-26T12:00:00Z)
        --db-url URL       default jdbc:postgresql://127.0.0.1:5432/podometer_bench
        --db-user U        default podometer
        --db-password P    default podometer
      """;

  static SqlBenchSettings parse(String[] args) {
    int engineers = 1000;
    int weeks = 52;
    int runs = 3;
    Instant now = Instant.parse("2026-11-26T12:00:00Z");
    String url = "jdbc:postgresql://127.0.0.1:5432/podometer_bench";
    String user = "podometer";
    String password = "podometer";
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new SqlBenchSettings(engineers, weeks, runs, now, url, user, password, true);
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
        case "--db-url" -> {
          if (!value.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db-url: not a jdbc:postgresql: URL: " + value);
          }
          url = value;
        }
        case "--db-user" -> user = value;
        case "--db-password" -> password = value;
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new SqlBenchSettings(engineers, weeks, runs, now, url, user, password, false);
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
