package io.podometer.web.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log: an admin action or a use of a token. */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  public Long id;

  @Column(nullable = false)
  public Instant at;

  @Column(nullable = false, length = 200)
  public String actor;

  @Column(nullable = false, length = 60)
  public String action;

  @Column(length = 700)
  public String target;

  @Column(length = 2000)
  public String detail;
}
