package io.podometer.web.org;

import com.fasterxml.jackson.databind.JsonNode;
import io.podometer.engine.identity.Classification;
import io.podometer.engine.identity.IdentityMapping;
import io.podometer.engine.identity.MappingRefused;
import io.podometer.engine.identity.UnmappedIdentity;
import io.podometer.web.http.Problem;
import io.podometer.web.security.AuditLog;
import io.podometer.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The identities seen in the events that the organization model does not place, with the members
 * they probably are; and an admin's decision about one — a member's, an agent's or an ignored bot's
 * — stored as a new version of the model, after which the figures are recomputed with it.
 */
@Path("/api/identities")
@RolesAllowed(Roles.ADMIN)
public class IdentitiesResource {

  private static final Set<String> FIELDS = Set.of("identity", "action", "member", "tool");

  @Inject OrgService orgService;
  @Inject UnmappedIdentities unmapped;
  @Inject AuditLog audit;
  @Inject SecurityIdentity who;

  /** A member an identity can be mapped to. */
  public record MemberChoice(String id, String name) {}

  /** The unmapped identities, and what they can be mapped to. */
  public record Listing(
      long orgVersion,
      List<UnmappedIdentity> unmapped,
      List<MemberChoice> members,
      List<String> tools) {}

  /** An identity after a mapping: what it is now, in which version. */
  public record Mapped(String identity, String kind, String member, String tool, long orgVersion) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Identities seen in events that the organization model does not place, each with where"
              + " it was seen and the members it probably is (admins)")
  public Listing list() {
    OrgSnapshot org = orgService.current();
    Set<String> tools = new LinkedHashSet<>();
    org.identities().agents().patterns().forEach(p -> tools.add(p.tool()));
    return new Listing(
        org.version(),
        unmapped.list(org),
        org.model().members().stream().map(m -> new MemberChoice(m.id(), m.name())).toList(),
        List.copyOf(tools));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Map an unmapped identity to a member, or mark it an agent or an ignored bot: a new"
              + " version of the organization model, and the figures recomputed with it (admins)")
  @APIResponse(
      responseCode = "200",
      description = "stored: {identity, kind, member, tool, orgVersion}")
  @APIResponse(responseCode = "400", description = "a field is missing or breaks a rule (named)")
  @APIResponse(responseCode = "409", description = "the identity is placed already")
  public Mapped map(JsonNode body) {
    IdentityMapping mapping = read(body);
    String admin = who.getPrincipal().getName();
    // the admin is named in the version's source and in the audit log
    OrgSnapshot stored =
        orgService.update(
            mapping::applyTo,
            "identities",
            "identity mapped by " + admin + ": " + mapping.summary());
    audit.record(admin, "identity.map", mapping.summary(), "version " + stored.version());
    Classification now = stored.identities().classify(mapping.checkedIdentity());
    return new Mapped(
        mapping.checkedIdentity(),
        now.kind(),
        now.memberId().orElse(null),
        now.tool().orElse(null),
        stored.version());
  }

  /** A mapping that cannot be made: 400 naming the field and rule, or 409 when it is placed. */
  @ServerExceptionMapper
  public Response refused(MappingRefused e) {
    int status = e.conflict() ? 409 : 400;
    return Problem.of(
            status,
            e.conflict() ? "Identity already mapped" : "Invalid identity mapping",
            e.getMessage(),
            List.of(new Problem.FieldError(null, null, e.field(), e.rule(), e.getMessage())))
        .toResponse();
  }

  private static IdentityMapping read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("body: a JSON object with " + new TreeSet<>(FIELDS));
    }
    List<String> unknown = new java.util.ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "body: unknown field(s) " + unknown + " (allowed: " + new TreeSet<>(FIELDS) + ")");
    }
    return new IdentityMapping(
        text(body, "identity"), text(body, "action"), text(body, "member"), text(body, "tool"));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + ": must be a string");
    }
    return value.asText();
  }
}
