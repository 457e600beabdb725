package io.podometer.web.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One distinct payload of an event, as received (canonical JSON), under the sequence number its
 * fact's refs point to. Written by the ingestion path in plain JDBC; mapped for the erasure.
 */
@Entity
@Table(name = "raw_event")
public class RawEventEntity extends PanacheEntityBase {

  @Id public Long seq;

  @Column(nullable = false)
  public String payload;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;
}
