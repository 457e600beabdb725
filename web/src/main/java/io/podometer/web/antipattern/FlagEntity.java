package io.podometer.web.antipattern;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored anti-pattern flag: one per detector, scope and week, as the detector last wrote it;
 * {@code clearedAt} once it stopped firing (kept, with its history), an acknowledgement once
 * someone took it up.
 */
@Entity
@Table(name = "antipattern_flag")
// the detectors' worker and an acknowledgement write different columns of the same row: each
// writes only the columns it changed, so neither puts back what the other read before
@org.hibernate.annotations.DynamicUpdate
public class FlagEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "antipattern_flag_seq")
  @SequenceGenerator(
      name = "antipattern_flag_seq",
      sequenceName = "antipattern_flag_seq",
      allocationSize = 50)
  public Long id;

  @Column(nullable = false, length = 40)
  public String detector;

  @Column(nullable = false, length = 600)
  public String scope;

  @Column(nullable = false, length = 8)
  public String week;

  @Column(nullable = false, length = 10)
  public String severity;

  @Column(name = "rule_text", nullable = false, length = 4000)
  public String rule;

  /** The thresholds that applied, as a JSON object. */
  @Column(nullable = false, columnDefinition = "TEXT")
  public String thresholds;

  /** The figures behind the flag, as a JSON array of {metric, scope, week, value}. */
  @Column(nullable = false, columnDefinition = "TEXT")
  public String evidence;

  @Column(name = "suggested_action", nullable = false, length = 2000)
  public String suggestedAction;

  @Column(name = "raised_at", nullable = false)
  public Instant raisedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "cleared_at")
  public Instant clearedAt;

  @Column(name = "acknowledged_by", length = 200)
  public String acknowledgedBy;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  @Column(name = "acknowledgement", length = 2000)
  public String acknowledgement;
}
