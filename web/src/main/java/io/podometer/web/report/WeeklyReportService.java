package io.podometer.web.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pillar;
import io.podometer.engine.org.Pod;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.antipattern.FlagEntity;
import io.podometer.web.bet.BetFacts;
import io.podometer.web.bet.BetService;
import io.podometer.web.config.ConfigurationError;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.figures.FigureService;
import io.podometer.web.org.OrgService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Weekly learn-and-kill reports (SPEC §7): written for a scope's week on demand or, for the week
 * just ended, early every Monday for the organization, each pillar and each pod; stored as
 * immutable revisions (a regeneration is the next revision and says what moved); the organization's
 * posted to a chat webhook when one is configured.
 */
@ApplicationScoped
public class WeeklyReportService {

  private static final Logger LOG = Logger.getLogger(WeeklyReportService.class);
  static final String SCHEDULER = "scheduler";

  /** How long without new events before the Monday run writes (a load may be under way). */
  static final Duration QUIET = Duration.ofMinutes(2);

  /** How long past the hour the Monday run waits for such a quiet moment before writing anyway. */
  static final Duration LOAD_PATIENCE = Duration.ofHours(3);

  /** What a chat message holds, with room to spare under Slack's 40,000 characters. */
  static final int CHAT_LIMIT = 39_000;

  @Inject OrgService orgService;
  @Inject FigureService figures;
  @Inject io.podometer.web.store.FactQueries facts;
  @Inject BetFacts betFacts;
  @Inject BetService bets;
  @Inject PodometerConfig config;
  @Inject ObjectMapper json;
  @Inject Clock clock;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** One stored revision, without its content. */
  public record Stored(String scope, String week, int revision, Instant generatedAt, String by) {}

  /** Checks the settings at start: a bad one stops the server, naming it. */
  public void start() {
    int hour = config.reports().weeklyHour();
    if (hour < 0 || hour > 23) {
      throw new ConfigurationError(
          "PODOMETER_REPORTS_WEEKLY_HOUR must be an hour of the day, 0 to 23; was " + hour);
    }
    config
        .reports()
        .webhookUrl()
        .ifPresent(
            url -> {
              String scheme = url.getScheme() == null ? "" : url.getScheme();
              if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
                throw new ConfigurationError(
                    "PODOMETER_REPORTS_WEBHOOK_URL must be an http(s) URL; was " + url);
              }
            });
  }

  /** The newest revision of a scope's week (or the one asked for), if stored. */
  public WeeklyReport stored(ScopeId scope, IsoWeek week, Integer revision) {
    WeeklyReportEntity entity =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    revision == null
                        ? WeeklyReportEntity.<WeeklyReportEntity>find(
                                "scope = ?1 and week = ?2 order by revision desc",
                                scope.toString(),
                                week.toString())
                            .firstResult()
                        : WeeklyReportEntity.<WeeklyReportEntity>find(
                                "scope = ?1 and week = ?2 and revision = ?3",
                                scope.toString(),
                                week.toString(),
                                revision)
                            .firstResult());
    return entity == null ? null : read(entity.content);
  }

  /** Every stored revision, newest week first. */
  public List<Stored> archive(String scope) {
    List<WeeklyReportEntity> all =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    scope == null
                        ? WeeklyReportEntity.<WeeklyReportEntity>list(
                            "order by week desc, scope, revision desc")
                        : WeeklyReportEntity.<WeeklyReportEntity>list(
                            "scope = ?1 order by week desc, revision desc", scope));
    return all.stream()
        .map(e -> new Stored(e.scope, e.week, e.revision, e.generatedAt, e.generatedBy))
        .toList();
  }

  /**
   * Writes and stores a new revision of a scope's week: the first, or the next saying what moved
   * since the one before.
   */
  public WeeklyReport generate(ScopeId scope, IsoWeek week, String by) {
    return posted(store(scope, week, by, false));
  }

  /** The newest stored revision, or the first one written now. */
  public WeeklyReport storedOrGenerated(ScopeId scope, IsoWeek week, String by) {
    WeeklyReport stored = stored(scope, week, null);
    if (stored != null) {
      return stored;
    }
    WeeklyReport written = store(scope, week, by, true);
    return written != null ? posted(written) : stored(scope, week, null);
  }

  /** Posts the organization's report to the chat, outside the lock: a slow chat holds up none. */
  private WeeklyReport posted(WeeklyReport report) {
    if (report.scope().equals(ScopeId.ORG.toString())) {
      config.reports().webhookUrl().ifPresent(url -> post(url, report));
    }
    return report;
  }

  /**
   * Writes and stores the next revision — or, {@code firstOnly}, nothing (null) when another
   * request has written one meanwhile. One at a time, so two revisions never take one number.
   */
  private synchronized WeeklyReport store(
      ScopeId scope, IsoWeek week, String by, boolean firstOnly) {
    WeeklyReport previous = stored(scope, week, null);
    if (firstOnly && previous != null) {
      return null;
    }
    WeeklyReportBuilder builder =
        new WeeklyReportBuilder(
            new WeeklyReportBuilder.Inputs(
                orgService.current(),
                figures.figures(),
                betFacts.read(),
                bets.histories(),
                bets.latestDecisions(),
                QuarkusTransaction.requiringNew()
                    .call(() -> FlagEntity.<FlagEntity>list("week", week.toString())),
                figures.dataAsOf().orElse(null),
                clock.instant()));
    WeeklyReport written = builder.build(scope, week, by);
    WeeklyReport report =
        previous == null
            ? written
            : written.asRevision(previous.revision() + 1, ReportMoves.between(previous, written));
    WeeklyReportEntity entity = new WeeklyReportEntity();
    entity.scope = report.scope();
    entity.week = report.week();
    entity.revision = report.revision();
    entity.generatedAt = report.generatedAt();
    entity.generatedBy = by;
    entity.content = write(report);
    QuarkusTransaction.requiringNew().run(entity::persist);
    LOG.infof("weekly report %s %s revision %d written (%s)", scope, week, report.revision(), by);
    return report;
  }

  @Scheduled(
      every = "5m",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    if (!config.reports().automatic() || figures.figures() == null) {
      return;
    }
    Instant now = clock.instant();
    // a report is kept as written: not from figures behind their facts, nor in the middle of a
    // load (events arriving this minute), unless that has lasted hours past the hour
    if (figures.status().catchingUp()) {
      return;
    }
    Instant lastEvent = facts.lastWritten().orElse(Instant.EPOCH);
    ZoneId zone = orgService.current().model().org().timeZone();
    Instant due = dueAt(dueWeek(now, zone, config.reports().weeklyHour()), zone);
    if (lastEvent.isAfter(now.minus(QUIET)) && now.isBefore(due.plus(LOAD_PATIENCE))) {
      return;
    }
    try {
      weeklyRun(now);
    } catch (RuntimeException e) {
      LOG.errorf(e, "the weekly reports could not be written; trying again in 5 minutes");
    }
  }

  /**
   * Writes the reports of the week that has ended, once the configured hour of Monday has come (the
   * week before it, until then), unless the organization's is stored: the organization's, each
   * pillar's and each pod's.
   *
   * @return how many were written
   */
  public int weeklyRun(Instant now) {
    OrgModel org = orgService.current().model();
    ZoneId zone = org.org().timeZone();
    IsoWeek week = dueWeek(now, zone, config.reports().weeklyHour());
    if (stored(ScopeId.ORG, week, null) != null) {
      return 0;
    }
    List<ScopeId> scopes = new ArrayList<>();
    scopes.add(ScopeId.ORG);
    org.pillars().stream().map(Pillar::id).map(ScopeId::pillar).forEach(scopes::add);
    org.pods().stream().map(Pod::id).map(ScopeId::pod).forEach(scopes::add);
    // the organization's last: stored, it marks the week done
    scopes.add(scopes.remove(0));
    int written = 0;
    for (ScopeId scope : scopes) {
      if (stored(scope, week, null) == null) {
        generate(scope, week, SCHEDULER);
        written++;
      }
    }
    return written;
  }

  /** When the reports of {@code week} fall due: the configured hour of the Monday after it. */
  private Instant dueAt(IsoWeek week, ZoneId zone) {
    return week.plusWeeks(1)
        .monday()
        .atStartOfDay(zone)
        .plusHours(config.reports().weeklyHour())
        .toInstant();
  }

  /** The week whose reports are due at {@code now}: last week from Monday's hour on. */
  static IsoWeek dueWeek(Instant now, ZoneId zone, int hour) {
    ZonedDateTime local = now.atZone(zone);
    IsoWeek current = IsoWeek.of(now, zone);
    ZonedDateTime due =
        current.monday().atStartOfDay(zone).with(java.time.temporal.ChronoField.HOUR_OF_DAY, hour);
    boolean mondayBeforeHour = local.getDayOfWeek() == DayOfWeek.MONDAY && local.isBefore(due);
    return current.plusWeeks(mondayBeforeHour ? -2 : -1);
  }

  private void post(URI url, WeeklyReport report) {
    try {
      String body =
          json.writeValueAsString(
              Map.of("text", forChat(MarkdownReport.of(report), report, CHAT_LIMIT)));
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(Duration.ofSeconds(20))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() / 100 != 2) {
        LOG.warnf(
            "the chat webhook answered %d to the report of %s; it is stored all the same",
            answer.statusCode(), report.week());
      }
    } catch (java.io.IOException e) {
      LOG.warnf(
          "the chat webhook could not be reached (%s); the report of %s is stored all the same",
          e.getMessage(), report.week());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The report as a chat message: whole when it fits (Slack cuts a message's text at 40,000
   * characters), else cut at the last line that fits, saying where the whole report is.
   */
  static String forChat(String markdown, WeeklyReport report, int limit) {
    if (markdown.length() <= limit) {
      return markdown;
    }
    String where =
        "\n… the report goes on: /reports/weekly?scope="
            + report.scope()
            + "&week="
            + report.week()
            + "&revision="
            + report.revision()
            + " (or ./podometer report weekly --scope "
            + report.scope()
            + " --week "
            + report.week()
            + ")\n";
    int cut = markdown.lastIndexOf('\n', limit - where.length());
    return markdown.substring(0, Math.max(cut, 0)) + where;
  }

  private WeeklyReport read(String content) {
    try {
      return json.readValue(content, WeeklyReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored report does not read: " + e.getMessage(), e);
    }
  }

  private String write(WeeklyReport report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report does not write as JSON", e);
    }
  }
}
