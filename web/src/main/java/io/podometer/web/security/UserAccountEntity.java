package io.podometer.web.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A local user of the embedded mode; the password is kept as a bcrypt hash only. */
@Entity
@Table(name = "app_user")
public class UserAccountEntity extends PanacheEntityBase {

  @Id
  @Column(length = 100)
  public String username;

  /** Ties the user to a member of the organization model (one of the member's e-mails). */
  @Column(length = 300)
  public String email;

  @Column(name = "password_hash", nullable = false, length = 100)
  public String passwordHash;

  @Column(nullable = false, length = 200)
  public String roles;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public Set<String> roleSet() {
    return new LinkedHashSet<>(List.of(roles.split(",")));
  }
}
