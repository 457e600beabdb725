package io.podometer.web.viewer;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who the caller is to Podometer: roles, the member they are, the pods they see. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

  @Inject CurrentViewer viewer;

  /** The caller as Podometer sees them. */
  public record Me(
      String name, List<String> roles, String member, boolean everyAggregate, List<String> pods) {}

  @GET
  @Operation(summary = "Who you are here: roles, your member (by e-mail) and the pods you may see")
  public Me me() {
    Viewer who = viewer.get();
    return new Me(
        who.name(),
        List.copyOf(new TreeSet<>(who.roles())),
        who.memberId().orElse(null),
        who.everyAggregate(),
        List.copyOf(new TreeSet<>(who.pods())));
  }
}
