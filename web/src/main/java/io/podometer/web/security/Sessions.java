package io.podometer.web.security;

import io.podometer.web.config.PodometerConfig;
import io.podometer.web.store.Durable;
import io.podometer.web.store.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Browser sessions: the cookie carries a random secret, the store its SHA-256. Sessions are kept in
 * the database, so they survive a restart and a logout or a deleted user ends them at once.
 */
@ApplicationScoped
public class Sessions {

  public static final String COOKIE = "podometer_session";

  @Inject PodometerConfig config;
  @Inject Clock clock;

  /** Starts a session; returns the cookie's value. */
  @Transactional
  @Durable
  public String start(String username) {
    Instant now = clock.instant();
    SessionEntity.delete("expiresAt < ?1", now);
    String secret = Secrets.random(32);
    SessionEntity session = new SessionEntity();
    session.secretHash = Sha256.hex(secret);
    session.username = username;
    session.createdAt = now;
    session.expiresAt = now.plus(config.auth().sessionDuration());
    session.persist();
    return secret;
  }

  /** The user of a live session, if the cookie names one. */
  @Transactional
  public Optional<UserAccountEntity> user(String secret) {
    SessionEntity session = SessionEntity.findById(Sha256.hex(secret));
    if (session == null || !session.expiresAt.isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.ofNullable(UserAccountEntity.findById(session.username));
  }

  @Transactional
  @Durable
  public void end(String secret) {
    SessionEntity.deleteById(Sha256.hex(secret));
  }
}
