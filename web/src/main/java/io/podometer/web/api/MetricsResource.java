package io.podometer.web.api;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.metric.DoraTiers;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.MemberFigures;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.metric.RangeTotals;
import io.podometer.engine.metric.ScopeSlice;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.figures.FigureService;
import io.podometer.web.figures.FigureStatus;
import io.podometer.web.security.Roles;
import io.podometer.web.viewer.CurrentViewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The figures: weekly series or range totals for a scope, as JSON or CSV. */
@Path("/api/metrics")
@RolesAllowed({Roles.LEADER, Roles.READER, Roles.CHAMPION, Roles.MEMBER})
public class MetricsResource {

  static final String CSV = "text/csv";

  @Inject FigureService service;
  @Inject Clock clock;
  @Inject CurrentViewer viewer;

  /** A metric's figures for the weeks asked (or its total over them). */
  public record MetricSeries(String metric, String unit, List<FigureView> figures) {}

  /**
   * The answer: the figures with what covers them and how fresh they are ({@code catchingUp} while
   * {@code factsWaiting} stored facts are not in the figures yet).
   */
  public record MetricsAnswer(
      String scope,
      String from,
      String to,
      String granularity,
      Instant dataAsOf,
      boolean catchingUp,
      int factsWaiting,
      Coverage coverage,
      List<MetricSeries> metrics) {}

  @GET
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @Operation(
      summary = "Figures of a scope per ISO week, or one total for the range",
      description =
          "scope: org, pillar:<id>, pod:<id>, service:<id>, repo:<owner>/<name>, bet:<id>,"
              + " sto:<member>. metric: repeat or comma-separate ids (default: every metric)."
              + " from/to: inclusive ISO weeks (default: the last 26 weeks). A week without a"
              + " figure says noData: no connected source covers it.")
  public Response metrics(
      @QueryParam("scope") String scope,
      @QueryParam("metric") List<String> metric,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("granularity") @DefaultValue("week") @Parameter(description = "week or total")
          String granularity,
      @QueryParam("format") @Parameter(description = "json (default) or csv") String format) {
    FigureSnapshot figures = figures();
    MetricsQuery query = MetricsQuery.parse(scope, metric, from, to, figures.to());
    viewer.get().require(query.scope());
    boolean total =
        switch (granularity == null ? "week" : granularity.strip()) {
          case "week", "" -> false;
          case "total" -> true;
          default ->
              throw new IllegalArgumentException(
                  "granularity: '" + granularity + "' is not week or total");
        };
    boolean csv = "csv".equalsIgnoreCase(format);
    if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
      throw new IllegalArgumentException("format: '" + format + "' is not json or csv");
    }
    Map<MetricId, TreeMap<IsoWeek, Figure>> series =
        query.scope().kind() == ScopeKind.MEMBER
            // a member's own figures are not kept for everyone: computed from their pods' facts
            ? MemberFigures.series(
                MetricFamilies.engine(),
                figures.lookups(),
                figures.facts(),
                query.scope().id(),
                List.of(MetricId.values()),
                query.from(),
                query.to(),
                clock.instant())
            : figures.series(query.scope(), List.of(MetricId.values()), query.from(), query.to());
    List<MetricSeries> answer = new ArrayList<>();
    if (total) {
      List<Figure> totals = totals(figures, query);
      for (MetricId id : query.metrics()) {
        List<FigureView> views = new ArrayList<>();
        totals.stream()
            .filter(f -> f.metric() == id)
            .findFirst()
            .ifPresent(f -> views.add(FigureView.total(f, query.from().toString())));
        answer.add(new MetricSeries(id.id(), id.unit(), views));
      }
    } else {
      for (MetricId id : query.metrics()) {
        List<FigureView> views = new ArrayList<>();
        TreeMap<IsoWeek, Figure> weeks = series.get(id);
        for (IsoWeek w = query.from(); w.compareTo(query.to()) <= 0; w = w.plusWeeks(1)) {
          Figure f = weeks.get(w);
          views.add(f == null ? FigureView.noData(w.toString()) : FigureView.of(f));
        }
        answer.add(new MetricSeries(id.id(), id.unit(), views));
      }
    }
    FigureStatus status = service.status();
    MetricsAnswer body =
        new MetricsAnswer(
            query.scope().toString(),
            query.from().toString(),
            query.to().toString(),
            total ? "total" : "week",
            status.dataAsOf(),
            status.catchingUp(),
            status.factsWaiting(),
            Coverage.of(series),
            answer);
    if (csv) {
      return Response.ok(MetricsCsv.of(body), CSV + "; charset=utf-8")
          .header(
              "Content-Disposition",
              "attachment; filename=\"podometer-"
                  // letters, digits, '.', '_' and '-' only: nothing can end the name or the header
                  + body.scope().replaceAll("[^A-Za-z0-9._-]", "-")
                  + ".csv\"")
          .build();
    }
    return Response.ok(body, MediaType.APPLICATION_JSON).build();
  }

  /** A metric: its id, unit, how it pools, and whether it is about people (privacy floor). */
  public record MetricView(
      String id,
      String title,
      String group,
      String definition,
      String unit,
      String aggregation,
      boolean peopleDerived) {}

  @GET
  @Path("/catalog")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Every metric id with its unit and how it pools")
  public List<MetricView> catalog() {
    List<MetricView> metrics = new ArrayList<>();
    for (MetricId metric : MetricId.values()) {
      MetricTexts.Text text = MetricTexts.of(metric);
      metrics.add(
          new MetricView(
              metric.id(),
              text.title(),
              text.group(),
              text.definition(),
              metric.unit(),
              metric.aggregation().name().toLowerCase(java.util.Locale.ROOT),
              metric.peopleDerived()));
    }
    return metrics;
  }

  /** One scope's figures of one week, for tables of pods (or other scopes of a kind). */
  public record ScopeRow(String scope, String name, Map<String, FigureView> figures) {}

  /** A table: the figures of every scope of a kind in one week, and how fresh they are. */
  public record ScopeTable(
      String kind,
      String week,
      Instant dataAsOf,
      boolean catchingUp,
      int factsWaiting,
      List<ScopeRow> rows) {}

  @GET
  @Path("/table")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The figures of every scope of a kind (e.g. every pod) in one week",
      description = "week defaults to the last complete week; metric as for /api/metrics.")
  public ScopeTable table(
      @QueryParam("kind") @DefaultValue("pod") String kind,
      @QueryParam("metric") List<String> metric,
      @QueryParam("week") String week) {
    FigureSnapshot figures = figures();
    ScopeKind scopeKind;
    try {
      scopeKind = ScopeKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("kind: unknown '" + kind + "' (pod, pillar, service…)");
    }
    if (scopeKind == ScopeKind.MEMBER || scopeKind == ScopeKind.STO) {
      // an STO is a person: a table of STOs side by side would rank people
      throw new jakarta.ws.rs.ForbiddenException(
          "kind: there is no table of "
              + (scopeKind == ScopeKind.MEMBER ? "members" : "single task owners")
              + ": figures are never listed person by person");
    }
    IsoWeek when =
        week == null || week.isBlank()
            ? figures.to().plusWeeks(-1)
            : MetricsQuery.week("week", week);
    List<MetricId> metrics = MetricsQuery.metrics(metric);
    var org = figures.org();
    List<ScopeRow> rows = new ArrayList<>();
    List<ScopeId> scopes = new ArrayList<>();
    if (scopeKind == ScopeKind.POD) {
      org.pods().forEach(p -> scopes.add(ScopeId.pod(p.id())));
    } else if (scopeKind == ScopeKind.PILLAR) {
      org.pillars().forEach(p -> scopes.add(ScopeId.pillar(p.id())));
    } else {
      figures.scopes().stream().filter(s -> s.kind() == scopeKind).forEach(scopes::add);
    }
    scopes.removeIf(s -> !viewer.get().canSee(s));
    for (ScopeId scope : scopes) {
      Map<String, FigureView> row = new java.util.LinkedHashMap<>();
      for (MetricId id : metrics) {
        Figure f = figures.figure(id, scope, when);
        row.put(id.id(), f == null ? FigureView.noData(when.toString()) : FigureView.of(f));
      }
      String name =
          switch (scope.kind()) {
            case POD -> org.pod(scope.id()).map(p -> p.name()).orElse(scope.id());
            case PILLAR ->
                org.pillars().stream()
                    .filter(p -> p.id().equals(scope.id()))
                    .map(p -> p.name())
                    .findFirst()
                    .orElse(scope.id());
            default -> scope.id();
          };
      rows.add(new ScopeRow(scope.toString(), name, row));
    }
    FigureStatus status = service.status();
    return new ScopeTable(
        scopeKind.prefix(),
        when.toString(),
        status.dataAsOf(),
        status.catchingUp(),
        status.factsWaiting(),
        rows);
  }

  /**
   * Totals pooled from the weekly cells the snapshot keeps; from the facts only while those are not
   * known yet (figures served from the store, before the first recomputation since the start).
   */
  private List<Figure> totals(FigureSnapshot figures, MetricsQuery query) {
    var org = figures.org();
    RangeTotals totals = new RangeTotals(MetricFamilies.engine(), DoraTiers.DEFAULTS);
    EngineContext lookups =
        new EngineContext(
            figures.lookups(),
            FactSet.ofTyped(Map.of()),
            query.from(),
            query.to(),
            clock.instant());
    if (query.scope().kind() == ScopeKind.MEMBER) {
      // from the facts of the member's pods (their figures are not kept)
      FactSet window = figures.window(query.from(), query.to(), org.org().timeZone());
      FactSet slice =
          ScopeSlice.of(
              new EngineContext(
                  figures.lookups(), window, query.from(), query.to(), clock.instant()),
              window,
              query.scope());
      return totals.totals(
          new EngineContext(figures.lookups(), slice, query.from(), query.to(), clock.instant()),
          query.scope(),
          query.metrics());
    }
    return rangeTotals(
        figures, query.scope(), query.metrics(), query.from(), query.to(), clock.instant());
  }

  /**
   * A scope's totals over a range (not a member's): pooled from the weekly cells the snapshot
   * keeps, from the facts only while those are not known yet; the privacy floor applied as on the
   * weekly cells.
   */
  public static List<Figure> rangeTotals(
      FigureSnapshot figures,
      io.podometer.engine.scope.ScopeId scope,
      List<MetricId> metrics,
      IsoWeek from,
      IsoWeek to,
      java.time.Instant now) {
    var org = figures.org();
    RangeTotals totals = new RangeTotals(MetricFamilies.engine(), DoraTiers.DEFAULTS);
    EngineContext lookups =
        new EngineContext(figures.lookups(), FactSet.ofTyped(Map.of()), from, to, now);
    return totals
        .fromWeeks(lookups, scope, metrics, figures)
        .orElseGet(
            () ->
                totals.totals(
                    new EngineContext(
                        figures.lookups(),
                        figures.window(from, to, org.org().timeZone()),
                        from,
                        to,
                        now),
                    scope,
                    metrics));
  }

  FigureSnapshot figures() {
    FigureSnapshot figures = service.figures();
    if (figures == null) {
      throw new ServiceUnavailableException("figures are being computed; try again shortly");
    }
    return figures;
  }
}
