package io.podometer.connectors.send;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code ./podometer send} was asked to do: where from (a file, or stdin when null), where to,
 * how many events a request, how many requests at once, how many times a failed one is tried again,
 * and whether to draw a progress line.
 */
public record SendSettings(
    Path file, URI endpoint, int batch, int parallel, int retries, Boolean progress) {

  /** Settings for a program that sends (no file, no progress line): a benchmark, a connector. */
  public static SendSettings of(URI endpoint, int batch, int parallel, int retries) {
    return new SendSettings(null, endpoint, batch, parallel, retries, false);
  }

  static final int DEFAULT_BATCH = 5000;
  static final int DEFAULT_PARALLEL = 2;
  static final int DEFAULT_RETRIES = 5;

  static final String USAGE =
      """
      Usage: ./podometer send [FILE] [--url URL] [--batch N] [--parallel P] [--retries R]
                              [--progress | --no-progress]

      Posts NDJSON events (FILE of any size, or stdin) to a running Podometer, N lines per request.

        --url URL       the server (default $PODOMETER_URL or http://localhost:8080)
        --batch N       events per request, 1..100000 (default 5000)
        --parallel P    requests in flight at once, 1..16 (default 2): the next batch travels
                        while the server stores the last one
        --retries R     times a batch is sent again after a network error or a 5xx answer,
                        waiting longer each time (default 5); events are idempotent, so a batch
                        stored before its answer was lost is counted as duplicates, not twice
        --progress      draw a progress line (events, events/s, ETA) on stderr; the default on a
                        terminal
        --help          this text

      The API token is $PODOMETER_TOKEN, or the file cli-token in $PODOMETER_DATA (default ./data),
      which the server writes at its first start. Exit codes: 0 every event stored, 1 a batch
      refused or the server unreachable after the retries (what was stored stays stored), 2 bad
      arguments or no token.
      """;

  static SendSettings parse(String[] args, Map<String, String> env) {
    String url = env.getOrDefault("PODOMETER_URL", "http://localhost:8080");
    int batch = DEFAULT_BATCH;
    int parallel = DEFAULT_PARALLEL;
    int retries = DEFAULT_RETRIES;
    Boolean progress = null;
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = value(args, ++i, "--url");
        case "--batch" -> batch = number(value(args, ++i, "--batch"), "--batch", 1, 100_000);
        case "--parallel" -> parallel = number(value(args, ++i, "--parallel"), "--parallel", 1, 16);
        case "--retries" -> retries = number(value(args, ++i, "--retries"), "--retries", 0, 100);
        case "--progress" -> progress = true;
        case "--no-progress" -> progress = false;
        default -> {
          if (args[i].startsWith("--") || file != null) {
            throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
          }
          file = Path.of(args[i]);
        }
      }
    }
    URI endpoint;
    try {
      endpoint = URI.create(url.replaceAll("/+$", "") + "/api/events");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url: not a URL: " + url);
    }
    return new SendSettings(file, endpoint, batch, parallel, retries, progress);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + ": missing value");
    }
    return args[i];
  }

  private static int number(String text, String name, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": not a whole number: " + text);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(name + ": must be between " + min + " and " + max);
    }
    return n;
  }
}
