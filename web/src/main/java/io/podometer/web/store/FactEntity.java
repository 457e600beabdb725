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

/** A fact folded from its events: its fields as JSON and the refs of its events in raw_event. */
@Entity
@Table(name = "fact")
public class FactEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fact_seq")
  @SequenceGenerator(name = "fact_seq", sequenceName = "fact_seq", allocationSize = 50)
  public Long id;

  @Column(nullable = false, length = 40)
  public String kind;

  @Column(name = "fact_key", nullable = false, length = 700)
  public String factKey;

  @Column(length = 300)
  public String repo;

  @Column(nullable = false)
  public String fields;

  /** The refs of the events behind it ({@link EventRefs}). */
  public byte[] events;

  @Column(name = "last_occurred_at", nullable = false)
  public Instant lastOccurredAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
