package io.podometer.web.security;

import io.podometer.web.store.Durable;
import io.podometer.web.store.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API tokens for machine clients. A token reads {@code pdm_<id>_<secret>}: the id names it in lists
 * and the audit log; only the SHA-256 of the whole token is stored, so it is shown once. Every
 * request looks the token up, so a revocation takes effect on the next request.
 */
@ApplicationScoped
public class ApiTokens {

  static final String PREFIX = "pdm_";

  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A token just created: {@code token} is its only appearance in clear. */
  public record Created(ApiTokenEntity entity, String token) {}

  public static boolean looksLikeToken(String value) {
    return value.startsWith(PREFIX);
  }

  @Transactional
  @Durable
  public Created create(String name, Set<String> scopes, String actor) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name: missing (what uses the token, ≤ 200 characters)");
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("scopes: at least one of " + Roles.TOKEN_SCOPES);
    }
    ApiTokenEntity entity = new ApiTokenEntity();
    entity.id = Secrets.random(9).replace('-', 'x').replace('_', 'y');
    String token = PREFIX + entity.id + "_" + Secrets.random(32);
    entity.name = name.strip();
    entity.secretHash = Sha256.hex(token);
    entity.scopes = String.join(",", scopes);
    entity.createdBy = actor;
    entity.createdAt = clock.instant();
    entity.persist();
    audit.record(actor, "token.create", entity.id, entity.name + " (" + entity.scopes + ")");
    return new Created(entity, token);
  }

  /**
   * The active token with this value, if any. Its use is noted — last use, and a line in the audit
   * log naming the request — at most once a minute per token, with the count of the requests in
   * between: a collector posting every few seconds does not write a row per request.
   */
  @Transactional
  public Optional<ApiTokenEntity> use(String token, String request) {
    ApiTokenEntity entity = ApiTokenEntity.find("secretHash", Sha256.hex(token)).firstResult();
    if (entity == null || entity.revokedAt != null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    UseWindow window = uses.computeIfAbsent(entity.id, id -> new UseWindow());
    long unrecorded;
    synchronized (window) {
      if (window.recordedAt != null && window.recordedAt.isAfter(now.minus(AUDIT_EVERY))) {
        window.since++;
        return Optional.of(entity);
      }
      unrecorded = window.since;
      window.recordedAt = now;
      window.since = 0;
    }
    entity.lastUsedAt = now;
    audit.record(
        "token:" + entity.id,
        "token.use",
        request,
        unrecorded == 0
            ? entity.name
            : entity.name + "; " + unrecorded + " more requests since the previous entry");
    return Optional.of(entity);
  }

  static final Duration AUDIT_EVERY = Duration.ofMinutes(1);

  private final Map<String, UseWindow> uses = new ConcurrentHashMap<>();

  /** When a token's use was last written down, and how many requests came since. */
  private static final class UseWindow {
    Instant recordedAt;
    long since;
  }

  @Transactional
  public List<ApiTokenEntity> list() {
    return ApiTokenEntity.listAll(io.quarkus.panache.common.Sort.by("createdAt"));
  }

  @Transactional
  @Durable
  public boolean revoke(String id, String actor) {
    ApiTokenEntity entity = ApiTokenEntity.findById(id);
    if (entity == null) {
      return false;
    }
    if (entity.revokedAt == null) {
      entity.revokedAt = clock.instant();
      audit.record(actor, "token.revoke", id, entity.name);
    }
    return true;
  }
}
