package io.podometer.web.org;

import io.podometer.engine.org.OrgModelWriter;
import io.podometer.web.security.AuditLog;
import io.podometer.web.security.Roles;
import io.podometer.web.store.OrgVersionEntity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The organization model (SPEC §3): read it, or store a new version. */
@Path("/api/org")
@RolesAllowed({Roles.ADMIN, Roles.LEADER})
public class OrgResource {

  public static final String YAML = "application/yaml";

  @Inject OrgService orgService;
  @Inject UnmappedIdentities unmappedIdentities;
  @Inject AuditLog audit;
  @Inject SecurityIdentity identity;

  private final OrgModelWriter writer = new OrgModelWriter();

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The organization model in force, every default filled in")
  public Response getJson() {
    OrgSnapshot org = orgService.current();
    return Response.ok(writer.toJson(org.model()))
        .header("Podometer-Org-Version", org.version())
        .build();
  }

  @GET
  @Produces({YAML, "text/yaml"})
  @Operation(summary = "The organization model in force, as YAML")
  public Response getYaml() {
    OrgSnapshot org = orgService.current();
    return Response.ok(writer.toYaml(org.model()))
        .header("Podometer-Org-Version", org.version())
        .build();
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @Consumes({YAML, "text/yaml", "application/x-yaml", MediaType.APPLICATION_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Validate and store a new version of the organization model")
  @APIResponse(responseCode = "200", description = "stored: {version, warnings}")
  @APIResponse(
      responseCode = "400",
      description = "invalid: each problem names the entry and field")
  public OrgStored put(String body, @jakarta.ws.rs.HeaderParam("Content-Type") String contentType) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("body: the organization model is empty");
    }
    OrgSnapshot stored = orgService.store(body, "api", "PUT /api/org", contentType);
    audit.record(
        identity.getPrincipal().getName(), "org.store", "version " + stored.version(), null);
    return new OrgStored(stored.version(), stored.warnings());
  }

  @GET
  @Path("/versions")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Stored versions of the organization model, newest first")
  public List<OrgVersionSummary> versions() {
    return orgService.versions().stream().map(OrgVersionSummary::of).toList();
  }

  @GET
  @Path("/unmapped-identities")
  @RolesAllowed(Roles.ADMIN)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Identities seen in events that map to no member (not agents, not ignored bots), with"
              + " how many facts mention each")
  public java.util.Map<String, Integer> unmappedIdentities() {
    return unmappedIdentities.find(orgService.current());
  }

  /** The answer to a stored version. */
  public record OrgStored(long version, List<String> warnings) {}

  /** One stored version, without its content. */
  public record OrgVersionSummary(
      long version, String origin, String sourceName, Instant createdAt, List<String> warnings) {
    static OrgVersionSummary of(OrgVersionEntity e) {
      List<String> warnings =
          e.warnings.isEmpty() ? List.of() : Arrays.asList(e.warnings.split("\n"));
      return new OrgVersionSummary(e.version, e.origin, e.sourceName, e.createdAt, warnings);
    }
  }
}
