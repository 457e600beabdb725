package io.podometer.web.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.git.GitImport;
import io.podometer.connectors.git.GitRepositories;
import io.podometer.connectors.git.GitSource;
import io.podometer.connectors.source.SourceProgress;
import io.podometer.engine.event.EventCodec;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.security.Secrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.lib.Repository;

/**
 * Local git clones as sources: checked when added (a repository, its branch, its name), imported in
 * the background, and imported again incrementally on request.
 */
@ApplicationScoped
public class GitSources {

  static final String KIND = "git";

  @Inject ObjectMapper json;
  @Inject SourceSyncs syncs;
  @Inject PodometerConfig config;
  @Inject Clock clock;

  /** A git source as the API shows it, with its import's state and progress. */
  public record View(
      String id,
      String kind,
      String path,
      String repo,
      String branch,
      String createdBy,
      Instant createdAt,
      String state,
      Instant lastImportAt,
      String lastError,
      SourceProgress.Snapshot progress) {}

  /**
   * Adds the clone and starts its import.
   *
   * @throws IllegalArgumentException naming the field when the clone, branch or name do not hold
   */
  public View create(GitSourceRequest request, String actor) {
    String repo = request.repo();
    try (Repository repository = GitRepositories.open(request.path())) {
      GitRepositories.head(repository, request.branch());
      if (repo == null) {
        repo =
            GitRepositories.repoName(repository)
                .filter(name -> GitSourceRequest.REPO.matcher(name).matches())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "repo: required (owner/name): the clone has no origin remote to read"
                                + " it from"));
      }
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new IllegalArgumentException(
          message.startsWith("repo:")
              ? message
              : (message.startsWith("no branch") || message.contains("no commit on HEAD")
                      ? "branch: "
                      : "path: ")
                  + message);
    } catch (IOException e) {
      throw new IllegalArgumentException("path: the clone cannot be read: " + e.getMessage());
    }
    String id =
        KIND + "-" + Secrets.random(6).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
    ObjectNode settings = json.createObjectNode();
    settings.put("path", request.path());
    settings.put("repo", repo);
    settings.put("branch", request.branch());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              SourceEntity entity = new SourceEntity();
              entity.id = id;
              entity.kind = KIND;
              entity.settings = settings.toString();
              entity.secret = "";
              entity.createdBy = actor;
              entity.createdAt = clock.instant();
              entity.persist();
            });
    importAgain(id);
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

  /** Whether {@code id} is a git source. */
  public boolean isOne(String id) {
    SourceEntity entity =
        QuarkusTransaction.requiringNew().call(() -> SourceEntity.<SourceEntity>findById(id));
    return entity != null && KIND.equals(entity.kind);
  }

  /** Imports what is new since the last import, in the background; false while one runs. */
  public boolean importAgain(String id) {
    return syncs.start(id, connector(source(entity(id))));
  }

  public boolean await(String id, java.time.Duration timeout) throws InterruptedException {
    return syncs.await(id, timeout);
  }

  public void delete(String id) {
    entity(id);
    syncs.cancel(id);
    SourceEntity.delete(id);
  }

  private GitImport connector(GitSource source) {
    return new GitImport(source, new EventCodec(clock, config.ingest().timeHorizon()));
  }

  private View view(SourceEntity entity) {
    GitSource source = source(entity);
    SourceProgress.Snapshot progress = syncs.snapshot(entity.id);
    String state;
    if (syncs.syncing(entity.id)) {
      state = "running";
    } else if (progress != null) {
      state = progress.state() == SourceProgress.State.FAILED ? "failed" : "done";
    } else if (entity.lastState != null) {
      state = entity.lastState;
    } else {
      state = "waiting";
    }
    return new View(
        entity.id,
        entity.kind,
        source.path(),
        source.repo(),
        source.branch(),
        entity.createdBy,
        entity.createdAt,
        state,
        entity.lastSyncAt,
        progress != null ? progress.lastError() : entity.lastError,
        progress);
  }

  private GitSource source(SourceEntity entity) {
    try {
      JsonNode settings = json.readTree(entity.settings);
      return new GitSource(
          entity.id,
          settings.path("path").asText(),
          settings.path("repo").asText(),
          settings.path("branch").isTextual() ? settings.path("branch").asText() : null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored settings of " + entity.id + " do not parse", e);
    }
  }

  private static List<SourceEntity> entities() {
    return SourceEntity.ofKind(KIND);
  }

  private static SourceEntity entity(String id) {
    return SourceEntity.ofKind(id, KIND, "git source");
  }
}
