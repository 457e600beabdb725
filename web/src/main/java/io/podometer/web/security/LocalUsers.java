package io.podometer.web.security;

import io.podometer.web.store.Durable;
import io.podometer.web.store.Sha256;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The local user store of the embedded mode: bcrypt-hashed passwords, roles, an e-mail. */
@ApplicationScoped
public class LocalUsers {

  static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");
  static final int MIN_PASSWORD = 12;

  /** Compared against when the user does not exist, so both cases take a bcrypt's time. */
  private static final String DUMMY_HASH = BcryptUtil.bcryptHash(Secrets.random(16));

  /**
   * Passwords recently verified (digest of user, password and stored hash): scripts using HTTP
   * Basic on every request do not pay a bcrypt each time. A changed hash invalidates the entry.
   */
  private static final Duration VERIFIED_FOR = Duration.ofMinutes(5);

  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  @Inject LoginThrottle throttle;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The outcome of a password check. */
  public sealed interface Check {
    record Accepted(UserAccountEntity user) implements Check {}

    record Refused() implements Check {}

    record Throttled(Duration retryAfter) implements Check {}
  }

  /** Checks a password, counting failures per user name and client address. */
  @Transactional
  public Check check(String username, String password, String client) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    Optional<Duration> refusal = throttle.attempt(name, client);
    if (refusal.isPresent()) {
      return new Check.Throttled(refusal.get());
    }
    UserAccountEntity user = UserAccountEntity.findById(name);
    String hash = user == null ? DUMMY_HASH : user.passwordHash;
    String key = Sha256.hex(name + '\n' + password + '\n' + hash);
    Instant now = clock.instant();
    Instant until = verified.get(key);
    // the hash is checked whether or not the user exists: both take a bcrypt's time
    boolean matches = (until != null && until.isAfter(now)) || BcryptUtil.matches(password, hash);
    boolean ok = user != null && matches;
    if (!ok) {
      return new Check.Refused();
    }
    verified.put(key, now.plus(VERIFIED_FOR));
    throttle.succeeded(name, client);
    return new Check.Accepted(user);
  }

  @Transactional
  public Optional<UserAccountEntity> find(String username) {
    return Optional.ofNullable(UserAccountEntity.findById(username));
  }

  @Transactional
  public long count() {
    return UserAccountEntity.count();
  }

  @Transactional
  public List<UserAccountEntity> list() {
    return UserAccountEntity.listAll(io.quarkus.panache.common.Sort.by("username"));
  }

  /**
   * Creates a user; returns the password, generated when none is given (shown to the admin once).
   */
  @Transactional
  @Durable
  public String create(
      String username, String email, Set<String> roles, String password, String actor) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "username: lower-case letters, digits and . _ @ - (at most 100 characters)");
    }
    if (UserAccountEntity.findById(username) != null) {
      throw new IllegalArgumentException("username: '" + username + "' already exists");
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("roles: at least one of " + Roles.PERSON_ROLES);
    }
    if (email != null && !email.isBlank() && !email.contains("@")) {
      throw new IllegalArgumentException("email: '" + email + "' is not an e-mail address");
    }
    String secret = givenOrGenerated(password);
    UserAccountEntity user = new UserAccountEntity();
    user.username = username;
    user.email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    user.passwordHash = BcryptUtil.bcryptHash(secret);
    user.roles = String.join(",", roles);
    user.createdAt = clock.instant();
    user.persist();
    audit.record(actor, "user.create", username, "roles " + user.roles);
    return secret;
  }

  /**
   * Sets a new password (generated when none is given; returned to be shown once) and ends the
   * user's sessions.
   */
  @Transactional
  @Durable
  public String resetPassword(String username, String password, String actor) {
    UserAccountEntity user = UserAccountEntity.findById(username);
    if (user == null) {
      throw new jakarta.ws.rs.NotFoundException("no user '" + username + "'");
    }
    String secret = givenOrGenerated(password);
    user.passwordHash = BcryptUtil.bcryptHash(secret);
    SessionEntity.delete("username", username);
    audit.record(actor, "user.password", username, null);
    return secret;
  }

  /** The password given (long enough), or a generated one when none is. */
  private static String givenOrGenerated(String password) {
    if (password == null || password.isEmpty()) {
      return Secrets.random(18);
    }
    if (password.length() < MIN_PASSWORD) {
      throw new IllegalArgumentException(
          "password: at least " + MIN_PASSWORD + " characters (or none: one is generated)");
    }
    return password;
  }

  /** Removes a user and ends their sessions at once. */
  @Transactional
  @Durable
  public boolean delete(String username, String actor) {
    UserAccountEntity user = UserAccountEntity.findById(username);
    if (user == null) {
      return false;
    }
    SessionEntity.delete("username", username);
    user.delete();
    verified.clear();
    audit.record(actor, "user.delete", username, null);
    return true;
  }
}
