package io.podometer.connectors.git;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Objects;

/**
 * {@code ./podometer import git <path> [--repo owner/name] [--branch b]}: has a running Podometer
 * import a clone on its machine ({@code POST /api/sources/git}, or a re-import of the source that
 * already reads it) and follows the import until it ends.
 */
public final class GitImportCommand {

  static final String USAGE =
      """
      Usage: ./podometer import git PATH [--repo owner/name] [--branch BRANCH] [--url URL]

      Imports a local clone's history (bare or not) into a running Podometer on this machine:
      every commit reachable from the branch with its files' line counts, trailers, pull request
      numbers and git-ai notes (refs/notes/ai). Importing the same clone again reads only what is
      new since.
        --repo owner/name  the repository's name (default: read from the origin remote)
        --branch BRANCH    the branch (default: the default branch)
        --url URL          the server (default $PODOMETER_URL or http://localhost:8080)
      Credentials: $PODOMETER_TOKEN (admin-scoped), else the bootstrap admin's password in
      admin-password under $PODOMETER_DATA (default ./data).
      Exit codes: 0 imported, 1 refused or failed (the reason is printed), 2 bad arguments.
      """;

  private final AdminApi api;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final Duration poll;

  GitImportCommand(
      AdminApi api, PrintStream out, PrintStream err, boolean terminal, Duration poll) {
    this.api = api;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.poll = poll;
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

  /** Runs the command; returns its exit code. */
  public static int run(
      String[] args,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      boolean terminal,
      Duration poll) {
    if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
      (args.length == 0 ? err : out).print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String url = env.getOrDefault("PODOMETER_URL", "http://localhost:8080");
    String repo = null;
    String branch = null;
    String path = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--repo") || arg.equals("--branch") || arg.equals("--url")) {
        if (i + 1 >= args.length) {
          err.println("import git: " + arg + " needs a value");
          return 2;
        }
        String value = args[++i];
        switch (arg) {
          case "--repo" -> repo = value;
          case "--branch" -> branch = value;
          default -> url = value;
        }
      } else if (arg.startsWith("--")) {
        err.println("import git: unknown option '" + arg + "'\n\n" + USAGE);
        return 2;
      } else if (path == null) {
        path = arg;
      } else {
        err.println("import git: one PATH only\n\n" + USAGE);
        return 2;
      }
    }
    if (path == null) {
      err.println("import git: name the clone's PATH\n\n" + USAGE);
      return 2;
    }
    String authorization;
    try {
      authorization = AdminApi.adminAuthorization(env);
    } catch (IllegalStateException e) {
      err.println("import git: " + e.getMessage());
      return 2;
    }
    URI server;
    try {
      server = URI.create(url.replaceAll("/+$", "") + "/");
    } catch (IllegalArgumentException e) {
      err.println("import git: --url: not a URL: " + url);
      return 2;
    }
    GitImportCommand command =
        new GitImportCommand(new AdminApi(server, authorization), out, err, terminal, poll);
    try {
      return command.importClone(
          Path.of(path).toAbsolutePath().normalize().toString(), repo, branch);
    } catch (java.net.ConnectException e) {
      err.println("import git: cannot reach " + url + " (is Podometer running?)");
      return 1;
    } catch (IOException e) {
      err.println("import git: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  int importClone(String path, String repo, String branch)
      throws IOException, InterruptedException {
    String id = existing(path, repo, branch);
    if (id == null) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("path", path);
      if (repo != null) {
        body.put("repo", repo);
      }
      if (branch != null) {
        body.put("branch", branch);
      }
      JsonNode created =
          api.call("POST", "api/sources/git", EventCodec.mapper().writeValueAsString(body), 202);
      id = created.path("id").asText();
      out.println("added source " + id + ": " + path + " as " + created.path("repo").asText());
    } else {
      HttpResponse<String> started = api.send("POST", "api/sources/git/" + id + "/sync", "");
      if (started.statusCode() != 202 && started.statusCode() != 409) {
        throw AdminApi.failure(started);
      }
    }
    JsonNode source;
    do {
      Thread.sleep(poll.toMillis());
      source = api.call("GET", "api/sources/git/" + id, null, 200);
      if (terminal) {
        err.print("\r" + line(source.path("progress")) + "     ");
        err.flush();
      }
    } while (source.path("state").asText().equals("running"));
    if (terminal) {
      err.println();
    }
    JsonNode progress = source.path("progress");
    String state = source.path("state").asText("unknown");
    out.printf(
        Locale.ROOT,
        "import of %s (%s) %s: %,d commits%n",
        id,
        source.path("repo").asText(),
        state,
        progress.path("itemsDone").asLong());
    progress.path("warnings").forEach(w -> out.println("  warning: " + w.asText()));
    long more = progress.path("warningsTotal").asLong() - progress.path("warnings").size();
    if (more > 0) {
      out.println("  and " + more + " more warnings (GET /api/sources/git/" + id + ")");
    }
    if (!state.equals("done")) {
      out.println("  last error: " + source.path("lastError").asText("none"));
      return 1;
    }
    return 0;
  }

  /** The id of the source that reads this clone as this repository and branch, or null. */
  private String existing(String path, String repo, String branch)
      throws IOException, InterruptedException {
    for (JsonNode source : api.call("GET", "api/sources/git", null, 200)) {
      if (path.equals(source.path("path").asText())
          && (repo == null || repo.equals(source.path("repo").asText()))
          && Objects.equals(branch, source.path("branch").asText(null))) {
        return source.path("id").asText();
      }
    }
    return null;
  }

  static String line(JsonNode progress) {
    if (progress.isMissingNode() || progress.isNull()) {
      return "starting…";
    }
    long total = progress.path("itemsTotal").asLong(0);
    return String.format(
        Locale.ROOT,
        "%s · %,d%s commits · %,.0f commits/s",
        progress.path("state").asText().toLowerCase(Locale.ROOT),
        progress.path("itemsDone").asLong(),
        total > 0 ? String.format(Locale.ROOT, " of %,d", total) : "",
        progress.path("itemsPerSecond").asDouble());
  }
}
