package io.podometer.web.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The record of one CSV file imported: what it was, what it gave, when and by whom. */
@Entity
@Table(name = "csv_import")
public class CsvImportEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "csv_import_seq")
  @SequenceGenerator(name = "csv_import_seq", sequenceName = "csv_import_seq", allocationSize = 50)
  public Long id;

  @Column(nullable = false, length = 20)
  public String kind;

  /** The file's name as the client gave it ({@code ?name=} or Content-Disposition), or null. */
  @Column(length = 200)
  public String name;

  @Column(name = "rows_read", nullable = false)
  public int rows;

  @Column(nullable = false)
  public int events;

  @Column(nullable = false)
  public int accepted;

  @Column(nullable = false)
  public int duplicates;

  @Column(nullable = false)
  public int revisions;

  /** The organization model version a members file made (or found in force), else null. */
  @Column(name = "org_version")
  public Long orgVersion;

  @Column(name = "imported_by", nullable = false, length = 200)
  public String importedBy;

  @Column(name = "imported_at", nullable = false)
  public Instant importedAt;
}
