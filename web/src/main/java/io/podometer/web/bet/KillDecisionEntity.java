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

/** What a bet's owner decided about a kill candidate, in the week it was judged. */
@Entity
@Table(name = "bet_kill_decision")
public class KillDecisionEntity extends PanacheEntityBase {

  public static final String KILL = "kill";
  public static final String KEEP = "keep";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bet_kill_decision_seq")
  @SequenceGenerator(
      name = "bet_kill_decision_seq",
      sequenceName = "bet_kill_decision_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "bet_id", nullable = false, length = 200)
  public String betId;

  @Column(nullable = false, length = 8)
  public String week;

  @Column(nullable = false, length = 10)
  public String decision;

  @Column(length = 2000)
  public String note;

  @Column(name = "decided_by", nullable = false, length = 200)
  public String by;

  @Column(name = "decided_at", nullable = false)
  public Instant at;
}
