package io.podometer.web.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.github.GitHubBackfill;
import io.podometer.connectors.github.GitHubSettings;
import io.podometer.connectors.github.GitHubSource;
import io.podometer.connectors.source.SourceProgress;
import io.podometer.engine.event.EventCodec;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.org.OrgService;
import io.podometer.web.security.Secrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * GitHub sources: created with their repositories and token, synced in the background one sync per
 * source at a time, their progress kept in memory and how their last sync ended stored.
 */
@ApplicationScoped
public class GitHubSources {

  private static final Logger LOG = Logger.getLogger(GitHubSources.class);
  static final String KIND = "github";

  @Inject ObjectMapper json;
  @Inject OrgService orgs;
  @Inject PodometerConfig config;
  @Inject Clock clock;

  @Inject SourceSyncs syncs;
  @Inject RawPayloadStore payloads;

  private volatile Map<String, String> secretsBySource;

  /** A source as the API shows it: never its token. */
  public record View(
      String id,
      String kind,
      String apiUrl,
      List<String> repos,
      boolean commitDetails,
      String appId,
      boolean webhookSecretSet,
      String createdBy,
      Instant createdAt,
      Instant lastSyncAt,
      String lastState,
      String lastError,
      boolean syncing,
      SourceProgress.Snapshot progress,
      long payloadsKept) {}

  private java.util.concurrent.ScheduledExecutorService timer;

  void stop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** Syncs every source on the configured interval (none when it is zero). */
  public void startSchedule() {
    java.time.Duration every = config.github().syncInterval();
    if (every.isZero() || every.isNegative()) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "podometer-github-schedule");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        this::syncAll, 60, Math.max(60, every.toSeconds()), java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Waits until the source's running sync (if any) has ended and its outcome is stored. */
  public boolean awaitSync(String id, java.time.Duration timeout) throws InterruptedException {
    return syncs.await(id, timeout);
  }

  /** Starts a sync of every source that is not syncing; returns how many started. */
  public int syncAll() {
    int started = 0;
    try {
      for (SourceEntity entity : entities()) {
        if (sync(entity.id)) {
          started++;
        }
      }
    } catch (RuntimeException e) {
      LOG.errorf(e, "scheduled GitHub syncs not started; tried again at the next interval");
    }
    return started;
  }

  public View create(GitHubSourceRequest request, String actor) {
    String id =
        KIND + "-" + Secrets.random(6).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
    ObjectNode settings = json.createObjectNode();
    settings.put(
        "apiUrl", new GitHubSource(id, request.apiUrl(), request.repos(), "-", true).apiUrl());
    if (request.app() != null) {
      // the key stays where the admin keeps it; it is read at each sync, and checked now
      privateKey(request.app().privateKeyFile(), request.app().privateKeyEnv());
      ObjectNode app = settings.putObject("app");
      app.put("id", request.app().id());
      app.put("privateKeyFile", request.app().privateKeyFile());
      app.put("privateKeyEnv", request.app().privateKeyEnv());
    }
    settings.set("repos", json.valueToTree(request.repos()));
    settings.put("commitDetails", request.commitDetails());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              SourceEntity entity = new SourceEntity();
              entity.id = id;
              entity.kind = KIND;
              entity.settings = settings.toString();
              entity.secret = request.token() == null ? "" : request.token();
              entity.webhookSecret = request.webhookSecret();
              entity.createdBy = actor;
              entity.createdAt = clock.instant();
              entity.persist();
            });
    secretsBySource = null;
    return view(id);
  }

  public List<View> list() {
    List<View> views = new ArrayList<>();
    for (SourceEntity entity : entities()) {
      views.add(view(entity));
    }
    return views;
  }

  public View view(String id) {
    return view(entity(id));
  }

  /** Starts a sync in the background; false when one is running already. */
  public boolean sync(String id) {
    return syncs.start(id, backfill(source(entity(id))));
  }

  public void delete(String id) {
    entity(id);
    syncs.cancel(id);
    SourceEntity.delete(id);
    secretsBySource = null;
  }

  /** Sources were changed behind this service's back (a test emptying the store). */
  public void forgetSecrets() {
    secretsBySource = null;
  }

  /** The webhook secrets set on sources, each with its source (read again after a change). */
  public Map<String, String> webhookSecrets() {
    Map<String, String> cached = secretsBySource;
    if (cached != null) {
      return cached;
    }
    Map<String, String> secrets = new java.util.LinkedHashMap<>();
    for (SourceEntity entity : entities()) {
      if (entity.webhookSecret != null) {
        secrets.putIfAbsent(entity.webhookSecret, entity.id);
      }
    }
    secretsBySource = Map.copyOf(secrets);
    return secretsBySource;
  }

  /** The source's connector, for a remap of its kept pages and deliveries. */
  public java.util.Optional<GitHubBackfill> connector(String id) {
    SourceEntity entity =
        QuarkusTransaction.requiringNew().call(() -> SourceEntity.<SourceEntity>findById(id));
    return entity == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(backfill(source(entity)));
  }

  private GitHubBackfill backfill(GitHubSource source) {
    return new GitHubBackfill(
        source,
        GitHubSettings.from(orgs.current().model()),
        new EventCodec(clock, config.ingest().timeHorizon()));
  }

  private GitHubSource source(SourceEntity entity) {
    try {
      JsonNode settings = json.readTree(entity.settings);
      List<String> repos = new ArrayList<>();
      settings.path("repos").forEach(r -> repos.add(r.asText()));
      JsonNode app = settings.path("app");
      if (app.isObject()) {
        String pem;
        try {
          pem =
              privateKey(
                  app.path("privateKeyFile").asText(null), app.path("privateKeyEnv").asText(null));
        } catch (IllegalArgumentException e) {
          // the sync says why: the key is no PEM key
          pem = "";
        }
        return new GitHubSource(
            entity.id,
            settings.path("apiUrl").asText(null),
            repos,
            null,
            new io.podometer.connectors.github.GitHubApp(app.path("id").asText(), pem),
            settings.path("commitDetails").asBoolean(true));
      }
      return new GitHubSource(
          entity.id,
          settings.path("apiUrl").asText(null),
          repos,
          entity.secret,
          settings.path("commitDetails").asBoolean(true));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored settings of " + entity.id + " do not parse", e);
    }
  }

  /** The App's private key from its file or variable; a 400 naming which when it is not there. */
  static String privateKey(String file, String env) {
    if (file != null) {
      try {
        String pem = java.nio.file.Files.readString(java.nio.file.Path.of(file));
        if (!pem.contains("PRIVATE KEY-----")) {
          throw new IllegalArgumentException(
              "app.privateKeyFile: " + file + " holds no PEM private key");
        }
        return pem;
      } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
        throw new IllegalArgumentException("app.privateKeyFile: cannot read " + file);
      }
    }
    String pem = System.getenv(env);
    if (pem == null || !pem.contains("PRIVATE KEY-----")) {
      throw new IllegalArgumentException("app.privateKeyEnv: " + env + " holds no PEM private key");
    }
    return pem;
  }

  private View view(SourceEntity entity) {
    GitHubSource source = source(entity);
    return new View(
        entity.id,
        entity.kind,
        source.apiUrl(),
        source.repos(),
        source.commitDetails(),
        source.app() == null ? null : source.app().appId(),
        entity.webhookSecret != null,
        entity.createdBy,
        entity.createdAt,
        entity.lastSyncAt,
        entity.lastState,
        entity.lastError,
        syncs.syncing(entity.id),
        syncs.snapshot(entity.id),
        payloads.count(entity.id));
  }

  private static List<SourceEntity> entities() {
    return SourceEntity.ofKind(KIND);
  }

  private static SourceEntity entity(String id) {
    return SourceEntity.ofKind(id, KIND, "GitHub source");
  }
}
