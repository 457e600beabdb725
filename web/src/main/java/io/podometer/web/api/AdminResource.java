package io.podometer.web.api;

import io.podometer.web.figures.FigureService;
import io.podometer.web.security.AuditLog;
import io.podometer.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Administration: recompute every figure from the stored facts; the figure pipeline's failures. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

  @Inject FigureService service;
  @Inject AuditLog audit;
  @Inject io.quarkus.security.identity.SecurityIdentity identity;

  @POST
  @Path("/recompute")
  @Operation(
      summary = "Recompute every figure from the facts",
      description = "Gives the same figures as the incremental updates; answers when done.")
  public FigureService.RecomputeReport recompute() {
    if (service.figures() == null) {
      throw new ServiceUnavailableException("figures are being computed; try again shortly");
    }
    audit.record(identity.getPrincipal().getName(), "figures.recompute", null, null);
    return service.recomputeAll();
  }

  @GET
  @Path("/figures")
  @Operation(
      summary = "Whether the figure pipeline keeps up",
      description =
          "failing: the last update or recomputation failed and no full recomputation has"
              + " succeeded since; failures counts every failure since the start; lastFailure"
              + " says when, while doing what, and why; cellsStoring counts the cells of figures"
              + " already served and not yet stored.")
  public io.podometer.web.figures.FigureHealth.View figures() {
    return service.health();
  }
}
