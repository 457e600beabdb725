package io.podometer.web.source;

import io.podometer.web.security.AuditLog;
import io.podometer.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The sources, for admins: what each delivered, and re-deriving its events from kept payloads. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@io.smallrye.common.annotation.Blocking
public class SourcesResource {

  @Inject Sources sources;
  @Inject AuditLog audit;
  @Inject AgentTelemetry telemetry;
  @Inject io.podometer.web.org.OrgService orgs;

  @GET
  @Path("/telemetry")
  @Operation(
      summary = "Each agent's usage by the way it arrives: newest day, people and gaps of 30 days")
  public List<AgentTelemetry.Source> telemetry() {
    return telemetry.list(java.time.LocalDate.now(orgs.current().model().org().timeZone()));
  }

  @GET
  @Operation(summary = "Every source with its kept payloads and webhook deliveries")
  public List<Sources.Summary> list() {
    return sources.list();
  }

  @POST
  @Path("/{id}/remap")
  @Operation(
      summary = "Map the source's kept payloads again with today's mapper",
      description =
          "Events a payload gave before are superseded by what it gives now; payloads past their"
              + " retention are gone and cannot be remapped.")
  public Sources.Remap remap(@PathParam("id") String id, SecurityContext security) {
    Sources.Remap remap = sources.remap(id);
    audit.record(
        security.getUserPrincipal().getName(),
        "source.remap",
        id,
        remap.payloads()
            + " payloads, "
            + remap.events()
            + " events ("
            + remap.accepted()
            + " accepted, "
            + remap.revisions()
            + " revisions), "
            + remap.unmappable()
            + " unmappable");
    return remap;
  }
}
