package io.podometer.web.security;

import io.podometer.web.config.PodometerConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The login page of the embedded mode, and logout. */
@Path("/")
@PermitAll
public class LoginResource {

  @Inject
  @Location("login.html")
  Template login;

  @Inject LocalUsers users;
  @Inject Sessions sessions;
  @Inject PodometerConfig config;

  @GET
  @Path("login")
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The login page (embedded mode)")
  public Response page(@QueryParam("next") String next) {
    return page(next, null, 200);
  }

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Signs a local user in: a session cookie, then back to the page asked for")
  public Response login(
      @FormParam("username") String username,
      @FormParam("password") String password,
      @FormParam("next") String next,
      @Context HttpServerRequest request) {
    if (config.auth().oidc()) {
      return page(next, "Sign-in goes through your organization's identity provider.", 404);
    }
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      return page(next, "Enter your user name and password.", 400);
    }
    LocalUsers.Check check = users.check(username, password, PodometerIdentities.client(request));
    if (check instanceof LocalUsers.Check.Throttled throttled) {
      long seconds = Math.max(1, throttled.retryAfter().toSeconds());
      return Response.fromResponse(
              page(next, "Too many failed logins. Try again in " + minutes(seconds) + ".", 429))
          .header("Retry-After", seconds)
          .build();
    }
    if (!(check instanceof LocalUsers.Check.Accepted accepted)) {
      return page(next, "Wrong user name or password.", 401);
    }
    String secret = sessions.start(accepted.user().username);
    return Response.seeOther(URI.create(safeNext(next)))
        .cookie(cookie(secret, request, (int) config.auth().sessionDuration().toSeconds()))
        .build();
  }

  @POST
  @Path("logout")
  @Operation(summary = "Ends the browser's session")
  public Response logout(
      @CookieParam(Sessions.COOKIE) String secret, @Context HttpServerRequest request) {
    if (secret != null && !secret.isEmpty()) {
      sessions.end(secret);
    }
    return Response.seeOther(URI.create("/login")).cookie(cookie("", request, 0)).build();
  }

  private Response page(String next, String error, int status) {
    TemplateInstance page =
        login.data("next", safeNext(next)).data("error", error).data("oidc", config.auth().oidc());
    return Response.status(status).entity(page).type(MediaType.TEXT_HTML).build();
  }

  private static String minutes(long seconds) {
    long minutes = (seconds + 59) / 60;
    return minutes == 1 ? "a minute" : minutes + " minutes";
  }

  /** Only a path on this server: never an open redirect to another site. */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.startsWith("/login")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    try {
      URI uri = new URI(next);
      return uri.getScheme() == null && uri.getHost() == null ? next : "/";
    } catch (java.net.URISyntaxException e) {
      return "/";
    }
  }

  private static NewCookie cookie(String value, HttpServerRequest request, int maxAge) {
    return new NewCookie.Builder(Sessions.COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        // https as the browser sees it (behind a TLS-terminating proxy: with proxy forwarding on)
        .secure(request.isSSL() || "https".equalsIgnoreCase(request.scheme()))
        // Lax: a link from chat or mail opens the page signed in; cross-site POSTs carry no cookie
        .sameSite(NewCookie.SameSite.LAX)
        .maxAge(maxAge)
        .build();
  }
}
