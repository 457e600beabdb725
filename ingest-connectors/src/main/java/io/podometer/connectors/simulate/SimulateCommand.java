package io.podometer.connectors.simulate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code simulate --engineers N --weeks W [--seed S] [--now INSTANT] [--org-out FILE]}: writes the
 * demo organization's events to stdout as NDJSON (one compact UTF-8 JSON object per line) and
 * nothing else; the organization YAML to FILE if asked. Exit codes: 0 done, 1 I/O failure, 2 bad
 * arguments.
 */
public final class SimulateCommand {
  static final String USAGE =
      """
      Usage: ./podometer simulate [--engineers N] [--weeks W] [--seed S] [--now INSTANT] [--org-out FILE]

      Writes a demo organization's canonical events (NDJSON, one per line) to stdout.

        --engineers N   engineers to simulate, %d..%d (default %d)
        --weeks W       ISO weeks ending with the current one, 1..%d (default %d)
        --seed S        random seed, a whole number (default %d); same arguments, same output
        --now INSTANT   the simulated "now", e.g. 2026-03-04T12:00:00Z (default: the system clock)
        --org-out FILE  also write the organization (YAML, shape of org.example.yaml) to FILE
        --help          this text
      """
          .formatted(
              SimulationSettings.MIN_ENGINEERS,
              SimulationSettings.MAX_ENGINEERS,
              SimulationSettings.DEFAULT_ENGINEERS,
              SimulationSettings.MAX_WEEKS,
              SimulationSettings.DEFAULT_WEEKS,
              SimulationSettings.DEFAULT_SEED);

  private SimulateCommand() {}

  public static void main(String[] args) {
    int status = run(args, new FileOutputStream(FileDescriptor.out), System.err);
    System.exit(status);
  }

  /** Runs the command; returns the exit code. {@code out} is flushed, not closed. */
  static int run(String[] args, OutputStream out, PrintStream err) {
    int engineers = SimulationSettings.DEFAULT_ENGINEERS;
    int weeks = SimulationSettings.DEFAULT_WEEKS;
    long seed = SimulationSettings.DEFAULT_SEED;
    Clock clock = Clock.systemUTC();
    Path orgOut = null;
    SimulationSettings settings;
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (option.equals("--help") || option.equals("-h")) {
          PrintStream help = new PrintStream(out, true, StandardCharsets.UTF_8);
          help.print(USAGE);
          help.flush();
          return 0;
        }
        if (!option.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument '" + option + "'");
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args[++i];
        switch (option) {
          case "--engineers" -> engineers = whole(option, value);
          case "--weeks" -> weeks = whole(option, value);
          case "--seed" -> seed = number(option, value);
          case "--now" -> clock = Clock.fixed(instant(value), ZoneOffset.UTC);
          case "--org-out" -> orgOut = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      settings = new SimulationSettings(engineers, weeks, seed, clock);
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
      err.println("Try './podometer simulate --help'.");
      return 2;
    }
    DemoOrganization demo = new DemoOrganization(settings);
    try {
      if (orgOut != null) {
        Files.writeString(orgOut, demo.orgYaml(), StandardCharsets.UTF_8);
      }
      writeEvents(demo, out);
      return 0;
    } catch (IOException | UncheckedIOException e) {
      err.println("simulate: cannot write: " + e.getMessage());
      return 1;
    }
  }

  /** The organization's events as NDJSON (UTF-8, one compact object per line) to {@code out}. */
  public static void writeEvents(DemoOrganization demo, OutputStream out) throws IOException {
    // emoji in commit messages go out as UTF-8, not as escaped surrogate pairs
    ObjectMapper mapper =
        new ObjectMapper(
            JsonFactory.builder()
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build());
    BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
    try (JsonGenerator json = mapper.getFactory().createGenerator(buffered, JsonEncoding.UTF8)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setRootValueSeparator(null);
      demo.events(
          event -> {
            try {
              mapper.writeTree(json, event);
              json.writeRaw('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    buffered.flush();
  }

  private static int whole(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'");
    }
  }

  private static long number(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'");
    }
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--now must be an ISO-8601 instant such as 2026-03-04T12:00:00Z, got '" + value + "'");
    }
  }
}
