package io.podometer.web.security;

import io.podometer.web.config.PodometerConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns presented credentials into identities: local users, sessions and API tokens. */
public final class PodometerIdentities {

  /** Identity attribute: the e-mail that ties a person to a member of the organization model. */
  public static final String EMAIL = "podometer.email";

  /** Identity attribute: the public id of the API token used. */
  public static final String TOKEN = "podometer.token";

  /** Routing-context key: seconds to wait after too many failed logins. */
  static final String RETRY_AFTER = "podometer.retry-after";

  private PodometerIdentities() {}

  static SecurityIdentity of(UserAccountEntity user) {
    QuarkusSecurityIdentity.Builder builder =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(user.username))
            .addRoles(user.roleSet());
    if (user.email != null) {
      builder.addAttribute(EMAIL, user.email);
    }
    return builder.build();
  }

  static String client(RoutingContext context) {
    return context == null ? "unknown" : client(context.request());
  }

  static String client(io.vertx.core.http.HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }

  /** HTTP Basic with a local user's name and password (embedded mode). */
  @ApplicationScoped
  public static class Passwords implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject LocalUsers users;
    @Inject PodometerConfig config;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
      return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
      RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
      String password = new String(request.getPassword().getPassword());
      return context.runBlocking(
          () -> {
            LocalUsers.Check check = users.check(request.getUsername(), password, client(http));
            if (check instanceof LocalUsers.Check.Accepted accepted) {
              return of(accepted.user());
            }
            if (check instanceof LocalUsers.Check.Throttled throttled && http != null) {
              http.put(RETRY_AFTER, Math.max(1, throttled.retryAfter().toSeconds()));
            }
            throw new AuthenticationFailedException("wrong user name or password");
          });
    }
  }

  /** The session cookie of a browser that logged in. */
  @ApplicationScoped
  public static class SessionCookies implements IdentityProvider<Credentials.Session> {

    @Inject Sessions sessions;

    @Override
    public Class<Credentials.Session> getRequestType() {
      return Credentials.Session.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        Credentials.Session request, AuthenticationRequestContext context) {
      return context.runBlocking(
          () ->
              sessions
                  .user(request.secret)
                  .map(PodometerIdentities::of)
                  .orElseThrow(() -> new AuthenticationFailedException("session ended")));
    }
  }

  /** {@code Authorization: Bearer pdm_…}: an API token, looked up on every request. */
  @ApplicationScoped
  public static class Tokens implements IdentityProvider<Credentials.ApiToken> {

    @Inject ApiTokens tokens;

    @Override
    public Class<Credentials.ApiToken> getRequestType() {
      return Credentials.ApiToken.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        Credentials.ApiToken request, AuthenticationRequestContext context) {
      RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
      String described =
          http == null ? null : http.request().method() + " " + http.request().path();
      return context.runBlocking(
          () ->
              tokens
                  .use(request.token, described)
                  .map(
                      token ->
                          (SecurityIdentity)
                              QuarkusSecurityIdentity.builder()
                                  .setPrincipal(new QuarkusPrincipal("token:" + token.id))
                                  .addRoles(Roles.ofTokenScopes(token.scopeSet()))
                                  .addAttribute(TOKEN, token.id)
                                  .build())
                  .orElseThrow(
                      () -> new AuthenticationFailedException("unknown or revoked token")));
    }
  }
}
