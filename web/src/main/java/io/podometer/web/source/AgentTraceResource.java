package io.podometer.web.source;

import io.podometer.connectors.agenttrace.AgentTraceRecords;
import io.podometer.connectors.source.EventSink;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.engine.event.Utf8Text;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.http.Problem;
import io.podometer.web.security.AuditLog;
import io.podometer.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Agent Trace records posted by an agent's hook or a script: the lines they attribute to an AI
 * contributor become their commits' line-level authorship ({@link AgentTraceRecords}), stored as
 * events with the rights of ingestion.
 */
@Path("/api/sources/agent-trace")
@Produces(MediaType.APPLICATION_JSON)
@io.smallrye.common.annotation.Blocking
public class AgentTraceResource {

  @Inject EventSink sink;
  @Inject PodometerConfig config;
  @Inject AuditLog audit;

  /** What a file of records gave. */
  public record Receipt(
      String repo, int records, int commits, long accepted, long duplicates, long revisions) {}

  @POST
  @Consumes({
    MediaType.APPLICATION_JSON,
    "application/x-ndjson",
    "application/vnd.agent-trace.record+json",
    MediaType.TEXT_PLAIN
  })
  @RolesAllowed({Roles.INGEST, Roles.ADMIN})
  @Operation(
      summary = "Import Agent Trace records: line-level AI authorship of a repository's commits",
      description =
          "?repo=owner/name (records do not name it). A JSON array, one record, or JSON Lines;"
              + " checked whole first: one bad record and nothing is stored (README, \"Agent Trace"
              + " records\").")
  @APIResponse(
      responseCode = "200",
      description = "imported: {repo, records, commits, accepted, duplicates, revisions}")
  @APIResponse(
      responseCode = "400",
      description = "a bad record: every problem by record, line and field; nothing stored")
  @APIResponse(responseCode = "413", description = "a body over the size or event limit")
  public Response importRecords(
      @QueryParam("repo") String repo, byte[] body, SecurityContext security) {
    String repository = AgentTraceRecords.repository(repo); // a 400 naming repo
    long limit = config.limits().agentTraceBody().asLongValue();
    if (body != null && body.length > limit) {
      return Problem.of(
              413,
              "Content Too Large",
              "body: "
                  + body.length
                  + " bytes; an Agent Trace file may have at most "
                  + limit
                  + " bytes",
              null)
          .toResponse();
    }
    AgentTraceRecords.Read read;
    try {
      read = AgentTraceRecords.read(Utf8Text.decode(body == null ? new byte[0] : body), repository);
    } catch (AgentTraceRecords.Unreadable e) {
      return Problem.refusedWhole("Invalid Agent Trace records", e.problems()).toResponse();
    }
    int max = config.ingest().maxEventsPerRequest();
    if (read.events().size() > max) {
      return Problem.of(
              413,
              "Content Too Large",
              read.events().size()
                  + " commits; one request may store at most "
                  + max
                  + " (PODOMETER_INGEST_MAX_EVENTS): split the records",
              null)
          .toResponse();
    }
    IngestReceipt stored;
    try {
      stored = sink.publish(read.events()).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    String actor = security.getUserPrincipal().getName();
    audit.record(
        actor,
        "source.agent-trace",
        repository,
        read.records()
            + " records, "
            + read.events().size()
            + " commits, "
            + stored.accepted()
            + " accepted");
    return Response.ok(
            new Receipt(
                repository,
                read.records(),
                read.events().size(),
                stored.accepted(),
                stored.duplicates(),
                stored.revisions()))
        .build();
  }
}
