package io.podometer.web.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Administration of access: API tokens, local users, and the audit log. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AccessResource {

  @Inject ApiTokens tokens;
  @Inject LocalUsers users;
  @Inject AuditLog audit;
  @Inject SecurityIdentity identity;
  @Inject ObjectMapper json;

  static final Set<String> TOKEN_FIELDS = Set.of("name", "scopes");
  static final Set<String> USER_FIELDS = Set.of("username", "email", "roles", "password");

  /** What to create a token with. */
  public record TokenRequest(String name, List<String> scopes) {}

  /** A token as listed: never its secret. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TokenView(
      String id,
      String name,
      List<String> scopes,
      String createdBy,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    static TokenView of(ApiTokenEntity e) {
      return new TokenView(
          e.id,
          e.name,
          List.copyOf(e.scopeSet()),
          e.createdBy,
          e.createdAt,
          e.lastUsedAt,
          e.revokedAt);
    }
  }

  /** A token just created: {@code token} is shown this once and never again. */
  public record CreatedToken(TokenView info, String token) {}

  @POST
  @Path("/tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create an API token (scopes: ingest, read, admin); the answer shows it once")
  public Response createToken(JsonNode body) {
    TokenRequest request = StrictJson.read(json, body, TokenRequest.class, TOKEN_FIELDS);
    Set<String> scopes = Roles.parse("scopes", request.scopes(), Roles.TOKEN_SCOPES);
    ApiTokens.Created created = tokens.create(request.name(), scopes, actor());
    return Response.status(201)
        .entity(new CreatedToken(TokenView.of(created.entity()), created.token()))
        .build();
  }

  @GET
  @Path("/tokens")
  @Operation(summary = "Every API token, revoked ones included (never their secrets)")
  public List<TokenView> listTokens() {
    return tokens.list().stream().map(TokenView::of).toList();
  }

  @DELETE
  @Path("/tokens/{id}")
  @Operation(summary = "Revoke an API token: refused from the next request on")
  public Response revokeToken(@PathParam("id") String id) {
    if (!tokens.revoke(id, actor())) {
      throw new NotFoundException("no token '" + id + "'");
    }
    return Response.noContent().build();
  }

  /** What to create a local user with; without a password one is generated and shown once. */
  public record UserRequest(String username, String email, List<String> roles, String password) {}

  /** A local user as listed: never the password hash. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UserView(String username, String email, List<String> roles, Instant createdAt) {
    static UserView of(UserAccountEntity e) {
      return new UserView(e.username, e.email, List.copyOf(e.roleSet()), e.createdAt);
    }
  }

  /** A user just created, with the password when it was generated (shown this once). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CreatedUser(UserView user, String password) {}

  @POST
  @Path("/users")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a local user (roles: leader, champion, member, admin)",
      description =
          "email ties the user to the member of the organization model with that e-mail. Without"
              + " a password one is generated and returned once.")
  public Response createUser(JsonNode body) {
    UserRequest request = StrictJson.read(json, body, UserRequest.class, USER_FIELDS);
    Set<String> roles = Roles.parse("roles", request.roles(), Roles.PERSON_ROLES);
    boolean generated = request.password() == null || request.password().isEmpty();
    String password =
        users.create(request.username(), request.email(), roles, request.password(), actor());
    UserAccountEntity user = users.find(request.username()).orElseThrow();
    return Response.status(201)
        .entity(new CreatedUser(UserView.of(user), generated ? password : null))
        .build();
  }

  @GET
  @Path("/users")
  @Operation(summary = "Every local user (never their passwords)")
  public List<UserView> listUsers() {
    return users.list().stream().map(UserView::of).toList();
  }

  /** A new password, shown this once when it was generated. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NewPassword(String username, String password) {}

  @POST
  @Path("/users/{username}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Reset a local user's password; their sessions end",
      description = "Body {\"password\": …} or {} for a generated one (returned once).")
  public NewPassword resetPassword(@PathParam("username") String username, JsonNode body) {
    JsonNode given = body == null || body.isNull() ? json.createObjectNode() : body;
    PasswordRequest request =
        StrictJson.read(json, given, PasswordRequest.class, Set.of("password"));
    boolean generated = request.password() == null || request.password().isEmpty();
    String password = users.resetPassword(username, request.password(), actor());
    return new NewPassword(username, generated ? password : null);
  }

  /** What to reset a password with. */
  public record PasswordRequest(String password) {}

  @DELETE
  @Path("/users/{username}")
  @Operation(summary = "Delete a local user; their sessions end at once")
  public Response deleteUser(@PathParam("username") String username) {
    if (username.equals(identity.getPrincipal().getName())) {
      throw new IllegalArgumentException("username: you cannot delete yourself");
    }
    if (!users.delete(username, actor())) {
      throw new NotFoundException("no user '" + username + "'");
    }
    return Response.noContent().build();
  }

  /** One line of the audit log. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AuditView(Instant at, String actor, String action, String target, String detail) {}

  @GET
  @Path("/audit")
  @Operation(summary = "The audit log, newest first: admin actions and token use")
  public List<AuditView> audit(@QueryParam("limit") @DefaultValue("200") String limitText) {
    int limit = io.podometer.web.http.WholeNumberParam.of("limit", limitText, 1, 10_000);
    return audit.latest(limit).stream()
        .map(e -> new AuditView(e.at, e.actor, e.action, e.target, e.detail))
        .toList();
  }

  private String actor() {
    return identity.getPrincipal().getName();
  }
}
