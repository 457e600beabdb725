package io.podometer.connectors.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code send [FILE] [--url URL] [--batch N]}: posts NDJSON events (a file, or stdin) to a running
 * Podometer in batches, with the API token of PODOMETER_TOKEN or of the private file {@code
 * cli-token} under PODOMETER_DATA (written at the server's first start). Exit codes: 0 all
 * accepted, 1 a batch refused or the server unreachable (earlier batches are stored, that one is
 * not), 2 bad arguments or no token.
 */
public final class SendCommand {

  static final String USAGE =
      """
      Usage: ./podometer send [FILE] [--url URL] [--batch N]

      Posts NDJSON events (FILE, or stdin) to a running Podometer, N lines per request.

        --url URL    the server (default $PODOMETER_URL or http://localhost:8080)
        --batch N    events per request, 1..100000 (default 5000)
        --help       this text

      The API token is $PODOMETER_TOKEN, or the file cli-token in $PODOMETER_DATA (default ./data),
      which the server writes at its first start.
      """;

  static final int DEFAULT_BATCH = 5000;

  private SendCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err, System.getenv()));
  }

  static int run(
      String[] args, InputStream stdin, PrintStream out, PrintStream err, Map<String, String> env) {
    String url = env.getOrDefault("PODOMETER_URL", "http://localhost:8080");
    int batch = DEFAULT_BATCH;
    Path file = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--help", "-h" -> {
            out.print(USAGE);
            return 0;
          }
          case "--url" -> url = value(args, ++i, "--url");
          case "--batch" -> {
            batch = Integer.parseInt(value(args, ++i, "--batch"));
            if (batch < 1 || batch > 100_000) {
              throw new IllegalArgumentException("--batch: must be between 1 and 100000");
            }
          }
          default -> {
            if (args[i].startsWith("--") || file != null) {
              throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
            file = Path.of(args[i]);
          }
        }
      }
    } catch (NumberFormatException e) {
      err.println("send: --batch: not a whole number");
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("send: " + e.getMessage() + "\n\n" + USAGE);
      return 2;
    }
    String token;
    try {
      token = token(env);
    } catch (IllegalStateException e) {
      err.println("send: " + e.getMessage());
      return 2;
    }
    try (InputStream in = file == null ? stdin : Files.newInputStream(file)) {
      return new Sender(URI.create(url.replaceAll("/+$", "") + "/api/events"), token, out, err)
          .send(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), batch);
    } catch (IOException e) {
      err.println("send: cannot read " + (file == null ? "stdin" : file) + ": " + e.getMessage());
      return 1;
    }
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + ": missing value");
    }
    return args[i];
  }

  static String token(Map<String, String> env) {
    String given = env.get("PODOMETER_TOKEN");
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    Path file = Path.of(env.getOrDefault("PODOMETER_DATA", "./data"), "cli-token");
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "no API token: set PODOMETER_TOKEN, or start the server once so that it writes "
              + file.toAbsolutePath());
    }
  }

  /** Posts batches and adds up the receipts. */
  private static final class Sender {
    private final URI endpoint;
    private final String token;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private long accepted;
    private long duplicates;
    private long revisions;

    Sender(URI endpoint, String token, PrintStream out, PrintStream err) {
      this.endpoint = endpoint;
      this.token = token;
      this.out = out;
      this.err = err;
    }

    int send(BufferedReader lines, int batch) throws IOException {
      StringBuilder body = new StringBuilder();
      int count = 0;
      long first = 1;
      long line = 0;
      String text;
      while ((text = lines.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        body.append(text).append('\n');
        if (++count == batch) {
          if (!post(body.toString(), first, line)) {
            return 1;
          }
          body.setLength(0);
          count = 0;
          first = line + 1;
        }
      }
      if (count > 0 && !post(body.toString(), first, line)) {
        return 1;
      }
      out.printf(
          "sent: %d accepted, %d duplicates, %d revisions%n", accepted, duplicates, revisions);
      return 0;
    }

    private boolean post(String ndjson, long firstLine, long lastLine) throws IOException {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(Duration.ofMinutes(5))
              .header("Content-Type", "application/x-ndjson")
              .header("Authorization", "Bearer " + token)
              .POST(HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8))
              .build();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (IOException e) {
        err.printf("send: %s unreachable: %s%n", endpoint, e.getMessage());
        return false;
      }
      JsonNode answer = parse(response.body());
      if (response.statusCode() != 202) {
        String detail = answer.path("detail").asText(response.body());
        err.printf(
            "send: lines %d-%d refused (%d): %s%nnothing of those lines was stored; %d events"
                + " before them were accepted%n",
            firstLine, lastLine, response.statusCode(), detail, accepted);
        return false;
      }
      accepted += answer.path("accepted").asLong();
      duplicates += answer.path("duplicates").asLong();
      revisions += answer.path("revisions").asLong();
      return true;
    }

    private JsonNode parse(String body) {
      try {
        return json.readTree(body == null || body.isBlank() ? "{}" : body);
      } catch (IOException e) {
        return json.createObjectNode();
      }
    }
  }
}
