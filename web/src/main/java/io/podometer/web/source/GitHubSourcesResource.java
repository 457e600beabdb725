package io.podometer.web.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.podometer.web.http.Problem;
import io.podometer.web.security.AuditLog;
import io.podometer.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** GitHub sources read through the REST API (backfill), for admins. */
@Path("/api/sources/github")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@io.smallrye.common.annotation.Blocking
public class GitHubSourcesResource {

  @Inject GitHubSources sources;
  @Inject AuditLog audit;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add GitHub repositories to backfill: {repos, token, apiUrl?, commitDetails?}",
      description = "The token is kept to read GitHub and never shown again.")
  public Response create(JsonNode body, SecurityContext security) {
    GitHubSourceRequest request = GitHubSourceRequest.read(body);
    GitHubSources.View created = sources.create(request, actor(security));
    audit.record(
        actor(security),
        "source.create",
        created.id(),
        "GitHub " + created.apiUrl() + ": " + String.join(", ", created.repos()));
    return Response.status(201).entity(created).build();
  }

  @GET
  @Operation(summary = "GitHub sources with their sync's progress (never their token)")
  public List<GitHubSources.View> list() {
    return sources.list();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A GitHub source and its sync's progress")
  public GitHubSources.View one(@PathParam("id") String id) {
    return sources.view(id);
  }

  @POST
  @Path("/{id}/sync")
  @Operation(
      summary = "Fetch what changed since the last sync, in the background",
      description = "202 when started; 409 while a sync of the source runs.")
  public Response sync(@PathParam("id") String id, SecurityContext security) {
    if (!sources.sync(id)) {
      return Problem.of(Response.Status.CONFLICT, "a sync of " + id + " is running").toResponse();
    }
    audit.record(actor(security), "source.sync", id, "started");
    return Response.accepted(sources.view(id)).build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Stop reading the source; the events it gave stay")
  public Response delete(@PathParam("id") String id, SecurityContext security) {
    sources.delete(id);
    audit.record(actor(security), "source.delete", id, "deleted");
    return Response.noContent().build();
  }

  private static String actor(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }
}
