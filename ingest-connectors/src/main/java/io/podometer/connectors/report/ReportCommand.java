package io.podometer.connectors.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.connectors.send.SendCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code report weekly [options]}: prints a scope's weekly learn-and-kill report from a running
 * Podometer (the stored revision, written on the server if none is yet), with the API token of
 * PODOMETER_TOKEN or of {@code cli-token} under PODOMETER_DATA.
 */
public final class ReportCommand {

  static final String USAGE =
      """
      Usage: ./podometer report weekly [--week 2026-W47] [--scope org|pillar:ID|pod:ID]
                                       [--format md|html|json] [--revision N] [--url URL]
        --week W        an ISO week that has ended (default: last week, in the organization's zone)
        --scope S       org (default), pillar:<id> or pod:<id>
        --format F      md (default), html or json
        --revision N    a stored revision (default: the newest; the first is written if none is)
        --url URL       the server (default $PODOMETER_URL or http://localhost:8080)
      Prints the report on stdout. Exit codes: 0 printed, 1 refused or unreachable, 2 bad usage.
      """;

  private ReportCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv(), ReportCommand::fetch));
  }

  /** The server's answer: status and body. */
  record Answer(int status, String body) {}

  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Function<HttpRequest, Answer> client) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    if (!args[0].equals("weekly")) {
      err.println("report: unknown report '" + args[0] + "' (weekly)\n\n" + USAGE);
      return 2;
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("format", "md");
    String url = env.getOrDefault("PODOMETER_URL", "http://localhost:8080");
    for (int i = 1; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        out.print(USAGE);
        return 0;
      }
      if (i + 1 >= args.length) {
        err.println("report: " + option + " needs a value\n\n" + USAGE);
        return 2;
      }
      String value = args[++i];
      switch (option) {
        case "--week" -> query.put("week", value);
        case "--scope" -> query.put("scope", value);
        case "--format" -> query.put("format", value);
        case "--revision" -> query.put("revision", value);
        case "--url" -> url = value;
        default -> {
          err.println("report: unknown option " + option + "\n\n" + USAGE);
          return 2;
        }
      }
    }
    String token;
    try {
      token = SendCommand.token(env);
    } catch (IllegalStateException e) {
      err.println("report: " + e.getMessage());
      return 2;
    }
    StringBuilder target =
        new StringBuilder(url.replaceAll("/+$", "")).append("/api/reports/weekly");
    char separator = '?';
    for (Map.Entry<String, String> entry : query.entrySet()) {
      target
          .append(separator)
          .append(entry.getKey())
          .append('=')
          .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(target.toString()))
              .timeout(Duration.ofMinutes(2))
              .header("Authorization", "Bearer " + token)
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      err.println("report: --url: not a URL: " + url);
      return 2;
    }
    Answer answer = client.apply(request);
    if (answer == null) {
      err.println("report: cannot reach " + url + " (is the server running?)");
      return 1;
    }
    if (answer.status() / 100 != 2) {
      err.println("report: the server refused (" + answer.status() + "): " + detail(answer.body()));
      return 1;
    }
    out.print(answer.body());
    if (!answer.body().endsWith("\n")) {
      out.println();
    }
    return 0;
  }

  private static String detail(String body) {
    try {
      JsonNode problem = new ObjectMapper().readTree(body);
      return problem.path("detail").asText(body);
    } catch (IOException e) {
      return body;
    }
  }

  private static Answer fetch(HttpRequest request) {
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
