package io.podometer.web.privacy;

import io.podometer.web.figures.FigureService;
import io.podometer.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A member's right to be forgotten. */
@Path("/api/members")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class MembersResource {

  @Inject MemberErasure erasure;
  @Inject io.podometer.web.ingest.EventStore store;
  @Inject FigureService figures;
  @Inject SecurityIdentity identity;

  /** What was erased, and whether the figures already reflect it. */
  public record Erased(MemberErasure.Report erased, boolean figuresRecomputed) {}

  @DELETE
  @Path("/{id}")
  @Operation(
      summary = "Erase a member: identities, personal facts; aggregates recomputed",
      description =
          "Deletes the member's AI usage days, meeting weeks and pulse answers with their raw"
              + " events, replaces their identities and name by a pseudonym in every other fact"
              + " and raw event, removes them from the organization model (a new version) and"
              + " recomputes every figure. 409 while the model still names them as a champion,"
              + " STO or security reviewer. Remove them from the organization file too, or the"
              + " next start imports them again.")
  public Erased erase(@PathParam("id") String id) {
    String actor = identity.getPrincipal().getName();
    MemberErasure.Report report = store.exclusively(() -> erasure.erase(id, actor));
    return new Erased(report, figures.awaitCurrent(Duration.ofMinutes(10)));
  }
}
