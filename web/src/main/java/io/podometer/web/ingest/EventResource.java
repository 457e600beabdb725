package io.podometer.web.ingest;

import io.podometer.connectors.source.EventSink;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventProblem;
import io.podometer.engine.event.EventValidationException;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.http.Problem;
import io.podometer.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Canonical event ingestion (EVENTS.md): one event as JSON, or a batch as NDJSON. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INGEST)
// parsing and validating a batch of thousands of events takes a worker thread, not the event loop
@io.smallrye.common.annotation.Blocking
public class EventResource {

  public static final String NDJSON = "application/x-ndjson";

  @Inject EventSink sink;
  @Inject PodometerConfig config;

  @Inject java.time.Clock clock;

  // events arriving now name moments up to the configured horizon after now
  private EventCodec codec;

  @jakarta.annotation.PostConstruct
  void buildCodec() {
    codec = new EventCodec(clock, config.ingest().timeHorizon());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ingest one canonical event")
  @APIResponse(
      responseCode = "202",
      description = "stored durably: {accepted, duplicates, revisions}")
  @APIResponse(responseCode = "400", description = "invalid event; problem details name the field")
  @APIResponse(responseCode = "413", description = "body over the configured limit")
  public CompletionStage<Response> postOne(byte[] body) {
    return publish(List.of(codec.parseOne(StrictUtf8.decode(body))));
  }

  @POST
  @Consumes(NDJSON)
  @Operation(summary = "Ingest a batch of canonical events, one JSON object per line")
  @APIResponse(
      responseCode = "202",
      description = "stored durably: {accepted, duplicates, revisions}")
  @APIResponse(
      responseCode = "400",
      description = "a line is invalid: the whole batch is refused, every bad line listed")
  @APIResponse(responseCode = "413", description = "body over the configured limit")
  public CompletionStage<Response> postBatch(byte[] body) {
    List<CanonicalEvent> events = codec.parseNdjson(StrictUtf8.decode(body));
    if (events.isEmpty()) {
      throw new EventValidationException(
          List.of(
              new EventProblem(0, null, "body", "no events (NDJSON: one JSON object per line)")));
    }
    int max = config.ingest().maxEventsPerRequest();
    if (events.size() > max) {
      return java.util.concurrent.CompletableFuture.completedFuture(
          Problem.of(
                  413,
                  "Too many events",
                  events.size() + " events in one request; the limit is " + max,
                  null)
              .toResponse());
    }
    return publish(events);
  }

  private CompletionStage<Response> publish(List<CanonicalEvent> events) {
    return sink.publish(events)
        .thenApply(
            (IngestReceipt receipt) ->
                Response.status(Response.Status.ACCEPTED).entity(receipt).build());
  }
}
