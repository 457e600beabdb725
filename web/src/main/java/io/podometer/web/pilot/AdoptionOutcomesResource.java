package io.podometer.web.pilot;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pod;
import io.podometer.engine.pilot.Correlation;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.api.MetricsQuery;
import io.podometer.web.figures.FigureService;
import io.podometer.web.security.Roles;
import io.podometer.web.viewer.CurrentViewer;
import io.podometer.web.viewer.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Adoption against outcomes, pod by pod (SPEC §5.3): every pod a viewer may see as a point (an
 * adoption figure against an outcome over a range), pilots marked, with the correlation and how
 * little it can tell — beside the pilots' difference in differences, the stronger evidence.
 */
@Path("/api/adoption-outcomes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.READER, Roles.CHAMPION})
public class AdoptionOutcomesResource {

  static final List<MetricId> ADOPTION =
      List.of(MetricId.AI_CODE_SHARE, MetricId.WEEKLY_ACTIVE_AI_USERS);
  static final List<MetricId> OUTCOMES =
      List.of(
          MetricId.LEAD_TIME_P50_HOURS,
          MetricId.THROUGHPUT_PER_ENGINEER,
          MetricId.CHANGE_FAILURE_RATE);
  static final int DEFAULT_WEEKS = 12;
  static final int MAX_WEEKS = 104;

  @Inject FigureService figures;
  @Inject CurrentViewer viewer;
  @Inject Clock clock;

  public record PodPoint(String pod, String name, boolean pilot, double x, double y) {}

  public record Stated(Integer n, Double r, Double low, Double high, String text) {}

  public record AdoptionOutcomes(
      String x,
      String y,
      String from,
      String to,
      List<PodPoint> points,
      List<String> withoutFigures,
      Stated correlation) {}

  @GET
  @Operation(
      summary =
          "Each pod as a point: an adoption figure (x: ai_code_share or weekly_active_ai_users)"
              + " against an outcome (y: lead_time_p50_hours, throughput_per_engineer or"
              + " change_failure_rate), each the mean of the pod's weekly figures shown over a range"
              + " (default the last 12 complete weeks), pilots marked, with the correlation and its"
              + " 95 % interval")
  public AdoptionOutcomes points(
      @QueryParam("x") String x,
      @QueryParam("y") String y,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    MetricId adoption = pick("x", x, ADOPTION, MetricId.AI_CODE_SHARE);
    MetricId outcome = pick("y", y, OUTCOMES, MetricId.LEAD_TIME_P50_HOURS);
    FigureSnapshot snapshot = figures.figures();
    if (snapshot == null) {
      throw new ServiceUnavailableException("figures are being computed; try again shortly");
    }
    OrgModel org = snapshot.org();
    IsoWeek last =
        to == null || to.isBlank()
            ? IsoWeek.of(clock.instant(), org.org().timeZone()).plusWeeks(-1)
            : MetricsQuery.week("to", to);
    IsoWeek first =
        from == null || from.isBlank()
            ? last.plusWeeks(-(DEFAULT_WEEKS - 1))
            : MetricsQuery.week("from", from);
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("from: " + first + " is after to " + last);
    }
    if (first.plusWeeks(MAX_WEEKS - 1).compareTo(last) < 0) {
      throw new IllegalArgumentException("from: at most " + MAX_WEEKS + " weeks from to");
    }
    Set<String> pilots = new HashSet<>();
    org.pilots().forEach(p -> pilots.add(p.pod()));
    Viewer who = viewer.get();
    List<PodPoint> points = new ArrayList<>();
    List<String> without = new ArrayList<>();
    List<Correlation.Point> pairs = new ArrayList<>();
    for (Pod pod : org.pods()) {
      ScopeId scope = ScopeId.pod(pod.id());
      if (!who.canSee(scope)) {
        continue;
      }
      Double ax = weeklyMean(snapshot, adoption, scope, first, last);
      Double oy = weeklyMean(snapshot, outcome, scope, first, last);
      if (ax == null || oy == null) {
        without.add(pod.id());
        continue;
      }
      points.add(new PodPoint(pod.id(), pod.name(), pilots.contains(pod.id()), ax, oy));
      pairs.add(new Correlation.Point(ax, oy));
    }
    return new AdoptionOutcomes(
        adoption.id(),
        outcome.id(),
        first.toString(),
        last.toString(),
        points,
        without,
        stated(Correlation.of(pairs)));
  }

  /**
   * A pod's figure over the range as the mean of its weekly figures shown (half the weeks at
   * least): from what the pod's pages already show, so a week withheld stays withheld — where a
   * range total holding it would be withheld whole.
   */
  private static Double weeklyMean(
      FigureSnapshot snapshot, MetricId metric, ScopeId scope, IsoWeek first, IsoWeek last) {
    double sum = 0;
    int shown = 0;
    int weeks = 0;
    for (IsoWeek week = first; week.compareTo(last) <= 0; week = week.plusWeeks(1)) {
      weeks++;
      Figure figure = snapshot.figure(metric, scope, week);
      if (figure != null && figure.withheld() == null && figure.value() != null) {
        sum += figure.value();
        shown++;
      }
    }
    return shown * 2 < weeks || shown == 0 ? null : sum / shown;
  }

  private static MetricId pick(
      String field, String text, List<MetricId> allowed, MetricId fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    return allowed.stream()
        .filter(m -> m.id().equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    field
                        + ": one of "
                        + String.join(", ", allowed.stream().map(MetricId::id).toList())
                        + ", was '"
                        + text
                        + "'"));
  }

  /** The correlation said plainly: its size, its interval, and what it cannot tell. */
  static Stated stated(Correlation c) {
    String caveat =
        " A correlation between pods is not a cause: pods differ in many ways at once. The"
            + " pilots' difference in differences, each pilot against its own baseline and the pods"
            + " without a pilot over the same weeks, is the stronger evidence.";
    if (c.r() == null) {
      return new Stated(
          c.n(),
          null,
          null,
          null,
          c.n() < 3
              ? "Too few pods (" + c.n() + ") with both figures to say anything." + caveat
              : "One of the figures does not vary between the pods." + caveat);
    }
    String r = String.format(Locale.ROOT, "%.2f", c.r());
    if (c.low() == null) {
      return new Stated(
          c.n(),
          c.r(),
          null,
          null,
          "r = " + r + " over only " + c.n() + " pods: no interval can be given." + caveat);
    }
    String interval = String.format(Locale.ROOT, "95 %% interval %.2f to %.2f", c.low(), c.high());
    String reading =
        c.signKnown()
            ? (c.r() > 0 ? " The two rise together" : " One falls as the other rises")
                + " across these pods, though how strongly is uncertain."
            : " The interval spans zero: these pods do not tell whether the two move together at"
                + " all.";
    return new Stated(
        c.n(),
        c.r(),
        c.low(),
        c.high(),
        "r = " + r + " (" + interval + ") over " + c.n() + " pods." + reading + caveat);
  }
}
