package io.podometer.web.bet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.engine.bet.KillSignalEvaluator;
import io.podometer.engine.bet.KillSignalVerdict;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.api.MetricsQuery;
import io.podometer.web.http.Problem;
import io.podometer.web.org.OrgSnapshot;
import io.podometer.web.security.AuditLog;
import io.podometer.web.security.Roles;
import io.podometer.web.viewer.CurrentViewer;
import io.podometer.web.viewer.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bets and their single task owners (SPEC §2): list and read them with their status history and
 * kill signal judged in a week; create or change one (a new version of the organization model);
 * record outcome readings and learnings; the owner's decision on a kill candidate.
 */
@Path("/api/bets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.READER, Roles.CHAMPION, Roles.MEMBER, Roles.ADMIN})
public class BetsResource {

  /** Limits of what people type into a bet, checked before the model is touched. */
  static final int TITLE_LENGTH = 200;

  static final int HYPOTHESIS_LENGTH = 2_000;
  static final int NOTE_LENGTH = 2_000;
  static final int SIGNAL_NAME_LENGTH = 100;
  static final int LEARNING_LENGTH = 4_000;
  static final int READINGS_PER_REQUEST = 1_000;

  @Inject BetService bets;
  @Inject BetFacts betFacts;
  @Inject CurrentViewer viewer;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public record Bets(String week, List<BetViews.BetView> bets) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SignalSeries(String name, List<BetViews.WeekValue> weeks) {}

  public record Learning(String author, String text, Instant at) {}

  public record BetDetail(
      BetViews.BetView bet,
      List<SignalSeries> signals,
      List<Learning> learnings,
      List<BetViews.Decision> decisions) {}

  public record BetSaved(long orgVersion, List<String> warnings, BetViews.BetView bet) {}

  public record Recorded(int accepted, int duplicates) {
    static Recorded of(IngestReceipt receipt) {
      return new Recorded(receipt.accepted(), receipt.duplicates());
    }
  }

  @ServerExceptionMapper
  public Response exists(BetService.BetExists e) {
    return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
  }

  @GET
  @Operation(
      summary =
          "Every bet with its STO, hypothesis, kill signal judged in a week (by default the last"
              + " complete one), whether it is a kill candidate, and its status history")
  public Bets list(@QueryParam("week") String week) {
    IsoWeek judged = week(week);
    OrgModel org = bets.org();
    Map<String, KillSignalVerdict> verdicts = bets.judge(org, judged);
    Map<String, List<BetStatusChangeEntity>> histories = bets.histories();
    Map<String, KillDecisionEntity> decisions = bets.latestDecisions();
    Viewer who = viewer.get();
    List<BetViews.BetView> views = new ArrayList<>();
    for (Bet bet : org.bets()) {
      views.add(
          view(
              who,
              org,
              bet,
              verdicts.get(bet.id()),
              histories.getOrDefault(bet.id(), List.of()),
              decisions.get(bet.id())));
    }
    return new Bets(judged.toString(), views);
  }

  @GET
  @Path("{id}")
  @Operation(
      summary =
          "One bet: its kill signal judged in a week, its outcome readings week by week, its"
              + " learnings (newest first) and its owner's decisions")
  public BetDetail one(@PathParam("id") String id, @QueryParam("week") String week) {
    IsoWeek judged = week(week);
    Bet bet = bets.bet(id);
    OrgModel org = bets.org();
    KillSignalEvaluator evaluator = bets.evaluator(org);
    List<KillDecisionEntity> decisions = bets.decisions(bet.id());
    BetViews.BetView view =
        view(
            viewer.get(),
            org,
            bet,
            evaluator.evaluate(bet, judged),
            bets.histories().getOrDefault(bet.id(), List.of()),
            decisions.isEmpty() ? null : decisions.get(decisions.size() - 1));
    List<SignalSeries> series = new ArrayList<>();
    evaluator
        .readings(bet.id())
        .forEach(
            (name, weeks) ->
                series.add(
                    new SignalSeries(
                        name,
                        weeks.values().stream()
                            .map(
                                w ->
                                    new BetViews.WeekValue(
                                        w.week().toString(), w.value(), w.readings()))
                            .toList())));
    var identities = bets.identities();
    List<Learning> learnings =
        betFacts.read().learningsOf(bet.id()).stream()
            .map(
                l ->
                    new Learning(
                        BetViews.authorName(identities, org, l.author()), l.text(), l.at()))
            .toList();
    return new BetDetail(
        view, series, learnings, decisions.stream().map(BetViews.Decision::of).toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADMIN, Roles.LEADER})
  @Operation(
      summary =
          "Create a bet, in the organization file's shape ({id, title, sto, hypothesis,"
              + " killSignal, status, started, links}); a new version of the model")
  public Response create(JsonNode body) {
    ObjectNode bet = betBody(body, null);
    BetSaved saved = save(bet, true);
    return Response.status(Response.Status.CREATED).entity(saved).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Replace a bet (its owner, an administrator or a leader): a status change is recorded"
              + " with its date and author")
  public BetSaved replace(@PathParam("id") String id, JsonNode body) {
    Bet existing = bets.bet(id);
    requireOwnerOrLead(existing);
    return save(betBody(body, id), false);
  }

  private BetSaved save(ObjectNode bet, boolean create) {
    String by = viewer.get().name();
    OrgSnapshot stored = bets.save(bet, create, by);
    String id = bet.get("id").asText();
    audit.record(by, create ? "bet.create" : "bet.update", id, null);
    Bet saved = stored.model().bet(id).orElseThrow();
    List<String> warnings =
        stored.warnings().stream().filter(w -> w.startsWith("bet '" + id + "'")).toList();
    IsoWeek judged = bets.lastCompleteWeek();
    return new BetSaved(
        stored.version(),
        warnings,
        view(
            viewer.get(),
            stored.model(),
            saved,
            bets.evaluator(stored.model()).evaluate(saved, judged),
            bets.histories().getOrDefault(id, List.of()),
            bets.latestDecisions().get(id)));
  }

  @POST
  @Path("{id}/signals")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADMIN, Roles.LEADER, Roles.INGEST, Roles.CHAMPION, Roles.MEMBER})
  @Operation(
      summary =
          "Record outcome readings of a bet ({name, value, at?} or a list of them) as bet.signal"
              + " events; at defaults to now")
  public Recorded signals(@PathParam("id") String id, JsonNode body) {
    Bet bet = bets.bet(id);
    if (!viewer.get().roles().contains(Roles.INGEST)) {
      requireOwnerOrLead(bet);
    }
    List<JsonNode> readings = new ArrayList<>();
    if (body != null && body.isArray()) {
      body.forEach(readings::add);
    } else {
      readings.add(body);
    }
    if (readings.isEmpty() || readings.size() > READINGS_PER_REQUEST) {
      throw new IllegalArgumentException(
          "body: one reading {name, value, at} or a list of 1 to "
              + READINGS_PER_REQUEST
              + " of them");
    }
    List<ObjectNode> events = new ArrayList<>();
    for (int i = 0; i < readings.size(); i++) {
      String at = readings.size() == 1 ? "" : "[" + i + "].";
      JsonNode reading = readings.get(i);
      Fields fields = new Fields(reading, at, "name", "value", "at");
      String name = fields.text("name", SIGNAL_NAME_LENGTH, true);
      JsonNode value = reading.get("value");
      if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
        throw new IllegalArgumentException(at + "value: required, a finite number");
      }
      Instant when = fields.instant("at");
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.put("betId", bet.id());
      data.put("name", name);
      data.put("value", value.asDouble());
      data.put("at", when.toString());
      events.add(
          BetService.event(
              "signal:" + bet.id() + ":" + name + ":" + when, "bet.signal", when, null, data));
    }
    return Recorded.of(bets.publish(events));
  }

  @POST
  @Path("{id}/learnings")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADMIN, Roles.LEADER, Roles.CHAMPION, Roles.MEMBER})
  @Operation(
      summary =
          "Record a learning on a bet ({text, at?}) as a bet.learning event, written by whoever"
              + " posts it")
  public Recorded learning(@PathParam("id") String id, JsonNode body) {
    Bet bet = bets.bet(id);
    requireOwnerOrLead(bet);
    Fields fields = new Fields(body, "", "text", "at");
    String text = fields.text("text", LEARNING_LENGTH, true);
    Instant when = fields.instant("at");
    Viewer who = viewer.get();
    String author = who.memberId().orElse(who.name());
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("betId", bet.id());
    data.put("author", author);
    data.put("text", text);
    data.put("at", when.toString());
    return Recorded.of(
        bets.publish(
            List.of(
                BetService.event(
                    "learning:" + bet.id() + ":" + when, "bet.learning", when, author, data))));
  }

  @POST
  @Path("{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The owner's decision on a kill candidate ({decision: kill|keep, note}): kill marks the"
              + " bet killed; both are recorded with their date")
  public BetViews.Decision decide(@PathParam("id") String id, JsonNode body) {
    Bet bet = bets.bet(id);
    requireOwnerOrLead(bet);
    Fields fields = new Fields(body, "", "decision", "note");
    String decision = fields.text("decision", 10, true);
    if (!decision.equals(KillDecisionEntity.KILL) && !decision.equals(KillDecisionEntity.KEEP)) {
      throw new IllegalArgumentException("decision: 'kill' or 'keep', was '" + decision + "'");
    }
    String note = fields.text("note", NOTE_LENGTH, false);
    IsoWeek judged = bets.lastCompleteWeek();
    KillSignalVerdict verdict = bets.evaluator(bets.org()).evaluate(bet, judged);
    if (!BetService.killCandidate(bet, verdict)) {
      throw new jakarta.ws.rs.ClientErrorException(
          Problem.of(
                  Response.Status.CONFLICT,
                  "bet '"
                      + bet.id()
                      + "' is no kill candidate in "
                      + judged
                      + " (its kill signal "
                      + verdict.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                      + ", status "
                      + bet.status().id()
                      + "); change its status with PUT /api/bets/"
                      + bet.id())
              .toResponse());
    }
    String by = viewer.get().name();
    KillDecisionEntity saved = bets.decide(bet, judged, decision, note, by);
    audit.record(by, "bet.decision", bet.id(), decision);
    return BetViews.Decision.of(saved);
  }

  /** A bet as the API shows it to this viewer. */
  private static BetViews.BetView view(
      Viewer who,
      OrgModel org,
      Bet bet,
      KillSignalVerdict verdict,
      List<BetStatusChangeEntity> history,
      KillDecisionEntity lastDecision) {
    return BetViews.of(
        bet, stoName(org, bet), verdict, valuesShown(who, bet), history, lastDecision);
  }

  /** The names of a bet's STOs, as people read them. */
  private static String stoName(OrgModel org, Bet bet) {
    if (bet.stos().isEmpty()) {
      return null;
    }
    return String.join(
        ", ", bet.stos().stream().map(id -> org.member(id).map(m -> m.name()).orElse(id)).toList());
  }

  /** Administrators, leaders and the bet's own STO change a bet; nobody else. */
  private void requireOwnerOrLead(Bet bet) {
    Viewer who = viewer.get();
    if (who.roles().contains(Roles.ADMIN) || who.roles().contains(Roles.LEADER)) {
      return;
    }
    boolean owner = who.memberId().filter(m -> bet.stos().contains(m)).isPresent();
    if (!owner) {
      throw new ForbiddenException(
          "bet '" + bet.id() + "': only its STO, a leader or an administrator may change it");
    }
  }

  /** A metric-based kill signal's values are the bet's figures: shown where those are. */
  private static boolean valuesShown(Viewer who, Bet bet) {
    return bet.killSignal() == null
        || bet.killSignal().source() == io.podometer.engine.org.KillSignal.Source.SIGNAL
        || who.canSee(ScopeId.bet(bet.id()));
  }

  private IsoWeek week(String week) {
    return week == null || week.isBlank()
        ? bets.lastCompleteWeek()
        : MetricsQuery.week("week", week);
  }

  /** A bet in the file's shape, with its limits checked and its id as the path says. */
  private static ObjectNode betBody(JsonNode body, String pathId) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException(
          "body: a bet as a JSON object {id, title, sto, hypothesis, killSignal, status, started,"
              + " links}");
    }
    ObjectNode bet = ((ObjectNode) body).deepCopy();
    JsonNode id = bet.get("id");
    if (pathId != null) {
      if (id != null && !(id.isTextual() && id.asText().equals(pathId))) {
        throw new IllegalArgumentException(
            "id: the body names bet " + id + ", the path '" + pathId + "'");
      }
      bet.put("id", pathId);
    } else if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw new IllegalArgumentException("id: required, the bet's id (letters, digits, . _ -)");
    }
    limit(bet, "title", TITLE_LENGTH);
    limit(bet, "hypothesis", HYPOTHESIS_LENGTH);
    return bet;
  }

  private static void limit(ObjectNode bet, String field, int max) {
    JsonNode value = bet.get(field);
    if (value != null && value.isTextual() && value.asText().length() > max) {
      throw new IllegalArgumentException(
          field + ": at most " + max + " characters, was " + value.asText().length());
    }
  }

  /** A small request object read strictly: unknown fields refused by name. */
  private final class Fields {
    private final JsonNode body;
    private final String prefix;

    Fields(JsonNode body, String prefix, String... allowed) {
      if (body == null || !body.isObject()) {
        throw new IllegalArgumentException(
            (prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1))
                + ": a JSON object with "
                + String.join(", ", allowed));
      }
      List<String> known = List.of(allowed);
      List<String> unknown = new ArrayList<>();
      body.fieldNames()
          .forEachRemaining(
              n -> {
                if (!known.contains(n)) {
                  unknown.add(n);
                }
              });
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(
            prefix
                + unknown.get(0)
                + ": unknown field (allowed: "
                + String.join(", ", allowed)
                + ")");
      }
      this.body = body;
      this.prefix = prefix;
    }

    String text(String field, int max, boolean required) {
      JsonNode value = body.get(field);
      if (value == null || value.isNull()) {
        if (required) {
          throw new IllegalArgumentException(prefix + field + ": required");
        }
        return null;
      }
      if (!value.isTextual()) {
        throw new IllegalArgumentException(prefix + field + ": must be a string");
      }
      String text = value.asText().strip();
      if (required && text.isEmpty()) {
        throw new IllegalArgumentException(prefix + field + ": required, not blank");
      }
      if (text.length() > max) {
        throw new IllegalArgumentException(
            prefix + field + ": at most " + max + " characters, was " + text.length());
      }
      return text;
    }

    Instant instant(String field) {
      String text = text(field, 40, false);
      if (text == null) {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      }
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            prefix
                + field
                + ": an ISO-8601 timestamp with offset (2026-11-23T12:00:00Z), was '"
                + text
                + "'");
      }
    }
  }
}
