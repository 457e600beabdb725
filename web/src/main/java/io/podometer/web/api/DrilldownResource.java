package io.podometer.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.podometer.engine.figure.Contribution;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigurePool;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.FactSet;
import io.podometer.engine.metric.MemberFigures;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.metric.MetricsEngine;
import io.podometer.engine.metric.ScopeSlice;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.figures.FigureService;
import io.podometer.web.security.Roles;
import io.podometer.web.viewer.CurrentViewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The facts behind one figure, each with the rule that tied it in: their nums add up to the
 * figure's num and their dens to its den; for a percentile, their samples are the values it is
 * taken over. Items about a person (their usage, meetings, reviews given) are never listed one by
 * one: they are summed into one line, so no drill-down is a per-person table.
 */
@Path("/api/metrics/drilldown")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.READER, Roles.CHAMPION, Roles.MEMBER})
public class DrilldownResource {

  private static final MetricsEngine ENGINE = MetricFamilies.engine();

  @Inject FigureService service;
  @Inject Clock clock;
  @Inject CurrentViewer viewer;

  /** One item of a figure: a PR, commit, deployment, incident, review… or a sum over people. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(
      String kind,
      String ref,
      String link,
      String rule,
      Double num,
      Double den,
      Double sample,
      String source,
      String tool,
      Integer people) {}

  /**
   * The figure, its items, and what they add up to as the figure pools them ({@code numTotal} and
   * {@code denTotal} equal its num and den; {@code count} its n).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Drilldown(
      String scope,
      String metric,
      String week,
      FigureView figure,
      String withheld,
      List<Item> items,
      double numTotal,
      double denTotal,
      int count) {}

  @GET
  @Operation(summary = "The pull requests, deployments, incidents… behind one figure")
  public Drilldown drilldown(
      @QueryParam("scope") String scope,
      @QueryParam("metric") String metric,
      @QueryParam("week") String week) {
    ScopeId scopeId = MetricsQuery.scope(scope);
    viewer.get().require(scopeId);
    if (metric == null || metric.isBlank()) {
      throw new IllegalArgumentException("metric: missing (e.g. lead_time_p50_hours)");
    }
    MetricId metricId =
        MetricId.fromId(metric.strip())
            .orElseThrow(() -> new IllegalArgumentException("metric: unknown " + metric.strip()));
    if (week == null || week.isBlank()) {
      throw new IllegalArgumentException("week: missing (e.g. 2026-W10)");
    }
    IsoWeek isoWeek = MetricsQuery.week("week", week);
    FigureSnapshot figures = service.figures();
    if (figures == null) {
      throw new ServiceUnavailableException("figures are being computed; try again shortly");
    }
    Figure figure =
        scopeId.kind() == io.podometer.engine.scope.ScopeKind.MEMBER
            ? MemberFigures.series(
                    ENGINE,
                    figures.lookups(),
                    figures.facts(),
                    scopeId.id(),
                    List.of(metricId),
                    isoWeek,
                    isoWeek,
                    clock.instant())
                .get(metricId)
                .get(isoWeek)
            : figures.figure(metricId, scopeId, isoWeek);
    if (figure == null) {
      throw new NotFoundException(
          "no figure for " + metricId + " of " + scopeId + " in " + isoWeek + " (no data)");
    }
    if (figure.withheld() != null) {
      return new Drilldown(
          scopeId.toString(),
          metricId.id(),
          isoWeek.toString(),
          FigureView.of(figure),
          figure.withheld(),
          List.of(),
          0,
          0,
          0);
    }
    var org = figures.org();
    // only the family of the metric, on the facts that can move the scope in the week's window
    // (the slice is cut from the window: no index of every fact is built for it)
    FactSet window =
        figures.window(isoWeek, isoWeek, org.org().timeZone(), ENGINE.readsAfterTheWeek(metricId));
    FactSet slice =
        ScopeSlice.of(
            new EngineContext(figures.lookups(), window, isoWeek, isoWeek, clock.instant()),
            window,
            scopeId);
    List<Contribution> contributions =
        ENGINE.drilldown(
            new EngineContext(figures.lookups(), slice, isoWeek, isoWeek, clock.instant()),
            metricId,
            scopeId,
            isoWeek);
    if (contributions == null) {
      contributions = List.of(); // a derived figure: nothing is pooled under it
    }
    List<Item> items = new ArrayList<>();
    double[] totals = totals(metricId, scopeId, isoWeek, contributions);
    double peopleNum = 0;
    double peopleDen = 0;
    int peopleItems = 0;
    java.util.Set<String> persons = new java.util.HashSet<>();
    for (Contribution c : contributions) {
      if (c.evidence().aboutAPerson()) {
        peopleNum += c.num();
        peopleDen += c.den();
        peopleItems++;
        persons.add(c.person() == null ? c.evidence().ref() : c.person());
        continue;
      }
      items.add(
          new Item(
              kind(c.evidence().ref()),
              c.evidence().ref(),
              link(c.evidence().ref()),
              c.evidence().rule(),
              c.num(),
              c.den(),
              c.hasSample() ? c.sample() : null,
              c.source(),
              c.tool(),
              null));
    }
    if (peopleItems > 0) {
      items.add(
          new Item(
              "people",
              null,
              null,
              peopleItems
                  + " items about "
                  + persons.size()
                  + " people, summed: figures about a person are never listed one by one",
              peopleNum,
              peopleDen,
              null,
              null,
              null,
              persons.size()));
    }
    return new Drilldown(
        scopeId.toString(),
        metricId.id(),
        isoWeek.toString(),
        FigureView.of(figure),
        null,
        items,
        totals[0],
        totals[1],
        contributions.size());
  }

  /** What the items add up to, pooled exactly as the figure was (0 where it has no num/den). */
  static double[] totals(MetricId metric, ScopeId scope, IsoWeek week, List<Contribution> items) {
    if (metric.aggregation() == io.podometer.engine.figure.Aggregation.DERIVED) {
      return new double[] {0, 0}; // derived from other figures: nothing is pooled under it
    }
    Figure pooled = FigurePool.pooled(metric, scope, week, items, 0);
    return new double[] {
      pooled.num() == null ? 0 : pooled.num(), pooled.den() == null ? 0 : pooled.den()
    };
  }

  static String kind(String ref) {
    int colon = ref.indexOf(':');
    String prefix = colon < 0 ? ref : ref.substring(0, colon);
    return switch (prefix) {
      case "pr" -> "pull request";
      case "deploy" -> "deployment";
      default -> prefix;
    };
  }

  /** The facts API address of the fact behind a reference, when it is one. */
  static String link(String ref) {
    if (ref.startsWith("pr:") || ref.startsWith("review:")) {
      String rest = ref.substring(ref.indexOf(':') + 1);
      int hash = rest.lastIndexOf('#');
      if (hash < 0) {
        return null;
      }
      String number = rest.substring(hash + 1);
      int colon = number.indexOf(':');
      number = colon < 0 ? number : number.substring(0, colon);
      return "/api/facts/pull-requests?repo="
          + encode(rest.substring(0, hash))
          + "&number="
          + number;
    }
    if (ref.startsWith("commit:")) {
      String rest = ref.substring("commit:".length());
      int at = rest.lastIndexOf('@');
      return at < 0
          ? null
          : "/api/facts/commits?repo="
              + encode(rest.substring(0, at))
              + "&sha="
              + encode(rest.substring(at + 1));
    }
    if (ref.startsWith("deploy:")) {
      return "/api/facts/deployments?id=" + encode(ref.substring("deploy:".length()));
    }
    if (ref.startsWith("incident:")) {
      return "/api/facts/incidents?id=" + encode(ref.substring("incident:".length()));
    }
    return null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
