package io.podometer.connectors.send;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code send [FILE] [options]}: posts NDJSON events (a file of any size, or stdin) to a running
 * Podometer in batches ({@link SendSettings} has the options and exit codes), with the API token of
 * PODOMETER_TOKEN or of the private file {@code cli-token} under PODOMETER_DATA (written at the
 * server's first start).
 */
public final class SendCommand {

  private SendCommand() {}

  public static void main(String[] args) {
    System.exit(
        run(args, System.in, System.out, System.err, System.getenv(), System.console() != null));
  }

  static int run(
      String[] args,
      InputStream stdin,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      boolean terminal) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        out.print(SendSettings.USAGE);
        return 0;
      }
    }
    SendSettings settings;
    try {
      settings = SendSettings.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("send: " + e.getMessage() + "\n\n" + SendSettings.USAGE);
      return 2;
    }
    String token;
    try {
      token = token(env);
    } catch (IllegalStateException e) {
      err.println("send: " + e.getMessage());
      return 2;
    }
    Path file = settings.file();
    try (InputStream in = file == null ? stdin : Files.newInputStream(file)) {
      long size = file != null && Files.isRegularFile(file) ? Files.size(file) : -1;
      boolean draw = settings.progress() != null ? settings.progress() : terminal;
      return new BatchSender(settings, token, out, err, new Progress(err, draw, size))
          .send(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 20));
    } catch (IOException e) {
      err.println("send: cannot read " + (file == null ? "stdin" : file) + ": " + e.getMessage());
      return 1;
    }
  }

  public static String token(Map<String, String> env) {
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
}
