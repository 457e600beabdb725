package io.podometer.connectors.vendorusage;

import io.podometer.connectors.send.BatchSender;
import io.podometer.connectors.send.SendSettings;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./podometer import claude-code|cursor (FILE… | --fetch --since DAY [--until DAY])}: a
 * vendor's daily usage — pages saved from its API, or fetched with an admin key — as whole-day
 * {@code agent.usage} events posted to a running Podometer. Every file is checked before anything
 * is sent.
 */
public final class VendorUsageImportCommand {

  static final String USAGE =
      """
      Usage: ./podometer import claude-code FILE... | --fetch --since DAY [--until DAY] [--api-url URL]
             ./podometer import cursor FILE...      | --fetch --since DAY [--until DAY] [--api-url URL]
             ./podometer import copilot FILE...     | --fetch (--org ORG | --enterprise SLUG) (--since DAY [--until DAY] | --latest)
             ./podometer import copilot-metrics FILE... (--org ORG | --enterprise SLUG)
             [--url URL]

      Imports an agent vendor's daily usage into a running Podometer as each person's usage days
      (a whole day's report: it replaces an earlier import of the day and stands over that day's
      telemetry). claude-code reads pages of Claude Code's analytics API
      (GET /v1/organizations/usage_report/claude_code); cursor reads Cursor's admin API daily usage
      (POST /teams/daily-usage-data); copilot reads GitHub Copilot's user-level usage-metrics
      reports (users-1-day, users-28-day: NDJSON behind the report's download_links; a day
      without a report is a gap) and keeps the organization's own totals (organization-1-day,
      enterprise-1-day rows) as the organization's days; copilot-metrics reads files saved from
      the older GET /orgs/{org}/copilot/metrics (switched off by GitHub on 2026-04-02) as the
      organization's days. FILE: an answer of the API (a report file) saved as is.
        --fetch            fetch from the vendor with the admin key in $ANTHROPIC_ADMIN_KEY
                           (claude-code), $CURSOR_ADMIN_KEY (cursor) or a GitHub token in
                           $GITHUB_TOKEN (copilot; an organization owner's, or with
                           read:org / manage_billing:copilot)
        --org ORG          the GitHub organization (copilot)
        --enterprise SLUG  or the GitHub enterprise: its users' reports (copilot)
        --since DAY        the first day to fetch (YYYY-MM-DD)
        --latest           copilot: the latest 28-day reports (users-28-day/latest and the
                           organization's or enterprise's), instead of a day at a time
        --until DAY        the last day to fetch (default yesterday, UTC)
        --api-url URL      the vendor's API (default https://api.anthropic.com,
                           https://api.cursor.com, https://api.github.com)
        --url URL          the Podometer server (default $PODOMETER_URL or http://localhost:8080)
      Credentials: $PODOMETER_TOKEN, else the CLI token (cli-token under $PODOMETER_DATA).
      Exit codes: 0 imported, 1 refused (every problem is printed; nothing is sent), the vendor
      refused or the server unreachable, 2 bad arguments, a file that cannot be read, no key.
      """;

  private VendorUsageImportCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv(), Clock.systemUTC()));
  }

  static int run(
      String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    if (args.length == 0
        || !(VendorApi.READERS.containsKey(args[0]) || args[0].equals("copilot-metrics"))) {
      return usage(err, "claude-code, cursor, copilot or copilot-metrics first");
    }
    String vendor = args[0];
    String url = env.getOrDefault("PODOMETER_URL", "http://localhost:8080");
    String api =
        switch (vendor) {
          case "claude-code" -> "https://api.anthropic.com";
          case "cursor" -> "https://api.cursor.com";
          default -> "https://api.github.com";
        };
    String org = null;
    String enterprise = null;
    boolean fetch = false;
    boolean latest = false;
    LocalDate since = null;
    LocalDate until = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
    List<Path> files = new ArrayList<>();
    try {
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--help", "-h" -> {
            out.print(USAGE);
            return 0;
          }
          case "--fetch" -> fetch = true;
          case "--latest" -> latest = true;
          case "--since" -> since = LocalDate.parse(value(args, ++i, "--since"));
          case "--until" -> until = LocalDate.parse(value(args, ++i, "--until"));
          case "--api-url" -> api = value(args, ++i, "--api-url");
          case "--org" -> org = value(args, ++i, "--org");
          case "--enterprise" -> enterprise = value(args, ++i, "--enterprise");
          case "--url" -> url = value(args, ++i, "--url");
          default -> {
            if (args[i].startsWith("--")) {
              return usage(err, "unknown argument '" + args[i] + "'");
            }
            files.add(Path.of(args[i]));
          }
        }
      }
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    } catch (DateTimeParseException e) {
      return usage(err, "a day is YYYY-MM-DD: " + e.getParsedString());
    }
    if (fetch == !files.isEmpty()) {
      return usage(err, "FILE... or --fetch, one of them");
    }
    if (latest && !(fetch && vendor.equals("copilot") && since == null)) {
      return usage(err, "--latest goes with copilot --fetch, without --since");
    }
    if (fetch && !latest && (since == null || since.isAfter(until))) {
      return usage(err, "--fetch needs --since DAY, no later than --until (" + until + ")");
    }
    if (fetch && vendor.equals("copilot") && (org == null) == (enterprise == null)) {
      return usage(err, "--fetch of copilot needs --org ORG or --enterprise SLUG");
    }
    boolean history = vendor.equals("copilot-metrics");
    if (history && fetch) {
      return usage(
          err,
          "GitHub switched /copilot/metrics off on 2026-04-02: import its saved files, and fetch"
              + " the usage reports with: import copilot --fetch");
    }
    if (history && (org == null) == (enterprise == null)) {
      return usage(
          err, "copilot-metrics needs --org ORG or --enterprise SLUG: whose days they are");
    }
    String account = org != null ? org : enterprise != null ? "enterprise:" + enterprise : null;
    List<CanonicalEvent> events = new ArrayList<>();
    String what = "import " + vendor;
    if (fetch) {
      String keyVar =
          switch (vendor) {
            case "claude-code" -> "ANTHROPIC_ADMIN_KEY";
            case "cursor" -> "CURSOR_ADMIN_KEY";
            default -> "GITHUB_TOKEN";
          };
      String key = env.get(keyVar);
      if (key == null || key.isBlank()) {
        err.println(what + ": $" + keyVar + " is not set (an admin key of the vendor)");
        return 2;
      }
      try {
        VendorApi vendorApi = new VendorApi(URI.create(api.replaceAll("/+$", "")), key.strip());
        List<LocalDate> gaps = new ArrayList<>();
        if (latest) {
          VendorApi.Latest read =
              vendorApi.copilotLatest(VendorApi.owner(org, enterprise), clock.instant());
          if (read.first() == null) {
            err.println(what + ": no 28-day report: check --org and the token's access");
            return 1;
          }
          since = read.first();
          until = read.last();
          gaps.addAll(read.gaps());
          events.addAll(read.events());
        } else {
          events.addAll(
              switch (vendor) {
                case "claude-code" -> vendorApi.claudeCode(since, until, clock.instant());
                case "cursor" -> vendorApi.cursor(since, until, clock.instant());
                default ->
                    org != null
                        ? vendorApi.copilot(org, since, until, clock.instant(), gaps)
                        : vendorApi.copilotEnterprise(
                            enterprise, since, until, clock.instant(), gaps);
              });
        }
        if (!gaps.isEmpty()) {
          long days = since.datesUntil(until.plusDays(1)).count();
          if (gaps.size() == days) {
            err.println(
                what
                    + ": no report for any day from "
                    + since
                    + " to "
                    + until
                    + ": check --org and the token's access to Copilot metrics");
            return 1;
          }
          out.println(
              "no report for "
                  + gaps.size()
                  + " day(s), left as gaps: "
                  + gaps.stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
        }
      } catch (UsageReport.Unreadable e) {
        err.println(what + ": the vendor's answer refused, nothing sent:");
        e.problems().forEach(p -> err.println("  " + p));
        return 1;
      } catch (IOException e) {
        err.println(what + ": " + e.getMessage());
        return 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    } else {
      List<String> problems = new ArrayList<>();
      for (Path file : files) {
        String text;
        try {
          text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          err.println(what + ": cannot read " + file + ": " + e.getMessage());
          return 2;
        }
        try {
          if (history) {
            events.addAll(CopilotOrgDays.readMetricsFile(text, account, clock.instant()));
          } else if (vendor.equals("copilot")) {
            events.addAll(CopilotUserReport.read(text, clock.instant(), account).events());
          } else {
            events.addAll(VendorApi.READERS.get(vendor).apply(text, clock.instant()).events());
          }
        } catch (UsageReport.Unreadable e) {
          e.problems().forEach(p -> problems.add(file + ": " + p));
        }
      }
      if (!problems.isEmpty()) {
        err.println(what + ": refused, nothing sent:");
        problems.forEach(p -> err.println("  " + p));
        return 1;
      }
    }
    long orgDays =
        events.stream().filter(e -> e.type().wireName().equals("agent.org_usage")).count();
    out.printf(
        "%d usage days read%s%n",
        events.size() - orgDays,
        orgDays > 0 ? " and " + orgDays + " day(s) of the organization as a whole" : "");
    if (events.isEmpty()) {
      return 0;
    }
    String token;
    try {
      token = io.podometer.connectors.send.SendCommand.token(env);
    } catch (IllegalStateException e) {
      err.println(what + ": " + e.getMessage());
      return 2;
    }
    EventCodec codec = new EventCodec();
    String lines = events.stream().map(codec::toJson).collect(Collectors.joining("\n", "", "\n"));
    try {
      URI endpoint = URI.create(url.replaceAll("/+$", "") + "/api/events");
      return new BatchSender(SendSettings.of(endpoint, 5000, 1, 5), token, out, err, (e, b) -> {})
          .send(new BufferedReader(new StringReader(lines)));
    } catch (IllegalArgumentException e) {
      return usage(err, "--url: not a URL: " + url);
    } catch (IOException e) {
      err.println(what + ": " + e.getMessage());
      return 1;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int usage(PrintStream err, String problem) {
    err.println("import: " + problem + "\n\n" + USAGE);
    return 2;
  }
}
