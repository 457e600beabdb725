package io.podometer.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Podometer's own settings (environment variables in brackets). */
@ConfigMapping(prefix = "podometer")
public interface PodometerConfig {

  /** Directory for the embedded database and private files (PODOMETER_DATA, default ./data). */
  @WithDefault("./data")
  String data();

  /** Load the demo organization into an empty database at start (PODOMETER_DEMO). */
  @WithDefault("true")
  boolean demo();

  /** YAML file with the organization model, re-imported when its content changes. */
  Optional<String> orgFile();

  Ingest ingest();

  Figures figures();

  Auth auth();

  Retention retention();

  Limits limits();

  GitHub github();

  Reports reports();

  interface Reports {
    /**
     * The hour of Monday (0–23, the organization's time zone) from which last week's reports are
     * generated, for the organization, every pillar and every pod (PODOMETER_REPORTS_WEEKLY_HOUR);
     * a server down then generates them when it is back.
     */
    @WithDefault("6")
    int weeklyHour();

    /** Generate last week's reports automatically (PODOMETER_REPORTS_AUTOMATIC). */
    @WithDefault("true")
    boolean automatic();

    /**
     * A chat webhook (Slack-compatible: a JSON {"text": …} is posted) that receives the
     * organization's report as Markdown each time one is generated (PODOMETER_REPORTS_WEBHOOK_URL).
     */
    Optional<java.net.URI> webhookUrl();
  }

  interface GitHub {
    /**
     * The secrets GitHub signs webhook deliveries with, comma-separated; several are active while
     * one is rotated (PODOMETER_GITHUB_WEBHOOK_SECRETS). Without one, every delivery is refused.
     */
    Optional<java.util.List<String>> webhookSecrets();

    /**
     * How often every GitHub source is synced (PODOMETER_GITHUB_SYNC_INTERVAL); the first time a
     * minute after the start, so a sync a restart cut short resumes. {@code PT0S}: only on request.
     */
    @WithDefault("PT1H")
    java.time.Duration syncInterval();
  }

  interface Auth {
    /**
     * People sign in through OpenID Connect instead of local users (PODOMETER_OIDC); the
     * quarkus.oidc.* settings name the provider. API tokens work in both modes.
     */
    @WithDefault("false")
    boolean oidc();

    /**
     * The bootstrap admin's password (PODOMETER_ADMIN_PASSWORD); without it a random one is written
     * once to admin-password under the data directory.
     */
    Optional<String> adminPassword();

    /** How long a browser session lasts (PODOMETER_AUTH_SESSION_DURATION). */
    @WithDefault("PT12H")
    java.time.Duration sessionDuration();

    /** Failed logins per user name or client address before logins are refused for a while. */
    @WithDefault("5")
    int maxLoginFailures();

    /** The window over which failed logins are counted, and how long the refusal lasts. */
    @WithDefault("PT15M")
    java.time.Duration loginFailureWindow();
  }

  interface Retention {
    /**
     * Raw events older than this (by occurredAt) are deleted daily
     * (PODOMETER_RETENTION_RAW_EVENTS).
     */
    @WithDefault("P730D")
    java.time.Duration rawEvents();

    /**
     * Personal facts (agent usage days, meeting weeks, pulse answers) older than this are deleted
     * daily, and aggregates recomputed (PODOMETER_RETENTION_PERSONAL_FACTS).
     */
    @WithDefault("P730D")
    java.time.Duration personalFacts();

    /**
     * Payloads kept as sources delivered them (webhook deliveries, fetched pages) are deleted this
     * long after they arrived (PODOMETER_RETENTION_RAW_PAYLOADS); a remap re-derives events from
     * those still kept.
     */
    @WithDefault("P90D")
    java.time.Duration rawPayloads();
  }

  interface Limits {
    /**
     * Largest request body on routes other than ingestion and the organization model
     * (PODOMETER_LIMITS_REQUEST_BODY). Ingestion takes up to quarkus.http.limits.max-body-size.
     */
    @WithDefault("64K")
    io.quarkus.runtime.configuration.MemorySize requestBody();

    /** Largest organization model accepted by PUT /api/org (PODOMETER_LIMITS_ORG_MODEL). */
    @WithDefault("16M")
    io.quarkus.runtime.configuration.MemorySize orgModel();

    /** Largest webhook delivery (PODOMETER_LIMITS_WEBHOOK_BODY); GitHub sends up to 25 MB. */
    @WithDefault("25M")
    io.quarkus.runtime.configuration.MemorySize webhookBody();

    /**
     * Largest CSV file imported through POST /api/sources/csv/{kind} (PODOMETER_LIMITS_CSV_BODY):
     * room for 100,000 deployment rows, as many events as one request may store.
     */
    @WithDefault("16M")
    io.quarkus.runtime.configuration.MemorySize csvBody();

    /**
     * Largest Agent Trace file posted to POST /api/sources/agent-trace
     * (PODOMETER_LIMITS_AGENT_TRACE_BODY).
     */
    @WithDefault("16M")
    io.quarkus.runtime.configuration.MemorySize agentTraceBody();

    /**
     * Largest OpenTelemetry export posted to /v1/metrics or /v1/logs, as sent and once inflated
     * when gzipped (PODOMETER_LIMITS_OTLP_BODY).
     */
    @WithDefault("8M")
    io.quarkus.runtime.configuration.MemorySize otlpBody();

    /**
     * Largest seat listing put to /api/sources/seats (PODOMETER_LIMITS_SEAT_LISTING_BODY): a
     * 100,000-seat listing is about 20 MB.
     */
    @WithDefault("32M")
    io.quarkus.runtime.configuration.MemorySize seatListingBody();
  }

  interface Figures {
    /** ISO weeks of figures kept, ending with the current one (PODOMETER_FIGURES_WEEKS). */
    @WithDefault("104")
    int weeks();

    /**
     * Recompute every figure from the facts at start instead of serving the stored ones
     * (PODOMETER_FIGURES_RECOMPUTE_ON_START).
     */
    @WithDefault("false")
    boolean recomputeOnStart();

    /**
     * While batches keep arriving (a bulk load), an update that would recompute many weeks waits
     * for ingestion to pause, at most this long (PODOMETER_FIGURES_MAX_LAG); meanwhile the API and
     * pages say the figures are catching up.
     */
    @WithDefault("PT3M")
    java.time.Duration maxLag();
  }

  /** The OpenTelemetry receiver (/v1/metrics, /v1/logs). */
  Otlp otlp();

  interface Otlp {
    /**
     * Other agents' metrics counted as usage, beside Claude Code's (PODOMETER_OTLP_METRIC_MAP):
     * {@code metric=field} or {@code metric[attribute=value]=field}, separated by commas, e.g.
     * {@code gen_ai.client.token.usage=tokens}. The agent is named by the resource's service.name.
     */
    Optional<String> metricMap();

    /** Cumulative series remembered to turn their points into increases (PODOMETER_OTLP_SERIES). */
    @WithDefault("200000")
    int series();
  }

  interface Ingest {
    /** Largest number of events one request may carry (PODOMETER_INGEST_MAX_EVENTS). */
    @WithDefault("100000")
    int maxEventsPerRequest();

    /**
     * How far after now an event's moments may lie (PODOMETER_INGEST_TIME_HORIZON): clocks drift,
     * the year 10000 is not a clock drifting.
     */
    @WithDefault("P1D")
    java.time.Duration timeHorizon();
  }
}
