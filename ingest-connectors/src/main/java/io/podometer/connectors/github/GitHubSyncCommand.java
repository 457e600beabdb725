package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.connectors.source.AdminApi;
import io.podometer.engine.event.EventCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./podometer github sync <owner/repo>…}: asks a running Podometer to sync these
 * repositories from GitHub — adding them as a source first, with $GITHUB_TOKEN, when no source
 * reads them yet — and draws the sync's progress on the terminal until it ends.
 */
public final class GitHubSyncCommand {

  static final String USAGE =
      """
      Usage: ./podometer github sync OWNER/REPO… [--api-url URL] [--url URL] [--no-commit-details]
                                 [--app-id ID --app-key-file FILE]

      Syncs GitHub repositories into a running Podometer: the source reading them is created when
      there is none (its token is $GITHUB_TOKEN: a fine-grained token with read access to pull
      requests, contents, actions, deployments and issues), then synced; the progress (events,
      events/s, a rate-limit wait, the last error) is drawn until the sync ends.

        --api-url URL        GitHub's API (default https://api.github.com; GitHub Enterprise
                             Server: https://HOST/api/v3)
        --url URL            the Podometer server (default $PODOMETER_URL or http://localhost:8080)
        --no-commit-details  do not fetch each commit for its files and line counts
        --app-id ID          read as a GitHub App instead of with $GITHUB_TOKEN: its id, and
        --app-key-file FILE  its private key (the .pem GitHub gave), a path the server can read
        --help               this text

      Podometer is called as an admin: $PODOMETER_TOKEN (an API token with the admin scope), or the
      bootstrap admin with the password in admin-password under $PODOMETER_DATA (default ./data).
      Exit codes: 0 the sync ended done, 1 it failed (the reason is printed), 2 bad arguments or no
      credentials.
      """;

  private static final ObjectMapper JSON = EventCodec.mapper();

  private final URI server;
  private final String authorization;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final Duration poll;
  private final AdminApi api;

  GitHubSyncCommand(
      URI server,
      String authorization,
      PrintStream out,
      PrintStream err,
      boolean terminal,
      Duration poll) {
    this.server = server;
    this.authorization = authorization;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.poll = poll;
    this.api = new AdminApi(server, authorization);
  }

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            System.getenv(),
            System.out,
            System.err,
            System.console() != null,
            Duration.ofMillis(500)));
  }

  static int run(
      String[] args,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      boolean terminal,
      Duration poll) {
    if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    if (!args[0].equals("sync")) {
      err.println("github: unknown command '" + args[0] + "'\n\n" + USAGE);
      return 2;
    }
    String url = env.getOrDefault("PODOMETER_URL", "http://localhost:8080");
    String apiUrl = null;
    boolean commitDetails = true;
    String appId = null;
    String appKey = null;
    List<String> repos = new java.util.ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = i + 1 < args.length ? args[++i] : null;
        case "--api-url" -> apiUrl = i + 1 < args.length ? args[++i] : null;
        case "--no-commit-details" -> commitDetails = false;
        case "--app-id" -> appId = i + 1 < args.length ? args[++i] : "";
        case "--app-key-file" ->
            appKey = i + 1 < args.length ? Path.of(args[++i]).toAbsolutePath().toString() : "";
        default -> {
          if (!args[i].matches("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}")) {
            err.println("github sync: not a repository's owner/name: '" + args[i] + "'");
            return 2;
          }
          repos.add(args[i]);
        }
      }
    }
    if ((appId == null) != (appKey == null)) {
      err.println("github sync: --app-id and --app-key-file go together");
      return 2;
    }
    if (url == null || repos.isEmpty()) {
      err.println(
          "github sync: "
              + (url == null ? "--url needs a value" : "name a repository")
              + "\n\n"
              + USAGE);
      return 2;
    }
    String authorization;
    try {
      authorization = AdminApi.adminAuthorization(env);
    } catch (IllegalStateException e) {
      err.println("github sync: " + e.getMessage());
      return 2;
    }
    GitHubSyncCommand command =
        new GitHubSyncCommand(
            URI.create(url.replaceAll("/+$", "")), authorization, out, err, terminal, poll);
    try {
      Map<String, String> app =
          appId == null ? null : Map.of("id", appId, "privateKeyFile", appKey);
      return command.sync(repos, apiUrl, commitDetails, env.get("GITHUB_TOKEN"), app);
    } catch (java.net.ConnectException e) {
      err.println("github sync: cannot reach " + url + " (is Podometer running?)");
      return 1;
    } catch (IOException e) {
      err.println("github sync: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  int sync(
      List<String> repos,
      String apiUrl,
      boolean commitDetails,
      String gitHubToken,
      Map<String, String> app)
      throws IOException, InterruptedException {
    String id = existing(repos, apiUrl);
    if (id == null) {
      if (app == null && (gitHubToken == null || gitHubToken.isBlank())) {
        err.println(
            "github sync: no source reads "
                + repos
                + " yet; set GITHUB_TOKEN (or give --app-id and --app-key-file) to add one");
        return 2;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("repos", repos);
      if (app != null) {
        body.put("app", app);
      } else {
        body.put("token", gitHubToken.strip());
      }
      body.put("commitDetails", commitDetails);
      if (apiUrl != null) {
        body.put("apiUrl", apiUrl);
      }
      JsonNode created =
          api.call("POST", "/api/sources/github", JSON.writeValueAsString(body), 201);
      id = created.path("id").asText();
      out.println("added source " + id + " for " + String.join(", ", repos));
    }
    HttpResponse<String> started = api.send("POST", "/api/sources/github/" + id + "/sync", "");
    if (started.statusCode() != 202 && started.statusCode() != 409) {
      throw AdminApi.failure(started);
    }
    JsonNode source;
    long events = 0;
    do {
      Thread.sleep(poll.toMillis());
      source = api.call("GET", "/api/sources/github/" + id, null, 200);
      JsonNode progress = source.path("progress");
      events = progress.path("itemsDone").asLong(events);
      if (terminal) {
        err.print("\r" + line(progress) + "     ");
        err.flush();
      }
    } while (source.path("syncing").asBoolean());
    if (terminal) {
      err.println();
    }
    String state = source.path("lastState").asText("unknown");
    out.printf(Locale.ROOT, "sync of %s %s: %,d events%n", id, state, events);
    JsonNode stopped = source.path("progress").path("stoppedStreams");
    stopped
        .fields()
        .forEachRemaining(
            f -> out.println("  stopped " + f.getKey() + ": " + f.getValue().asText()));
    if (!state.equals("done")) {
      out.println("  last error: " + source.path("lastError").asText("none"));
      return 1;
    }
    return 0;
  }

  /** The id of a source reading exactly these repositories from this API, or null. */
  private String existing(List<String> repos, String apiUrl)
      throws IOException, InterruptedException {
    String apiBase = apiUrl == null ? GitHubSource.GITHUB_COM : apiUrl.replaceAll("/+$", "");
    for (JsonNode source : this.api.call("GET", "/api/sources/github", null, 200)) {
      List<String> reads = new java.util.ArrayList<>();
      source.path("repos").forEach(r -> reads.add(r.asText()));
      if (reads.containsAll(repos) && apiBase.equals(source.path("apiUrl").asText())) {
        return source.path("id").asText();
      }
    }
    return null;
  }

  static String line(JsonNode progress) {
    if (progress.isMissingNode() || progress.isNull()) {
      return "starting…";
    }
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s · %,d events · %,.1f events/s",
                progress.path("state").asText().toLowerCase(Locale.ROOT),
                progress.path("itemsDone").asLong(),
                progress.path("itemsPerSecond").asDouble()));
    if (progress.hasNonNull("waitingUntil")) {
      line.append(" · waiting until ")
          .append(progress.path("waitingUntil").asText())
          .append(" (")
          .append(progress.path("waitingFor").asText())
          .append(')');
    }
    if (progress.hasNonNull("lastError")) {
      line.append(" · last error: ").append(progress.path("lastError").asText());
    }
    return line.toString();
  }
}
