package io.podometer.web.org;

import io.podometer.engine.org.OrgLoadResult;
import io.podometer.engine.org.OrgModelLoader;
import io.podometer.web.store.Durable;
import io.podometer.web.store.OrgVersionEntity;
import io.podometer.web.store.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The organization model in force: the newest stored version. A {@code PUT} or a changed file
 * stores a new version; an invalid one is refused and the current one stays.
 */
@ApplicationScoped
public class OrgService {

  private static final Logger LOG = Logger.getLogger(OrgService.class);
  static final String EMPTY_ORG = "org:\n  name: My organization\n";

  @Inject Clock clock;
  @Inject jakarta.enterprise.event.Event<OrgChanged> orgChanged;

  @Inject io.podometer.web.config.PodometerConfig config;

  private OrgModelLoader loader;

  /** Reads versions already stored: accepted once, they load after every upgrade. */
  private OrgModelLoader storedLoader;

  private volatile OrgSnapshot current;

  /** Reads models up to the upload limit (PODOMETER_LIMITS_ORG_MODEL), files included. */
  @jakarta.annotation.PostConstruct
  void createLoader() {
    long limit = config.limits().orgModel().asLongValue();
    int chars = (int) Math.min(Integer.MAX_VALUE - 16, limit);
    loader =
        new OrgModelLoader(chars)
            .checkingNewVersions(id -> io.podometer.engine.figure.MetricId.fromId(id).isPresent());
    storedLoader = new OrgModelLoader(chars);
  }

  /** The model in force; never null once the application has started. */
  public OrgSnapshot current() {
    OrgSnapshot snapshot = current;
    if (snapshot == null) {
      snapshot = reloadLatest();
    }
    return snapshot;
  }

  /** Reads the newest stored version, or the empty default organization when none is stored. */
  @Transactional
  public synchronized OrgSnapshot reloadLatest() {
    OrgVersionEntity latest = OrgVersionEntity.latest();
    if (latest == null) {
      OrgLoadResult empty = loader.load(EMPTY_ORG, "default");
      current = new OrgSnapshot(0, "default", empty.model(), empty.warnings());
    } else {
      OrgLoadResult result = storedLoader.load(latest.content, "version " + latest.version);
      current = new OrgSnapshot(latest.version, latest.origin, result.model(), result.warnings());
    }
    return current;
  }

  /**
   * Validates and stores {@code text} as a new version (unless it equals the version in force).
   *
   * @throws io.podometer.engine.org.OrgValidationException naming each bad entry and field
   */
  @Transactional
  @Durable
  public synchronized OrgSnapshot store(String text, String origin, String sourceName) {
    return store(text, origin, sourceName, null);
  }

  /**
   * As {@link #store(String, String, String)}, read as JSON when {@code mediaType} says so (its
   * errors then named as JSON's), else as YAML.
   */
  @Transactional
  @Durable
  public synchronized OrgSnapshot store(
      String text, String origin, String sourceName, String mediaType) {
    OrgLoadResult result = loader.load(text, sourceName, mediaType);
    String hash = Sha256.hex(text);
    OrgVersionEntity latest = OrgVersionEntity.latest();
    if (latest != null && latest.contentHash.equals(hash)) {
      current = new OrgSnapshot(latest.version, latest.origin, result.model(), result.warnings());
      return current;
    }
    OrgVersionEntity entity = new OrgVersionEntity();
    entity.origin = origin;
    entity.sourceName = sourceName;
    entity.contentHash = hash;
    entity.content = text;
    entity.warnings = String.join("\n", result.warnings());
    entity.createdAt = clock.instant();
    entity.persist();
    result.warnings().forEach(warning -> LOG.warnf("organization model: %s", warning));
    current = new OrgSnapshot(entity.version, origin, result.model(), result.warnings());
    orgChanged.fire(new OrgChanged(entity.version));
    LOG.infof("organization model version %d stored (%s, %s)", entity.version, origin, sourceName);
    return current;
  }

  /**
   * Stores, as a new version, the model in force changed by {@code change} — read, changed and
   * stored under this service's lock, so two changes made at once both hold. Written as JSON, which
   * reads many times faster than YAML.
   *
   * @param change the new model from the one in force; it may refuse by throwing
   */
  @Transactional
  @Durable
  public synchronized OrgSnapshot update(
      java.util.function.UnaryOperator<io.podometer.engine.org.OrgModel> change,
      String origin,
      String sourceName) {
    io.podometer.engine.org.OrgModel changed = change.apply(current().model());
    String json = new io.podometer.engine.org.OrgModelWriter().toJson(changed);
    return store(json, origin, sourceName, "application/json");
  }

  /**
   * Stores, as a new version, the model in force as its JSON tree changed by {@code change}: for
   * changes made in the file's own shape (a bet as the file writes it), validated by the same
   * loader, under this service's lock.
   *
   * @param change the new tree from the one in force (a copy); it may refuse by throwing
   */
  @Transactional
  @Durable
  public synchronized OrgSnapshot updateTree(
      java.util.function.UnaryOperator<com.fasterxml.jackson.databind.node.ObjectNode> change,
      String origin,
      String sourceName) {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    try {
      com.fasterxml.jackson.databind.node.ObjectNode tree =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              json.readTree(new io.podometer.engine.org.OrgModelWriter().toJson(current().model()));
      return store(
          json.writeValueAsString(change.apply(tree)), origin, sourceName, "application/json");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the organization model does not write as JSON", e);
    }
  }

  /** Imports the file when its content differs from the last file import. */
  @Transactional
  @Durable
  public void importFileIfChanged(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the organization file " + file + ": " + e.getMessage(), e);
    }
    OrgVersionEntity lastImport = OrgVersionEntity.latestOfOrigin("file");
    if (lastImport != null && lastImport.contentHash.equals(Sha256.hex(text))) {
      return;
    }
    String name = file.getFileName().toString();
    store(
        text,
        "file",
        name,
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "application/json" : null);
  }

  /** Versions stored so far, newest first. */
  @Transactional
  public List<OrgVersionEntity> versions() {
    return OrgVersionEntity.find("order by version desc").list();
  }
}
