package io.podometer.web.antipattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.engine.detect.AntiPatternDetectors;
import io.podometer.engine.detect.Detector;
import io.podometer.engine.detect.NotEvaluated;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.api.DrilldownResource;
import io.podometer.web.api.MetricsQuery;
import io.podometer.web.figures.FigureService;
import io.podometer.web.security.Roles;
import io.podometer.web.viewer.CurrentViewer;
import io.podometer.web.viewer.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The anti-pattern flags (SPEC §6) a viewer may see — each with its rule, thresholds, the figures
 * behind it and what to do — and where a detector could not tell for lack of data; one flag's
 * history and the pull requests, deployments and incidents behind its figures; acknowledging one.
 */
@Path("/api/antipatterns")
@Produces(MediaType.APPLICATION_JSON)
public class AntiPatternResource {

  static final int DEFAULT_WEEKS = 12;
  static final int MAX_WEEKS = 104;
  static final int NOTE_LENGTH = 2_000;

  /** Items listed per evidence figure in a flag's detail; the drill-down has them all. */
  static final int FACTS_PER_FIGURE = 50;

  private static final Set<String> DETECTORS = new LinkedHashSet<>();

  static {
    AntiPatternDetectors.all().forEach(detector -> DETECTORS.add(detector.id()));
  }

  @Inject AntiPatternService service;
  @Inject FigureService figures;
  @Inject CurrentViewer viewer;
  @Inject ObjectMapper json;
  @Inject DrilldownResource drilldowns;
  @Inject Clock clock;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Evidence(
      String metric, String scope, String week, Double value, String drilldown) {}

  public record Acknowledgement(String by, Instant at, String note) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FlagView(
      long id,
      String detector,
      String scope,
      String scopeName,
      String week,
      boolean weekInProgress,
      String severity,
      String rule,
      Map<String, Object> thresholds,
      List<Evidence> evidence,
      String suggestedAction,
      Instant raisedAt,
      Instant updatedAt,
      Instant clearedAt,
      Acknowledgement acknowledgement) {}

  public record Missing(String detector, String scope, String scopeName, String missing) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Listing(
      String from,
      String to,
      List<DetectorTexts.Text> detectors,
      Instant detectedAt,
      Long detectionMillis,
      Instant figuresAsOf,
      List<FlagView> flags,
      List<Missing> notEvaluated) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(Instant at, String kind, String severity, String by, String note) {}

  /** The items behind one evidence figure of the flag's week (a drill-down, cut short). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Facts(
      String metric,
      String scope,
      String week,
      String withheld,
      int count,
      List<DrilldownResource.Item> items) {}

  public record Detail(FlagView flag, List<Change> history, List<Facts> facts) {}

  @GET
  @RolesAllowed({Roles.LEADER, Roles.READER, Roles.CHAMPION, Roles.MEMBER})
  @Operation(
      summary =
          "Anti-pattern flags over a range of weeks (default the last 12), with the rule, thresholds"
              + " and figures behind each, and where a detector lacked the data to tell")
  public Listing list(
      @QueryParam("scope") String scope,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("detector") String detector,
      @QueryParam("status") String status) {
    Viewer who = viewer.get();
    ScopeId scopeId = scope == null || scope.isBlank() ? null : MetricsQuery.scope(scope);
    if (scopeId != null) {
      who.require(scopeId);
    }
    String detectorId = detector(detector);
    boolean withCleared = status(status);
    FigureSnapshot snapshot = snapshot();
    IsoWeek last = to == null || to.isBlank() ? snapshot.to() : MetricsQuery.week("to", to);
    IsoWeek first =
        from == null || from.isBlank()
            ? last.plusWeeks(-(DEFAULT_WEEKS - 1))
            : MetricsQuery.week("from", from);
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("from: " + first + " is after to " + last);
    }
    if (first.plusWeeks(MAX_WEEKS - 1).compareTo(last) < 0) {
      throw new IllegalArgumentException("from/to: at most " + MAX_WEEKS + " weeks per request");
    }
    StringBuilder query = new StringBuilder("week >= ?1 and week <= ?2");
    List<Object> parameters = new ArrayList<>(List.of(first.toString(), last.toString()));
    if (detectorId != null) {
      parameters.add(detectorId);
      query.append(" and detector = ?").append(parameters.size());
    }
    if (scopeId != null) {
      parameters.add(scopeId.toString());
      query.append(" and scope = ?").append(parameters.size());
    }
    if (!withCleared) {
      query.append(" and clearedAt is null");
    }
    OrgModel org = snapshot.org();
    IsoWeek current = currentWeek(org);
    List<FlagEntity> stored =
        QuarkusTransaction.requiringNew()
            .call(() -> FlagEntity.<FlagEntity>list(query.toString(), parameters.toArray()));
    List<FlagView> flags = new ArrayList<>();
    for (FlagEntity entity : stored) {
      if (who.canSee(ScopeId.parse(entity.scope))) {
        flags.add(view(entity, org, current));
      }
    }
    flags.sort(
        Comparator.comparing(FlagView::week)
            .reversed()
            .thenComparing(f -> -severityRank(f.severity()))
            .thenComparing(FlagView::detector)
            .thenComparing(FlagView::scope));
    AntiPatternService.Judgement judged = service.latest();
    List<Missing> missing = new ArrayList<>();
    if (judged != null) {
      for (NotEvaluated entry : judged.notEvaluated()) {
        if ((detectorId == null || detectorId.equals(entry.detector()))
            && (scopeId == null || scopeId.equals(entry.scope()))
            && who.canSee(entry.scope())) {
          missing.add(
              new Missing(
                  entry.detector(),
                  entry.scope().toString(),
                  scopeName(org, entry.scope()),
                  entry.missing()));
        }
      }
    }
    return new Listing(
        first.toString(),
        last.toString(),
        DETECTORS.stream().map(DetectorTexts::of).toList(),
        judged == null ? null : judged.detectedAt(),
        judged == null ? null : judged.millis(),
        judged == null ? null : judged.figuresAsOf(),
        flags,
        missing);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.LEADER, Roles.READER, Roles.CHAMPION, Roles.MEMBER})
  @Operation(
      summary =
          "One flag: its history, and the pull requests, deployments and incidents behind the"
              + " figures of its week")
  public Detail detail(@PathParam("id") String id) {
    FlagEntity entity = visible(id);
    FigureSnapshot snapshot = snapshot();
    OrgModel org = snapshot.org();
    FlagView flag = view(entity, org, currentWeek(org));
    List<Change> history =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    FlagChangeEntity.<FlagChangeEntity>list(
                            "flagId = ?1 order by at, id", entity.id)
                        .stream()
                        .map(c -> new Change(c.at, c.kind, c.severity, c.actor, c.note))
                        .toList());
    List<Facts> facts = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Evidence evidence : flag.evidence()) {
      if (!evidence.week().equals(flag.week())
          || evidence.value() == null
          || !seen.add(evidence.metric() + " " + evidence.scope())) {
        continue;
      }
      try {
        DrilldownResource.Drilldown drilled =
            drilldowns.drilldown(evidence.scope(), evidence.metric(), evidence.week());
        List<DrilldownResource.Item> items = drilled.items();
        facts.add(
            new Facts(
                evidence.metric(),
                evidence.scope(),
                evidence.week(),
                drilled.withheld(),
                items.size(),
                items.size() > FACTS_PER_FIGURE ? items.subList(0, FACTS_PER_FIGURE) : items));
      } catch (NotFoundException e) {
        facts.add(
            new Facts(evidence.metric(), evidence.scope(), evidence.week(), null, 0, List.of()));
      }
    }
    return new Detail(flag, history, facts);
  }

  @POST
  @Path("{id}/acknowledgement")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.LEADER, Roles.CHAMPION, Roles.MEMBER})
  @Operation(
      summary =
          "Acknowledge a flag with a note (who and when are recorded): it stays listed, as"
              + " acknowledged")
  public FlagView acknowledge(@PathParam("id") String id, JsonNode body) {
    String note = note(body);
    FlagEntity entity = visible(id);
    String by = viewer.get().name();
    Instant now = clock.instant();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              FlagEntity.update(
                  "acknowledgedBy = ?1, acknowledgedAt = ?2, acknowledgement = ?3 where id = ?4",
                  by,
                  now,
                  note,
                  entity.id);
              FlagChangeEntity change =
                  FlagChangeEntity.of(entity.id, now, FlagChangeEntity.ACKNOWLEDGED, null);
              change.actor = by;
              change.note = note;
              change.persist();
            });
    entity.acknowledgedBy = by;
    entity.acknowledgedAt = now;
    entity.acknowledgement = note;
    OrgModel org = snapshot().org();
    return view(entity, org, currentWeek(org));
  }

  private FlagEntity visible(String id) {
    long flagId;
    try {
      flagId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NotFoundException("no flag " + id);
    }
    FlagEntity entity =
        QuarkusTransaction.requiringNew().call(() -> FlagEntity.<FlagEntity>findById(flagId));
    if (entity == null) {
      throw new NotFoundException("no flag " + id);
    }
    viewer.get().require(ScopeId.parse(entity.scope));
    return entity;
  }

  private static String note(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("body: a JSON object like {\"note\": \"…\"}");
    }
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals("note")) {
                unknown.add(name);
              }
            });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "body: unknown field(s) " + unknown + " (allowed: [note])");
    }
    JsonNode note = body.get("note");
    if (note == null || note.isNull()) {
      return null;
    }
    if (!note.isTextual()) {
      throw new IllegalArgumentException("note: must be a string");
    }
    String text = note.asText().strip();
    if (text.codePointCount(0, text.length()) > NOTE_LENGTH) {
      throw new IllegalArgumentException("note: at most " + NOTE_LENGTH + " characters");
    }
    if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw new IllegalArgumentException("note: must not contain control characters");
    }
    return text.isEmpty() ? null : text;
  }

  private static String detector(String detector) {
    if (detector == null || detector.isBlank()) {
      return null;
    }
    String id = detector.strip();
    if (!DETECTORS.contains(id)) {
      throw new IllegalArgumentException(
          "detector: unknown '" + clip(id) + "' (one of " + String.join(", ", DETECTORS) + ")");
    }
    return id;
  }

  private static boolean status(String status) {
    if (status == null || status.isBlank() || status.strip().equals("active")) {
      return false;
    }
    if (status.strip().equals("all")) {
      return true;
    }
    throw new IllegalArgumentException(
        "status: unknown '"
            + clip(status.strip())
            + "' (active: flags firing now; all: cleared too)");
  }

  private FigureSnapshot snapshot() {
    FigureSnapshot snapshot = figures.figures();
    if (snapshot == null) {
      throw new ServiceUnavailableException("figures are being computed; try again shortly");
    }
    return snapshot;
  }

  private IsoWeek currentWeek(OrgModel org) {
    return IsoWeek.of(clock.instant(), org.org().timeZone());
  }

  private FlagView view(FlagEntity entity, OrgModel org, IsoWeek current) {
    ScopeId scope = ScopeId.parse(entity.scope);
    List<Evidence> evidence = new ArrayList<>();
    for (Map<String, Object> item :
        read(entity.evidence, new TypeReference<List<Map<String, Object>>>() {})) {
      String metric = (String) item.get("metric");
      String itemScope = (String) item.get("scope");
      String week = (String) item.get("week");
      Object value = item.get("value");
      evidence.add(
          new Evidence(
              metric,
              itemScope,
              week,
              value == null ? null : ((Number) value).doubleValue(),
              "/api/metrics/drilldown?scope="
                  + encode(itemScope)
                  + "&metric="
                  + encode(metric)
                  + "&week="
                  + encode(week)));
    }
    return new FlagView(
        entity.id,
        entity.detector,
        entity.scope,
        scopeName(org, scope),
        entity.week,
        IsoWeek.parse(entity.week).compareTo(current) >= 0,
        entity.severity,
        entity.rule,
        read(entity.thresholds, new TypeReference<LinkedHashMap<String, Object>>() {}),
        evidence,
        entity.suggestedAction,
        entity.raisedAt,
        entity.updatedAt,
        entity.clearedAt,
        entity.acknowledgedAt == null
            ? null
            : new Acknowledgement(
                entity.acknowledgedBy, entity.acknowledgedAt, entity.acknowledgement));
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored flag not readable", e);
    }
  }

  static String scopeName(OrgModel org, ScopeId scope) {
    if (scope.kind() == ScopeKind.POD) {
      return org.pod(scope.id()).map(p -> p.name()).orElse(scope.id());
    }
    if (scope.kind() == ScopeKind.PILLAR) {
      return org.pillar(scope.id()).map(p -> p.name()).orElse(scope.id());
    }
    if (scope.kind() == ScopeKind.BET) {
      return org.bets().stream()
          .filter(b -> b.id().equals(scope.id()))
          .map(b -> "bet " + b.title())
          .findFirst()
          .orElse("bet " + scope.id());
    }
    if (scope.kind() == ScopeKind.ORG) {
      return org.org().name();
    }
    return scope.toString();
  }

  static int severityRank(String severity) {
    return switch (severity) {
      case "high" -> 3;
      case "medium" -> 2;
      default -> 1;
    };
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String clip(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  /** Every detector there is (for the page's heatmap rows). */
  static List<Detector> detectors() {
    return AntiPatternDetectors.all();
  }
}
