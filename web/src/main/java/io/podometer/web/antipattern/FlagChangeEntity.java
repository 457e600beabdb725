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

/** One step of a flag's history: raised, changed severity, cleared, raised again, acknowledged. */
@Entity
@Table(name = "antipattern_flag_change")
public class FlagChangeEntity extends PanacheEntityBase {

  public static final String RAISED = "raised";
  public static final String SEVERITY = "severity";
  public static final String CLEARED = "cleared";
  public static final String RAISED_AGAIN = "raised-again";
  public static final String ACKNOWLEDGED = "acknowledged";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "antipattern_flag_change_seq")
  @SequenceGenerator(
      name = "antipattern_flag_change_seq",
      sequenceName = "antipattern_flag_change_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "flag_id", nullable = false)
  public Long flagId;

  @Column(name = "changed_at", nullable = false)
  public Instant at;

  @Column(nullable = false, length = 20)
  public String kind;

  @Column(length = 10)
  public String severity;

  @Column(length = 200)
  public String actor;

  @Column(length = 2000)
  public String note;

  static FlagChangeEntity of(Long flagId, Instant at, String kind, String severity) {
    FlagChangeEntity change = new FlagChangeEntity();
    change.flagId = flagId;
    change.at = at;
    change.kind = kind;
    change.severity = severity;
    return change;
  }
}
