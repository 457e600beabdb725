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

/** A stored version of the organization model (YAML text as given). */
@Entity
@Table(name = "org_version")
public class OrgVersionEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_version_seq")
  @SequenceGenerator(name = "org_version_seq", sequenceName = "org_version_seq", allocationSize = 1)
  public Long version;

  /** {@code file}, {@code api} or {@code demo}. */
  @Column(nullable = false, length = 20)
  public String origin;

  @Column(name = "source_name", length = 1000)
  public String sourceName;

  @Column(name = "content_hash", nullable = false, length = 64)
  public String contentHash;

  @Column(nullable = false)
  public String content;

  /** Load warnings, one per line. */
  @Column(nullable = false)
  public String warnings;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public static OrgVersionEntity latest() {
    return find("order by version desc").firstResult();
  }

  public static OrgVersionEntity latestOfOrigin(String origin) {
    return find("origin = ?1 order by version desc", origin).firstResult();
  }
}
