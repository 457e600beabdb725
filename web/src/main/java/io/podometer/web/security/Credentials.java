package io.podometer.web.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** What a request presents besides a user name and password: an API token or a session. */
final class Credentials {

  private Credentials() {}

  /** {@code Authorization: Bearer pdm_…}. */
  static final class ApiToken extends BaseAuthenticationRequest {
    final String token;

    ApiToken(String token) {
      this.token = token;
    }
  }

  /** The session cookie set at login. */
  static final class Session extends BaseAuthenticationRequest {
    final String secret;

    Session(String secret) {
      this.secret = secret;
    }
  }
}
