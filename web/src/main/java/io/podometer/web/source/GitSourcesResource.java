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

/** Local git clones imported as sources, for admins. */
@Path("/api/sources/git")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@io.smallrye.common.annotation.Blocking
public class GitSourcesResource {

  @Inject GitSources sources;
  @Inject AuditLog audit;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Import a clone on the server: {path, repo?, branch?}",
      description =
          "202 with the source; the import runs in the background (GET the source for its state)."
              + " repo defaults to the origin's owner/name, branch to the default branch.")
  public Response create(JsonNode body, SecurityContext security) {
    GitSources.View created = sources.create(GitSourceRequest.read(body), actor(security));
    audit.record(
        actor(security),
        "source.create",
        created.id(),
        "git " + created.path() + " as " + created.repo());
    return Response.accepted(created).build();
  }

  @GET
  @Operation(summary = "Git sources with their import's state and progress")
  public List<GitSources.View> list() {
    return sources.list();
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary = "A git source: state (running, done, failed with the reason), progress, warnings")
  public GitSources.View one(@PathParam("id") String id) {
    return sources.view(id);
  }

  @POST
  @Path("/{id}/sync")
  @Operation(
      summary = "Import the commits and notes that are new since the last import",
      description = "202 when started; 409 while an import of the source runs.")
  public Response sync(@PathParam("id") String id, SecurityContext security) {
    if (!sources.importAgain(id)) {
      return Problem.of(Response.Status.CONFLICT, "an import of " + id + " is running")
          .toResponse();
    }
    audit.record(actor(security), "source.sync", id, "started");
    return Response.accepted(sources.view(id)).build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Stop importing the clone; the events it gave stay")
  public Response delete(@PathParam("id") String id, SecurityContext security) {
    sources.delete(id);
    audit.record(actor(security), "source.delete", id, "deleted");
    return Response.noContent().build();
  }

  private static String actor(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }
}
