package io.podometer.connectors.vendorusage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Fetches a vendor's daily usage with an admin key: Claude Code's analytics API (a day at a time,
 * following {@code next_page}) or Cursor's admin API (30 days a request). A {@code 429} or {@code
 * 5xx} is tried again after the {@code Retry-After} it names (at most 3 times); any other refusal
 * stops the fetch with the vendor's status and message.
 */
public final class VendorApi {

  /** A refusal from the vendor (its status and what it said). */
  public static final class Refused extends IOException {
    public Refused(String message) {
      super(message);
    }
  }

  private static final int ATTEMPTS = 3;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
  private final URI base;
  private final String key;

  public VendorApi(URI base, String key) {
    this.base = base;
    this.key = key;
  }

  /** Claude Code's usage of every day from {@code first} to {@code last}. */
  public List<io.podometer.engine.event.CanonicalEvent> claudeCode(
      LocalDate first, LocalDate last, Instant now) throws IOException, InterruptedException {
    List<io.podometer.engine.event.CanonicalEvent> events = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      String cursor = null;
      do {
        String query =
            "starting_at=" + day + "&limit=1000" + (cursor == null ? "" : "&page=" + cursor);
        HttpRequest request =
            HttpRequest.newBuilder(
                    base.resolve("/v1/organizations/usage_report/claude_code?" + query))
                .header("x-api-key", key)
                .header("anthropic-version", "2023-06-01")
                .header("User-Agent", "Podometer/0.1")
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        UsageReport page = ClaudeCodeAnalytics.read(send(request), now);
        events.addAll(page.events());
        cursor =
            page.nextPage() == null
                ? null
                : java.net.URLEncoder.encode(page.nextPage(), StandardCharsets.UTF_8);
      } while (cursor != null);
    }
    return events;
  }

  /** Cursor's usage of every day from {@code first} to {@code last}. */
  public List<io.podometer.engine.event.CanonicalEvent> cursor(
      LocalDate first, LocalDate last, Instant now) throws IOException, InterruptedException {
    List<io.podometer.engine.event.CanonicalEvent> events = new ArrayList<>();
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(30)) {
      LocalDate to = from.plusDays(29).isAfter(last) ? last : from.plusDays(29);
      long start = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      long end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve("/teams/daily-usage-data"))
              .header("Authorization", basic)
              .header("Content-Type", "application/json")
              .header("User-Agent", "Podometer/0.1")
              .timeout(Duration.ofSeconds(60))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"startDate\":" + start + ",\"endDate\":" + end + "}"))
              .build();
      events.addAll(CursorDailyUsage.read(send(request), now).events());
    }
    return events;
  }

  private String send(HttpRequest request) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status == 200) {
        return response.body();
      }
      boolean again = status == 429 || status >= 500;
      if (!again || attempt == ATTEMPTS) {
        String body = response.body() == null ? "" : response.body().strip();
        throw new Refused(
            request.method()
                + " "
                + request.uri().getPath()
                + ": "
                + status
                + (body.isEmpty()
                    ? ""
                    : " " + (body.length() > 300 ? body.substring(0, 300) : body)));
      }
      long wait = response.headers().firstValueAsLong("Retry-After").orElse(attempt * 2L);
      Thread.sleep(Math.min(wait, 60) * 1000);
    }
  }

  /**
   * Copilot's user-level usage of every day from {@code first} to {@code last}: each day's {@code
   * users-1-day} report, its files read from their signed links (without the GitHub token, which is
   * not theirs to see). A day without a report is a gap, listed in {@code gaps}.
   */
  public List<io.podometer.engine.event.CanonicalEvent> copilot(
      String org, LocalDate first, LocalDate last, Instant now, List<LocalDate> gaps)
      throws IOException, InterruptedException {
    return copilotReports(
        "/orgs/" + java.net.URLEncoder.encode(org, StandardCharsets.UTF_8), first, last, now, gaps);
  }

  /**
   * As {@link #copilot(String, LocalDate, LocalDate, Instant, List)}, for an enterprise's users.
   */
  public List<io.podometer.engine.event.CanonicalEvent> copilotEnterprise(
      String enterprise, LocalDate first, LocalDate last, Instant now, List<LocalDate> gaps)
      throws IOException, InterruptedException {
    return copilotReports(
        "/enterprises/" + java.net.URLEncoder.encode(enterprise, StandardCharsets.UTF_8),
        first,
        last,
        now,
        gaps);
  }

  private List<io.podometer.engine.event.CanonicalEvent> copilotReports(
      String owner, LocalDate first, LocalDate last, Instant now, List<LocalDate> gaps)
      throws IOException, InterruptedException {
    List<io.podometer.engine.event.CanonicalEvent> events = new ArrayList<>();
    boolean enterprise = owner.startsWith("/enterprises/");
    String account =
        java.net.URLDecoder.decode(
            owner.substring(owner.indexOf('/', 1) + 1), StandardCharsets.UTF_8);
    account = enterprise ? "enterprise:" + account : account;
    String whole = enterprise ? "enterprise-1-day" : "organization-1-day";
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      // the organization's own totals of the day, kept apart from its people's (no gap counted:
      // the people's report says whether the day is there)
      for (String file : reportFiles(owner + "/copilot/metrics/reports/" + whole + "?day=" + day)) {
        events.addAll(CopilotUserReport.read(file, now, account).events());
      }
      List<String> people = reportFiles(owner + "/copilot/metrics/reports/users-1-day?day=" + day);
      if (people.isEmpty()) {
        gaps.add(day);
      }
      for (String file : people) {
        events.addAll(CopilotUserReport.read(file, now).events());
      }
    }
    return events;
  }

  /** GitHub's page size for seat lists: its maximum. */
  static final int SEAT_PAGE = 100;

  /**
   * Every Copilot seat of an organization ({@code /orgs/ORG}) or enterprise ({@code
   * /enterprises/SLUG}), page after page until one comes back short.
   */
  public SeatListing copilotSeats(String owner) throws IOException, InterruptedException {
    SeatListing listing = new SeatListing();
    for (int page = 1; ; page++) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  base.resolve(
                      owner + "/copilot/billing/seats?per_page=" + SEAT_PAGE + "&page=" + page))
              .header("Authorization", "Bearer " + key)
              .header("Accept", "application/vnd.github+json")
              .header("X-GitHub-Api-Version", "2022-11-28")
              .header("User-Agent", "Podometer/0.1")
              .timeout(Duration.ofSeconds(60))
              .GET()
              .build();
      if (listing.addPage(send(request)) < SEAT_PAGE) {
        return listing;
      }
    }
  }

  /** {@code /orgs/ORG} or {@code /enterprises/SLUG}, escaped. */
  static String owner(String org, String enterprise) {
    return org != null
        ? "/orgs/" + java.net.URLEncoder.encode(org, StandardCharsets.UTF_8)
        : "/enterprises/" + java.net.URLEncoder.encode(enterprise, StandardCharsets.UTF_8);
  }

  /** The files behind a report's download links; none when GitHub has no report. */
  private List<String> reportFiles(String path) throws IOException, InterruptedException {
    return files(report(path));
  }

  /** A report's answer (its period and download links), or null when GitHub has none. */
  private com.fasterxml.jackson.databind.JsonNode report(String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + key)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "Podometer/0.1")
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    String answer = sendAllowingNoReport(request);
    return answer == null ? null : io.podometer.engine.event.EventCodec.mapper().readTree(answer);
  }

  /** The files behind a report's signed links, read without the GitHub token. */
  private List<String> files(com.fasterxml.jackson.databind.JsonNode report)
      throws IOException, InterruptedException {
    List<String> files = new ArrayList<>();
    if (report == null) {
      return files;
    }
    for (com.fasterxml.jackson.databind.JsonNode link : report.path("download_links")) {
      files.add(
          send(
              HttpRequest.newBuilder(URI.create(link.asText()))
                  .header("User-Agent", "Podometer/0.1")
                  .timeout(Duration.ofSeconds(120))
                  .GET()
                  .build()));
    }
    return files;
  }

  /** The latest 28 days of Copilot's reports: their events, their period, and its days without. */
  public record Latest(
      List<io.podometer.engine.event.CanonicalEvent> events,
      LocalDate first,
      LocalDate last,
      List<LocalDate> gaps) {}

  /**
   * Copilot's latest 28-day reports of an organization ({@code /orgs/ORG}) or enterprise: its
   * people's days ({@code users-28-day/latest}) and its own totals ({@code
   * organization-28-day/latest}, {@code enterprise-28-day/latest}); a day of the period without any
   * person's row is a gap.
   */
  public Latest copilotLatest(String owner, Instant now) throws IOException, InterruptedException {
    boolean enterprise = owner.startsWith("/enterprises/");
    String name =
        java.net.URLDecoder.decode(
            owner.substring(owner.indexOf('/', 1) + 1), StandardCharsets.UTF_8);
    String account = enterprise ? "enterprise:" + name : name;
    List<io.podometer.engine.event.CanonicalEvent> events = new ArrayList<>();
    String whole = enterprise ? "enterprise-28-day" : "organization-28-day";
    for (String file : reportFiles(owner + "/copilot/metrics/reports/" + whole + "/latest")) {
      events.addAll(CopilotUserReport.read(file, now, account).events());
    }
    com.fasterxml.jackson.databind.JsonNode people =
        report(owner + "/copilot/metrics/reports/users-28-day/latest");
    if (people == null) {
      return new Latest(events, null, null, List.of());
    }
    java.util.Set<LocalDate> seen = new java.util.HashSet<>();
    for (String file : files(people)) {
      for (io.podometer.engine.event.CanonicalEvent day :
          CopilotUserReport.read(file, now).events()) {
        events.add(day);
        if (day.data() instanceof io.podometer.engine.event.EventData.AgentUsage usage) {
          seen.add(usage.day());
        }
      }
    }
    LocalDate first = day(people, "report_start_day");
    LocalDate last = day(people, "report_end_day");
    List<LocalDate> gaps = new ArrayList<>();
    if (first != null && last != null) {
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        if (!seen.contains(d)) {
          gaps.add(d);
        }
      }
    }
    return new Latest(events, first, last, gaps);
  }

  private static LocalDate day(com.fasterxml.jackson.databind.JsonNode report, String field) {
    try {
      return report.hasNonNull(field) ? LocalDate.parse(report.get(field).asText()) : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** The answer, or null when the vendor has no report for what was asked (204, 404). */
  private String sendAllowingNoReport(HttpRequest request)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 204 || response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() == 200) {
      return response.body();
    }
    return send(request);
  }

  /** What {@link #claudeCode}, {@link #cursor} and {@link #copilot} read from saved files. */
  static final Map<String, BiFunction<String, Instant, UsageReport>> READERS =
      Map.of(
          "claude-code", ClaudeCodeAnalytics::read,
          "cursor", CursorDailyUsage::read,
          "copilot", CopilotUserReport::read);
}
