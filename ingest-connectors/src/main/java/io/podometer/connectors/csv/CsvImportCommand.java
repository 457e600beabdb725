package io.podometer.connectors.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.engine.event.EventCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./podometer import csv <kind> <file>}: posts a CSV file to a running Podometer ({@code
 * POST /api/sources/csv/<kind>}) and prints what it made of it, or the server's reasons for
 * refusing it.
 */
public final class CsvImportCommand {

  static final String USAGE =
      """
      Usage: ./podometer import csv KIND FILE [--url URL] [--name NAME]

      Imports a CSV file into a running Podometer. KIND is one of:
        deployments   deployment_id, service, environment, status, finished_at, …
        incidents     incident_id, service, opened_at, resolved_at, …
        meetings      member, week or week_start, hours, …
        members       member_id, name, emails, logins, role, level, pod, pillar, from, …
      (README, "CSV sources", lists every column and its format.) The file is UTF-8 with a header
      row first; it is checked whole: one bad row and nothing of it is stored. Importing it again
      stores nothing twice.

        --url URL    the server (default $PODOMETER_URL or http://localhost:8080)
        --name NAME  the name the import is listed under (default the file's name)
        --help       this text

      Credentials: $PODOMETER_TOKEN; else, for deployments, incidents and meetings, the CLI token
      (cli-token under $PODOMETER_DATA, default ./data), and for members — which change the
      organization model, an admin's right — the bootstrap admin (admin-password there).
      Exit codes: 0 imported, 1 refused by the server (its reasons are printed) or the server
      unreachable, 2 bad arguments, a file that cannot be read, or no credentials.
      """;

  private static final ObjectMapper JSON = EventCodec.mapper();

  private final PrintStream out;
  private final PrintStream err;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private CsvImportCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
      (args.length == 0 ? err : out).print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String url = env.getOrDefault("PODOMETER_URL", "http://localhost:8080");
    String name = null;
    List<String> positional = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url", "--name" -> {
          if (i + 1 >= args.length) {
            err.println("import csv: " + args[i] + " needs a value");
            return 2;
          }
          if (args[i].equals("--url")) {
            url = args[++i];
          } else {
            name = args[++i];
          }
        }
        default -> {
          if (args[i].startsWith("--")) {
            err.println("import csv: unknown option '" + args[i] + "'\n\n" + USAGE);
            return 2;
          }
          positional.add(args[i]);
        }
      }
    }
    if (positional.size() != 2) {
      err.println("import csv: name a KIND and a FILE\n\n" + USAGE);
      return 2;
    }
    CsvKind kind = CsvKind.of(positional.get(0)).orElse(null);
    if (kind == null) {
      err.println(
          "import csv: unknown kind '"
              + positional.get(0)
              + "' (one of "
              + CsvKind.allNames()
              + ")");
      return 2;
    }
    Path file = Path.of(positional.get(1));
    byte[] body;
    try {
      body = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      err.println("import csv: no file " + file);
      return 2;
    } catch (IOException e) {
      err.println("import csv: cannot read " + file + ": " + e.getMessage());
      return 2;
    }
    String authorization;
    try {
      authorization = authorization(kind, env);
    } catch (IllegalStateException e) {
      err.println("import csv: " + e.getMessage());
      return 2;
    }
    URI endpoint;
    try {
      String listedAs = name != null ? name : String.valueOf(file.getFileName());
      endpoint =
          URI.create(
              url.replaceAll("/+$", "")
                  + "/api/sources/csv/"
                  + kind.wireName()
                  + "?name="
                  + URLEncoder.encode(listedAs, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      err.println("import csv: --url: not a URL: " + url);
      return 2;
    }
    return new CsvImportCommand(out, err).post(endpoint, authorization, body, file);
  }

  private int post(URI endpoint, String authorization, byte[] body, Path file) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", authorization)
            .header("Content-Type", "text/csv; charset=utf-8")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.net.ConnectException e) {
      err.println(
          "import csv: cannot reach "
              + endpoint.getScheme()
              + "://"
              + endpoint.getAuthority()
              + " (is Podometer running?)");
      return 1;
    } catch (IOException e) {
      err.println("import csv: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      answer = null;
    }
    if (response.statusCode() / 100 != 2 || answer == null) {
      refused(file, response, answer);
      return 1;
    }
    out.println(summary(answer));
    answer.path("warnings").forEach(w -> out.println("  warning: " + w.asText()));
    return 0;
  }

  static String summary(JsonNode answer) {
    String listed = answer.path("name").asText(answer.path("kind").asText());
    if (answer.hasNonNull("orgVersion")) {
      JsonNode members = answer.path("members");
      return String.format(
          Locale.ROOT,
          "%s: %d rows; organization model %s (%d members added, %d updated, %d moved, pods added:"
              + " %s)",
          listed,
          answer.path("rows").asInt(),
          answer.path("orgChanged").asBoolean()
              ? "version " + answer.path("orgVersion").asLong() + " stored"
              : "unchanged, version " + answer.path("orgVersion").asLong(),
          members.path("added").size(),
          members.path("updated").size(),
          members.path("moved").size(),
          members.path("podsAdded").isEmpty() ? "none" : join(members.path("podsAdded")));
    }
    return String.format(
        Locale.ROOT,
        "%s: %d rows, %d events: %d accepted, %d duplicates, %d revisions",
        listed,
        answer.path("rows").asInt(),
        answer.path("events").asInt(),
        answer.path("accepted").asInt(),
        answer.path("duplicates").asInt(),
        answer.path("revisions").asInt());
  }

  private void refused(Path file, HttpResponse<String> response, JsonNode answer) {
    String detail =
        answer == null ? response.body() : answer.path("detail").asText(response.body());
    err.println(
        "import csv: " + file + " refused (" + response.statusCode() + "): " + detail.strip());
    if (answer != null && answer.path("errors").size() > 1) {
      answer.path("errors").forEach(e -> err.println("  " + e.path("message").asText()));
    }
    if (response.statusCode() / 100 == 4) {
      err.println("  nothing of the file was stored");
    }
  }

  private static String join(JsonNode values) {
    List<String> all = new java.util.ArrayList<>();
    values.forEach(v -> all.add(v.asText()));
    return String.join(", ", all);
  }

  /** $PODOMETER_TOKEN, else the CLI token for events, the bootstrap admin for members. */
  static String authorization(CsvKind kind, Map<String, String> env) {
    String token = env.get("PODOMETER_TOKEN");
    if (token != null && !token.isBlank()) {
      return "Bearer " + token.strip();
    }
    Path data = Path.of(env.getOrDefault("PODOMETER_DATA", "./data"));
    if (kind.changesOrgModel()) {
      Path file = data.resolve("admin-password");
      try {
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        return "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(
            "no admin credentials for a members import: set PODOMETER_TOKEN (an admin-scoped API"
                + " token) or run where "
                + file.toAbsolutePath()
                + " is readable");
      }
    }
    Path file = data.resolve("cli-token");
    try {
      return "Bearer " + Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "no API token: set PODOMETER_TOKEN, or start the server once so that it writes "
              + file.toAbsolutePath());
    }
  }
}
