package io.podometer.web.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One distinct payload of an event id, as received (canonical JSON). */
@Entity
@Table(name = "raw_event")
public class RawEventEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "raw_event_seq")
  @SequenceGenerator(name = "raw_event_seq", sequenceName = "raw_event_seq", allocationSize = 50)
  public Long seq;

  @Column(name = "event_id", nullable = false, length = 200)
  public String eventId;

  @Column(name = "payload_hash", nullable = false, length = 64)
  public String payloadHash;

  @Column(name = "event_type", nullable = false, length = 40)
  public String eventType;

  @Column(nullable = false, length = 100)
  public String source;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(length = 300)
  public String repo;

  @Column(name = "fact_kind", nullable = false, length = 40)
  public String factKind;

  @Column(name = "fact_key", nullable = false, length = 700)
  public String factKey;

  @Column(nullable = false)
  public String payload;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;
}
