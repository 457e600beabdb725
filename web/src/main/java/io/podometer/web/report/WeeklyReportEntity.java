package io.podometer.web.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored revision of a scope's weekly report; never changed once written. */
@Entity
@Table(name = "weekly_report")
public class WeeklyReportEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "weekly_report_seq")
  @SequenceGenerator(
      name = "weekly_report_seq",
      sequenceName = "weekly_report_seq",
      allocationSize = 50)
  public Long id;

  @Column(nullable = false, length = 600)
  public String scope;

  @Column(nullable = false, length = 8)
  public String week;

  @Column(nullable = false)
  public int revision;

  @Column(name = "generated_at", nullable = false)
  public Instant generatedAt;

  @Column(name = "generated_by", nullable = false, length = 200)
  public String generatedBy;

  @Column(nullable = false, columnDefinition = "TEXT")
  public String content;
}
