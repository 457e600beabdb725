package io.podometer.bench.ingest;

import java.nio.file.Path;

/** Arguments of {@code ./podometer bench-ingest}. */
record IngestBenchSettings(
    int engineers,
    int weeks,
    String db,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String heap,
    int batch,
    int parallel,
    int probes,
    int reads,
    Path work,
    boolean help) {

  static final String USAGE =
      """
      Usage: ./podometer bench-ingest [--engineers N] [--weeks W] [--db h2|pg] [--heap SIZE]
                                      [--batch N] [--parallel P] [--probes K] [--reads R]
                                      [--db-url URL --db-user U --db-password P] [--work DIR]

      Simulates an organization ending now, starts the packaged server on an empty database
      (the embedded H2 build, or the PostgreSQL build with --db pg), loads the organization model
      and posts every event through the HTTP API as ./podometer send does, then measures:
      events/s for each successive 100,000 events, how long after the last batch the figures are
      current (served) and stored, the database on disk once they are, the server's heap (from its GC log), a full recomputation
      through the server, how soon a new event shows in /api/metrics (and how long reads take
      meanwhile), and range totals and drill-downs. Prints a table; exits 1 when a step fails.

        --engineers N    engineers to simulate (default 1000)
        --weeks W        ISO weeks ending with the current one (default 52)
        --db KIND        h2 (default) or pg
        --heap SIZE      the server's -Xmx and -Xms (default 6g: three times what it holds after the load)
        --batch N        events per request (default 5000)
        --parallel P     requests in flight (default 2)
        --probes K       new events timed one by one after the load (default 40)
        --reads R        range totals and drill-downs timed, each (default 200)
        --db-url URL     PostgreSQL database, emptied first (default
                         jdbc:postgresql://127.0.0.1:5432/podometer_bench)
        --db-user U      default podometer
        --db-password P  default podometer
        --work DIR       where the simulated events (kept between runs), the H2 database and the
                         server's logs go (default target/bench-ingest)
      """;

  static IngestBenchSettings parse(String[] args) {
    int engineers = 1000;
    int weeks = 52;
    String db = "h2";
    String url = "jdbc:postgresql://127.0.0.1:5432/podometer_bench";
    String user = "podometer";
    String password = "podometer";
    String heap = "6g";
    int batch = 5000;
    int parallel = 2;
    int probes = 40;
    int reads = 200;
    Path work = Path.of("target/bench-ingest");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new IngestBenchSettings(
            engineers, weeks, db, url, user, password, heap, batch, parallel, probes, reads, work,
            true);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      String value = args[++i];
      switch (arg) {
        case "--engineers" -> engineers = number(arg, value, 12, 100_000);
        case "--weeks" -> weeks = number(arg, value, 1, 104);
        case "--db" -> {
          if (!value.equals("h2") && !value.equals("pg")) {
            throw new IllegalArgumentException("--db: h2 or pg, not " + value);
          }
          db = value;
        }
        case "--heap" -> {
          if (!value.matches("\\d+[mgMG]")) {
            throw new IllegalArgumentException("--heap: a size like 2g or 1536m, not " + value);
          }
          heap = value;
        }
        case "--batch" -> batch = number(arg, value, 1, 100_000);
        case "--parallel" -> parallel = number(arg, value, 1, 16);
        case "--probes" -> probes = number(arg, value, 1, 10_000);
        case "--reads" -> reads = number(arg, value, 1, 100_000);
        case "--db-url" -> url = value;
        case "--db-user" -> user = value;
        case "--db-password" -> password = value;
        case "--work" -> work = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new IngestBenchSettings(
        engineers, weeks, db, url, user, password, heap, batch, parallel, probes, reads, work,
        false);
  }

  private static int number(String option, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(option + ": between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": not a whole number: " + value);
    }
  }
}
