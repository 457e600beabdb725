package io.podometer.web.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A browser session after a login; keyed by the SHA-256 of the cookie's secret. */
@Entity
@Table(name = "user_session")
public class SessionEntity extends PanacheEntityBase {

  @Id
  @Column(name = "secret_hash", length = 64)
  public String secretHash;

  @Column(nullable = false, length = 100)
  public String username;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;
}
