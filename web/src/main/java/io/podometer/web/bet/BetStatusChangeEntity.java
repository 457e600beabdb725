package io.podometer.web.bet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bet taking a status: from which model version, when and by whom. */
@Entity
@Table(name = "bet_status_change")
public class BetStatusChangeEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bet_status_change_seq")
  @SequenceGenerator(
      name = "bet_status_change_seq",
      sequenceName = "bet_status_change_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "bet_id", nullable = false, length = 200)
  public String betId;

  @Column(nullable = false, length = 20)
  public String status;

  @Column(name = "changed_at", nullable = false)
  public Instant at;

  @Column(name = "org_version", nullable = false)
  public long orgVersion;

  @Column(name = "changed_by", nullable = false, length = 200)
  public String by;

  @Column(length = 2000)
  public String note;
}
