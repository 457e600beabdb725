package io.podometer.connectors.vendorusage;

import io.podometer.connectors.send.SendCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./podometer import copilot-seats (FILE… | --fetch) (--org ORG | --enterprise SLUG)}: the
 * Copilot seats of an organization or enterprise — pages of GitHub's seat list saved as they came,
 * or fetched with a token — as the whole current listing, put to a running Podometer ({@code PUT
 * /api/sources/seats/copilot?account=…}), which ends the seats of that account it no longer lists.
 * Every page is read before anything is sent.
 */
public final class SeatImportCommand {

  static final String USAGE =
      """
      Usage: ./podometer import copilot-seats FILE... | --fetch   (--org ORG | --enterprise SLUG)
             [--api-url URL] [--url URL]

      Imports who holds a GitHub Copilot seat (GET /orgs/{org}/copilot/billing/seats, or
      /enterprises/{slug}/…: assignee, created_at, last_activity_at, last_activity_editor,
      pending_cancellation_date) into a running Podometer, as the account's whole listing: a seat
      it held before and no longer lists has ended; each seat's last activity is kept as a day of
      use. Seats feed seat_utilization, idle_seats (and their cost with org.seatPrices) and
      days_to_first_ai_use. FILE: pages of the seat list saved as they came (all of them).
        --fetch            fetch every page with a GitHub token in $GITHUB_TOKEN (an organization
                           owner's, or with manage_billing:copilot or read:org; read:enterprise)
        --org ORG          the organization billed for the seats
        --enterprise SLUG  or the enterprise
        --api-url URL      GitHub's API (default https://api.github.com)
        --url URL          the Podometer server (default $PODOMETER_URL or http://localhost:8080)
      Credentials: $PODOMETER_TOKEN, else the CLI token (cli-token under $PODOMETER_DATA).
      Exit codes: 0 imported, 1 refused (every problem is printed; nothing is sent), GitHub refused
      or the server unreachable, 2 bad arguments, a file that cannot be read, no token.
      """;

  private SeatImportCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    String url = env.getOrDefault("PODOMETER_URL", "http://localhost:8080");
    String api = "https://api.github.com";
    String org = null;
    String enterprise = null;
    boolean fetch = false;
    List<Path> files = new ArrayList<>();
    int first = args.length > 0 && args[0].equals("copilot-seats") ? 1 : 0;
    try {
      for (int i = first; i < args.length; i++) {
        switch (args[i]) {
          case "--help", "-h" -> {
            out.print(USAGE);
            return 0;
          }
          case "--fetch" -> fetch = true;
          case "--org" -> org = value(args, ++i, "--org");
          case "--enterprise" -> enterprise = value(args, ++i, "--enterprise");
          case "--api-url" -> api = value(args, ++i, "--api-url");
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
    }
    if (fetch == !files.isEmpty()) {
      return usage(err, "FILE... or --fetch, one of them");
    }
    if ((org == null) == (enterprise == null)) {
      return usage(err, "--org ORG or --enterprise SLUG: the account billed for the seats");
    }
    String account = org != null ? org : "enterprise:" + enterprise;
    String what = "import copilot-seats";
    SeatListing listing = new SeatListing();
    if (fetch) {
      String key = env.get("GITHUB_TOKEN");
      if (key == null || key.isBlank()) {
        err.println(what + ": $GITHUB_TOKEN is not set");
        return 2;
      }
      try {
        listing =
            new VendorApi(URI.create(api.replaceAll("/+$", "")), key.strip())
                .copilotSeats(VendorApi.owner(org, enterprise));
      } catch (SeatListing.Unreadable e) {
        err.println(what + ": GitHub's answer refused, nothing sent:");
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
        try {
          listing.addPage(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          err.println(what + ": cannot read " + file + ": " + e.getMessage());
          return 2;
        } catch (SeatListing.Unreadable e) {
          e.problems().forEach(p -> problems.add(file + ": " + p));
        }
      }
      if (!problems.isEmpty()) {
        err.println(what + ": refused, nothing sent:");
        problems.forEach(p -> err.println("  " + p));
        return 1;
      }
    }
    if (listing.incomplete() != null) {
      err.println(what + ": refused, nothing sent: " + listing.incomplete());
      return 1;
    }
    out.printf(
        "%d seats read%s%n",
        listing.seats().size(),
        listing.notAPerson() > 0
            ? " (" + listing.notAPerson() + " assigned to no person, left out)"
            : "");
    String token;
    try {
      token = SendCommand.token(env);
    } catch (IllegalStateException e) {
      err.println(what + ": " + e.getMessage());
      return 2;
    }
    URI endpoint;
    try {
      endpoint =
          URI.create(
              url.replaceAll("/+$", "")
                  + "/api/sources/seats/copilot?account="
                  + URLEncoder.encode(account, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return usage(err, "--url: not a URL: " + url);
    }
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(20))
              .build()
              .send(
                  HttpRequest.newBuilder(endpoint)
                      .header("Authorization", "Bearer " + token)
                      .header("Content-Type", "application/json")
                      .timeout(Duration.ofMinutes(5))
                      .PUT(HttpRequest.BodyPublishers.ofString(listing.toJson()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        err.println(
            what + ": the server answered " + response.statusCode() + ": " + response.body());
        return 1;
      }
      out.println(response.body());
      return 0;
    } catch (IOException e) {
      err.println(what + ": " + endpoint.getHost() + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
    err.println("import copilot-seats: " + problem + "\n\n" + USAGE);
    return 2;
  }
}
