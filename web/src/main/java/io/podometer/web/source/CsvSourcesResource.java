package io.podometer.web.source;

import io.podometer.connectors.csv.CsvKind;
import io.podometer.connectors.csv.CsvRejected;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.http.Problem;
import io.podometer.web.security.AuditLog;
import io.podometer.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * CSV sources (SPEC §4.3), for systems without an API: deployments, incidents and meeting hours
 * become events with the rights of ingestion; members change the organization model, an admin's
 * right.
 */
@Path("/api/sources/csv")
@Produces(MediaType.APPLICATION_JSON)
// parsing and checking a file of thousands of rows takes a worker thread, not the event loop
@io.smallrye.common.annotation.Blocking
public class CsvSourcesResource {

  public static final String CSV = "text/csv";

  @Inject CsvImports imports;
  @Inject PodometerConfig config;
  @Inject AuditLog audit;

  @POST
  @Path("/{kind}")
  @Consumes({CSV, MediaType.TEXT_PLAIN})
  @RolesAllowed({Roles.INGEST, Roles.ADMIN})
  @Operation(
      summary = "Import a CSV file: deployments, incidents, meetings (ingest) or members (admin)",
      description =
          "UTF-8, a header row first (README, \"CSV sources\"). The whole file is checked first;"
              + " one bad row and nothing is stored. ?name= (or Content-Disposition's filename)"
              + " lists the import under that name.")
  @APIResponse(
      responseCode = "200",
      description = "imported: {kind, rows, events, accepted, duplicates, revisions, warnings}")
  @APIResponse(
      responseCode = "400",
      description = "a bad row: line, column and rule; nothing stored")
  @APIResponse(responseCode = "413", description = "a file over the size or event limit")
  public Response importFile(
      @PathParam("kind") String kindName,
      @QueryParam("name") String name,
      @HeaderParam("Content-Disposition") String contentDisposition,
      byte[] body,
      SecurityContext security) {
    CsvKind kind =
        CsvKind.of(kindName)
            .orElseThrow(
                () ->
                    new jakarta.ws.rs.NotFoundException(
                        "no CSV kind '" + kindName + "' (one of " + CsvKind.allNames() + ")"));
    String role = kind.changesOrgModel() ? Roles.ADMIN : Roles.INGEST;
    if (!security.isUserInRole(role)) {
      throw new io.quarkus.security.ForbiddenException();
    }
    long limit = config.limits().csvBody().asLongValue();
    if (body != null && body.length > limit) {
      return Problem.of(
              413,
              "Content Too Large",
              "body: " + body.length + " bytes; a CSV file may have at most " + limit + " bytes",
              null)
          .toResponse();
    }
    String listedAs = CsvImports.fileName(name, contentDisposition);
    String actor = security.getUserPrincipal().getName();
    byte[] file = body == null ? new byte[0] : body;
    CsvImports.Receipt receipt =
        kind.changesOrgModel()
            ? imports.importMembers(file, listedAs, actor)
            : imports.importEvents(kind, file, listedAs, actor);
    audit.record(
        actor,
        "source.csv",
        kind.wireName() + (listedAs == null ? "" : " " + listedAs),
        receipt.rows()
            + " rows, "
            + (receipt.orgVersion() != null
                ? "organization model version " + receipt.orgVersion()
                : receipt.accepted()
                    + " accepted, "
                    + receipt.duplicates()
                    + " duplicates, "
                    + receipt.revisions()
                    + " revisions"));
    return Response.ok(receipt).build();
  }

  @GET
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Recent CSV imports, newest first: kind, name, rows, what they gave, who")
  public List<CsvImports.View> recent() {
    return imports.recent();
  }

  /** A bad file: every line, column and rule, and nothing stored. */
  @ServerExceptionMapper
  public Response rejected(CsvRejected e) {
    List<Problem.FieldError> errors =
        e.problems().stream()
            .map(
                p ->
                    new Problem.FieldError(
                        p.line() > 0 ? p.line() : null, null, p.column(), p.rule(), p.toString()))
            .toList();
    String detail =
        errors.size() == 1
            ? e.problems().get(0).toString() + "; nothing was stored"
            : errors.size() + " problems; nothing was stored";
    return Problem.of(400, "Invalid CSV", detail, errors).toResponse();
  }

  @ServerExceptionMapper
  public Response tooManyEvents(CsvImports.TooManyEvents e) {
    return Problem.of(413, "Content Too Large", e.getMessage(), null).toResponse();
  }
}
