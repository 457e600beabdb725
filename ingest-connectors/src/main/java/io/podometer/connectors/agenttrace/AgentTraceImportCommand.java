package io.podometer.connectors.agenttrace;

import io.podometer.connectors.send.BatchSender;
import io.podometer.connectors.send.SendSettings;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./podometer import agent-trace FILE --repo owner/name}: reads Agent Trace records (a file,
 * or a clone whose {@code .agent-trace/traces.jsonl} holds them) into one {@code
 * commit.attribution} event per revision and posts them to a running Podometer ({@code POST
 * /api/events}). Checked whole first: one bad record and nothing is sent.
 */
public final class AgentTraceImportCommand {

  static final String USAGE =
      """
      Usage: ./podometer import agent-trace FILE --repo owner/name [--url URL]

      Imports Agent Trace records (agent-trace.dev) into a running Podometer: the lines each git
      revision's records attribute to an AI contributor become that commit's line-level AI
      authorship (source "line"). FILE is a JSON Lines file (one record a line, as
      .agent-trace/traces.jsonl), a JSON array of records or one record; a directory stands for its
      .agent-trace/traces.jsonl. Records of one revision are united (a line counts once); a later
      import of the same revision replaces what an earlier one (or a git-ai note) said of it.
        --repo owner/name  the repository the revisions are commits of (records do not name it)
        --url URL          the server (default $PODOMETER_URL or http://localhost:8080)
      Credentials: $PODOMETER_TOKEN, else the CLI token (cli-token under $PODOMETER_DATA, default
      ./data).
      Exit codes: 0 imported, 1 refused (every problem is printed; nothing is sent) or the server
      unreachable, 2 bad arguments, a file that cannot be read, or no credentials.
      """;

  private AgentTraceImportCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    String url = env.getOrDefault("PODOMETER_URL", "http://localhost:8080");
    String repo = null;
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help", "-h" -> {
          out.print(USAGE);
          return 0;
        }
        case "--repo" -> {
          if (++i >= args.length) {
            return usage(err, "--repo needs owner/name");
          }
          repo = args[i];
        }
        case "--url" -> {
          if (++i >= args.length) {
            return usage(err, "--url needs a URL");
          }
          url = args[i];
        }
        default -> {
          if (args[i].startsWith("--") || file != null) {
            return usage(err, "unknown argument '" + args[i] + "'");
          }
          file = Path.of(args[i]);
        }
      }
    }
    if (file == null) {
      return usage(err, "FILE missing");
    }
    try {
      repo = AgentTraceRecords.repository(repo);
    } catch (IllegalArgumentException e) {
      return usage(
          err, "--repo owner/name missing or malformed" + (repo == null ? "" : ": " + repo));
    }
    if (Files.isDirectory(file)) {
      file = file.resolve(".agent-trace").resolve("traces.jsonl");
    }
    String text;
    try {
      text = Utf8Text.decode(Files.readAllBytes(file));
    } catch (IOException e) {
      err.println("import agent-trace: cannot read " + file + ": " + e.getMessage());
      return 2;
    } catch (Utf8Text.Malformed e) {
      err.println("import agent-trace: " + file + " line " + e.line() + ": " + e.getMessage());
      return 2;
    }
    AgentTraceRecords.Read read;
    try {
      read = AgentTraceRecords.read(text, repo);
    } catch (AgentTraceRecords.Unreadable e) {
      err.println("import agent-trace: " + file + " refused, nothing sent:");
      e.problems().forEach(problem -> err.println("  " + problem));
      return 1;
    }
    String token;
    try {
      token = io.podometer.connectors.send.SendCommand.token(env);
    } catch (IllegalStateException e) {
      err.println("import agent-trace: " + e.getMessage());
      return 2;
    }
    URI endpoint;
    try {
      endpoint = URI.create(url.replaceAll("/+$", "") + "/api/events");
    } catch (IllegalArgumentException e) {
      return usage(err, "--url: not a URL: " + url);
    }
    EventCodec codec = new EventCodec();
    String lines =
        read.events().stream().map(codec::toJson).collect(Collectors.joining("\n", "", "\n"));
    out.printf(
        "%d records read: %d commits with line-level attribution%n",
        read.records(), read.events().size());
    try {
      return new BatchSender(SendSettings.of(endpoint, 5000, 1, 5), token, out, err, (e, b) -> {})
          .send(new BufferedReader(new StringReader(lines)));
    } catch (IOException e) {
      err.println("import agent-trace: " + e.getMessage());
      return 1;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("import agent-trace: " + problem + "\n\n" + USAGE);
    return 2;
  }
}
