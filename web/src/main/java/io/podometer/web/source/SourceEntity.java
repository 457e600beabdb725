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

  /** The sources of a kind, oldest first, read in a transaction of their own. */
  static java.util.List<SourceEntity> ofKind(String kind) {
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(() -> SourceEntity.<SourceEntity>list("kind = ?1 order by createdAt", kind));
  }

  /**
   * The source of that id and kind.
   *
   * @throws jakarta.ws.rs.NotFoundException naming the kind ({@code what}) when there is none
   */
  static SourceEntity ofKind(String id, String kind, String what) {
    SourceEntity entity =
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
            .call(() -> SourceEntity.<SourceEntity>findById(id));
    if (entity == null || !kind.equals(entity.kind)) {
      throw new jakarta.ws.rs.NotFoundException("no " + what + " '" + id + "'");
    }
    return entity;
  }

  /** Deletes the source and its checkpoints (the events it gave stay). */
  static void delete(String id) {
    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .run(
            () -> {
              SourceEntity.deleteById(id);
              SourceEntity.getEntityManager()
                  .createNativeQuery("delete from source_checkpoint where source = ?1")
                  .setParameter(1, id)
                  .executeUpdate();
            });
  }
}
