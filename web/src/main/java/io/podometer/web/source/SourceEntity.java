package io.podometer.web.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A pulled source: its settings (JSON), its secret (never returned) and its last sync. */
@Entity
@Table(name = "source")
public class SourceEntity extends PanacheEntityBase {

  @Id
  @Column(length = 100)
  public String id;

  @Column(nullable = false, length = 40)
  public String kind;

  @Column(nullable = false, length = 300000)
  public String settings;

  @Column(nullable = false, length = 2000)
  public String secret;

  /** The secret the source's webhook signs deliveries with, or null (never returned). */
  @Column(name = "webhook_secret", length = 500)
  public String webhookSecret;

  @Column(name = "created_by", nullable = false, length = 200)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "last_sync_at")
  public Instant lastSyncAt;

  @Column(name = "last_state", length = 20)
  public String lastState;

  @Column(name = "last_error", length = 2000)
  public String lastError;
}
