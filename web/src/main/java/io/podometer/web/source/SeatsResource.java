package io.podometer.web.source;

import io.podometer.connectors.source.EventSink;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.connectors.vendorusage.SeatListing;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventLimits;
import io.podometer.engine.event.Utf8Text;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.http.Problem;
import io.podometer.web.security.AuditLog;
import io.podometer.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Agent seats: an account's whole listing put by an importer (or a script), with the rights of
 * ingestion — seats it no longer lists end — and, for admins only, who holds which seat and which
 * are idle: names of seat holders are shown nowhere else.
 */
@Path("/api/sources/seats")
@Produces(MediaType.APPLICATION_JSON)
@io.smallrye.common.annotation.Blocking
public class SeatsResource {

  /**
   * A tool id as agent patterns name them: {@code copilot}, {@code cursor}, {@code claude_code}.
   */
  private static final Pattern TOOL = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

  @Inject EventSink sink;
  @Inject PodometerConfig config;
  @Inject AuditLog audit;
  @Inject SeatHolders holders;
  @Inject Clock clock;

  /** What a listing did. */
  public record Receipt(
      String tool,
      String account,
      int listed,
      int notAPerson,
      long removed,
      long accepted,
      long duplicates,
      long revisions) {}

  @PUT
  @Path("/{tool}")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @RolesAllowed({Roles.INGEST, Roles.ADMIN})
  @Operation(
      summary = "Put the whole current listing of an account's seats of a tool",
      description =
          "?account=the organization or enterprise billed. The body is a page of GitHub's seat list"
              + " (/orgs/{org}/copilot/billing/seats) or {\"seats\":[{user, assignedAt,"
              + " lastActivityAt, lastActivityEditor, endsOn}]}. Seats of the account known before"
              + " and not listed end now. Checked whole: one bad seat and nothing is stored.")
  @APIResponse(
      responseCode = "200",
      description = "{tool, account, listed, notAPerson, removed, accepted, duplicates, revisions}")
  @APIResponse(responseCode = "400", description = "a bad listing: every problem by seat and field")
  @APIResponse(responseCode = "413", description = "a body over the size or event limit")
  public Response put(
      @PathParam("tool") String tool,
      @QueryParam("account") String account,
      byte[] body,
      SecurityContext security) {
    if (tool == null || !TOOL.matcher(tool).matches()) {
      return bad("tool", "a tool id: lower-case letters, digits, '_', '.', '-' (e.g. copilot)");
    }
    if (account == null || account.isBlank()) {
      return bad("account", "required: the organization or enterprise billed for the seats");
    }
    if (account.length() > EventLimits.NAME || account.chars().anyMatch(Character::isISOControl)) {
      return bad("account", "at most " + EventLimits.NAME + " characters, no control characters");
    }
    long limit = config.limits().seatListingBody().asLongValue();
    if (body != null && body.length > limit) {
      return Problem.of(
              413,
              "Content Too Large",
              "body: "
                  + body.length
                  + " bytes; a seat listing may have at most "
                  + limit
                  + " bytes",
              null)
          .toResponse();
    }
    SeatListing listing = new SeatListing();
    List<CanonicalEvent> events;
    try {
      listing.addPage(Utf8Text.decode(body == null ? new byte[0] : body));
      if (listing.incomplete() != null) {
        throw new SeatListing.Unreadable(List.of("seats: " + listing.incomplete()));
      }
      events =
          listing.events(
              tool, account, clock.instant(), holders.known(tool), holders.telemetryFrom(tool));
    } catch (SeatListing.Unreadable e) {
      return Problem.refusedWhole("Invalid seat listing", e.problems()).toResponse();
    }
    int max = config.ingest().maxEventsPerRequest();
    if (events.size() > max) {
      return Problem.of(
              413,
              "Content Too Large",
              events.size()
                  + " events; one request may store at most "
                  + max
                  + " (PODOMETER_INGEST_MAX_EVENTS)",
              null)
          .toResponse();
    }
    IngestReceipt stored = IngestReceipt.EMPTY;
    if (!events.isEmpty()) {
      try {
        stored = sink.publish(events).toCompletableFuture().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    long removed = SeatListing.removed(events);
    audit.record(
        security.getUserPrincipal().getName(),
        "source.seats",
        tool + ":" + account,
        listing.seats().size() + " seats listed, " + removed + " ended");
    return Response.ok(
            new Receipt(
                tool,
                account,
                listing.seats().size(),
                listing.notAPerson(),
                removed,
                stored.accepted(),
                stored.duplicates(),
                stored.revisions()))
        .build();
  }

  @GET
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Who holds which seat, idle ones first (admins only)",
      description =
          "A seat is idle when held for 30 days and not used in them (no usage day of its tool by"
              + " its holder, no activity on the vendor's list).")
  public List<SeatHolders.Holder> list() {
    return holders.list();
  }

  private static Response bad(String parameter, String rule) {
    return Problem.of(
            400,
            "Bad Request",
            parameter + ": " + rule,
            List.of(new Problem.FieldError(null, null, parameter, rule, parameter + ": " + rule)))
        .toResponse();
  }
}
