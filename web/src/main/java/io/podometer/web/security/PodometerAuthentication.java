package io.podometer.web.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.http.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * How a request says who sends it: an API token ({@code Authorization: Bearer pdm_…}) in every
 * mode; in the embedded mode also a local user's name and password (HTTP Basic) or the session
 * cookie set at login. Without credentials a browser asking for a page is sent to the login page,
 * anything else gets 401 as problem details. With OIDC on, people are left to the OIDC mechanism.
 */
@ApplicationScoped
public class PodometerAuthentication implements HttpAuthenticationMechanism {

  @Inject PodometerConfig config;
  @Inject ObjectMapper json;

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identities) {
    String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    boolean embedded = !config.auth().oidc();
    if (authorization != null) {
      if (startsWithIgnoringCase(authorization, "Bearer ")) {
        String token = authorization.substring(7).strip();
        if (ApiTokens.looksLikeToken(token)) {
          return authenticate(identities, new Credentials.ApiToken(token), context);
        }
        // Not one of ours: an OIDC access token when OIDC is on; refused otherwise.
        return embedded
            ? Uni.createFrom().failure(new AuthenticationFailedException("not a Podometer token"))
            : Uni.createFrom().nullItem();
      }
      if (embedded && startsWithIgnoringCase(authorization, "Basic ")) {
        return basic(authorization.substring(6).strip())
            .map(request -> authenticate(identities, request, context))
            .orElseGet(
                () ->
                    Uni.createFrom()
                        .failure(new AuthenticationFailedException("malformed Basic header")));
      }
    }
    if (embedded) {
      Cookie session = context.request().getCookie(Sessions.COOKIE);
      if (session != null && !session.getValue().isEmpty()) {
        // An ended session is the same as none: the browser is sent to the login page.
        return authenticate(identities, new Credentials.Session(session.getValue()), context)
            .onFailure()
            .recoverWithNull();
      }
    }
    return Uni.createFrom().nullItem();
  }

  private static Uni<SecurityIdentity> authenticate(
      IdentityProviderManager identities, AuthenticationRequest request, RoutingContext context) {
    return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
  }

  private static java.util.Optional<UsernamePasswordAuthenticationRequest> basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new UsernamePasswordAuthenticationRequest(
            decoded.substring(0, colon),
            new PasswordCredential(decoded.substring(colon + 1).toCharArray())));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    if (wantsPage(context)) {
      return Uni.createFrom().item(new ChallengeData(302, "Location", loginLocation(context)));
    }
    return Uni.createFrom()
        .item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"podometer\""));
  }

  /** Writes the whole answer, so a refusal has a body that says what to do. */
  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
    if (config.auth().oidc() && !presentsOwnCredentials(context) && !isApi(context)) {
      // a page: the OIDC mechanism sends the browser to the identity provider
      return Uni.createFrom().item(false);
    }
    var response = context.response();
    if (response.ended()) {
      return Uni.createFrom().item(true);
    }
    Long retryAfter = context.get(PodometerIdentities.RETRY_AFTER);
    if (retryAfter != null) {
      response.putHeader("Retry-After", Long.toString(retryAfter));
      return end(
          context,
          Problem.of(
              429,
              "Too Many Requests",
              "too many failed logins; try again in " + retryAfter + " s",
              null));
    }
    if (wantsPage(context)) {
      response.setStatusCode(302).putHeader("Location", loginLocation(context)).end();
      return Uni.createFrom().item(true);
    }
    response.putHeader("WWW-Authenticate", "Bearer realm=\"podometer\"");
    return end(
        context,
        Problem.of(
            401,
            "Unauthorized",
            config.auth().oidc()
                ? "authentication required: an API token (Authorization: Bearer) or an OIDC"
                    + " access token"
                : "authentication required: an API token (Authorization: Bearer), a local"
                    + " user (HTTP Basic) or a login at /login",
            null));
  }

  private Uni<Boolean> end(RoutingContext context, Problem problem) {
    String body;
    try {
      body = json.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      body = "{\"status\":" + problem.status() + "}";
    }
    context
        .response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(body);
    return Uni.createFrom().item(true);
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(
        Credentials.ApiToken.class,
        Credentials.Session.class,
        UsernamePasswordAuthenticationRequest.class);
  }

  /** Ahead of OIDC, which only sees requests that carry none of Podometer's credentials. */
  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 100;
  }

  private static boolean presentsOwnCredentials(RoutingContext context) {
    String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null
        && startsWithIgnoringCase(authorization, "Bearer ")
        && ApiTokens.looksLikeToken(authorization.substring(7).strip());
  }

  /** API clients cannot follow a login redirect: they get 401 in every mode. */
  private static boolean isApi(RoutingContext context) {
    String path = context.request().path();
    return path.startsWith("/api/") || path.startsWith("/q/") || path.startsWith("/v1/");
  }

  private boolean wantsPage(RoutingContext context) {
    String accept = context.request().getHeader(HttpHeaders.ACCEPT);
    return !config.auth().oidc()
        && context.request().method() == HttpMethod.GET
        && accept != null
        && accept.contains("text/html")
        && !context.request().path().startsWith("/api/");
  }

  private static String loginLocation(RoutingContext context) {
    String uri = context.request().uri();
    return "/login?next=" + URLEncoder.encode(uri, StandardCharsets.UTF_8);
  }

  private static boolean startsWithIgnoringCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
