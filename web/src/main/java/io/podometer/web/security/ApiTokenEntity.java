package io.podometer.web.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An API token: its public id, name and scopes, and the SHA-256 of its secret. */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity extends PanacheEntityBase {

  @Id
  @Column(length = 40)
  public String id;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "secret_hash", nullable = false, length = 64)
  public String secretHash;

  /** Comma-separated: {@code ingest}, {@code read}, {@code admin}. */
  @Column(nullable = false, length = 100)
  public String scopes;

  @Column(name = "created_by", nullable = false, length = 100)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  public Set<String> scopeSet() {
    return new LinkedHashSet<>(List.of(scopes.split(",")));
  }
}
