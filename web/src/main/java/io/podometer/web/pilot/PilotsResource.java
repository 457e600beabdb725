package io.podometer.web.pilot;

import io.podometer.engine.figure.MetricId;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pilot;
import io.podometer.engine.pilot.ScaleGate;
import io.podometer.engine.pilot.ScaleGateVerdict;
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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pilots a viewer may see, each with its scale gate (SPEC §5.3) judged in a week — by default
 * the last complete one: the verdict, the criteria met and missed, the weeks to adoption and the
 * differences in differences against the pods without a pilot.
 */
@Path("/api/pilots")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.READER, Roles.CHAMPION, Roles.MEMBER})
public class PilotsResource {

  @Inject FigureService figures;
  @Inject CurrentViewer viewer;
  @Inject Clock clock;

  public record PilotView(
      String pod,
      String podName,
      String champion,
      String championName,
      LocalDate start,
      int baselineWeeks,
      String verdict,
      List<ScaleGateVerdict.Criterion> criteria,
      Integer weeksToAdoption,
      Double throughputDifferenceInDifferences,
      Double leadTimeDifferenceInDifferences,
      List<String> missing) {}

  public record Pilots(String week, List<PilotView> pilots) {}

  /** The metrics a pilot card charts, pilot against the pods without a pilot. */
  static final List<MetricId> CHARTED =
      List.of(
          MetricId.WEEKLY_ACTIVE_AI_USERS,
          MetricId.AGENT_ASSISTED_DIFFS,
          MetricId.THROUGHPUT_PER_ENGINEER,
          MetricId.LEAD_TIME_P50_HOURS,
          MetricId.CHANGE_FAILURE_RATE);

  /**
   * A metric week by week for the pilot pod and for the pods without a pilot (the mean of those
   * shown), with the means of the baseline window and of the recent weeks.
   */
  public record Series(
      String metric,
      String unit,
      List<Double> pilot,
      List<Double> control,
      Double pilotBaseline,
      Double pilotRecent,
      Double controlBaseline,
      Double controlRecent) {}

  public record PilotDetail(
      PilotView pilot,
      List<String> weeks,
      String startWeek,
      String baselineFrom,
      String baselineTo,
      String recentFrom,
      int controlPods,
      List<Series> series) {}

  @GET
  @Path("{pod}")
  @Operation(
      summary =
          "One pilot's scale gate with its weekly series (adoption, assisted diffs, throughput,"
              + " lead time, failures) against the pods without a pilot, from its baseline on")
  public PilotDetail pilot(@PathParam("pod") String pod, @QueryParam("week") String week) {
    Pilots all = judged(week, p -> p.pod().equals(pod));
    PilotView view =
        all.pilots().stream()
            .filter(p -> p.pod().equals(pod))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("no pilot of pod '" + pod + "' you may see"));
    FigureSnapshot snapshot = figures.figures();
    OrgModel org = snapshot.org();
    Pilot pilot =
        org.pilots().stream()
            .filter(p -> p.pod().equals(pod) && p.start().equals(view.start()))
            .findFirst()
            .orElseThrow();
    IsoWeek judged = IsoWeek.parse(all.week());
    IsoWeek start = IsoWeek.of(pilot.start());
    IsoWeek first = start.plusWeeks(-pilot.baselineWeeks());
    IsoWeek baselineTo = start.plusWeeks(-1);
    IsoWeek recentFrom = judged.plusWeeks(-(ScaleGate.RECENT_WEEKS - 1));
    if (recentFrom.compareTo(start) < 0) {
      recentFrom = start;
    }
    java.util.Set<String> piloted = new java.util.HashSet<>();
    org.pilots().forEach(p -> piloted.add(p.pod()));
    List<ScopeId> control =
        org.pods().stream()
            .filter(p -> !piloted.contains(p.id()))
            .map(p -> ScopeId.pod(p.id()))
            .toList();
    List<String> weeks = new ArrayList<>();
    for (IsoWeek w = first; w.compareTo(judged) <= 0; w = w.plusWeeks(1)) {
      weeks.add(w.toString());
    }
    List<Series> series = new ArrayList<>();
    for (MetricId metric : CHARTED) {
      List<Double> mine = new ArrayList<>();
      List<Double> others = new ArrayList<>();
      for (IsoWeek w = first; w.compareTo(judged) <= 0; w = w.plusWeeks(1)) {
        mine.add(shown(snapshot.figure(metric, ScopeId.pod(pod), w)));
        double sum = 0;
        int count = 0;
        for (ScopeId other : control) {
          Double value = shown(snapshot.figure(metric, other, w));
          if (value != null) {
            sum += value;
            count++;
          }
        }
        others.add(count == 0 ? null : sum / count);
      }
      int baselineEnd = pilot.baselineWeeks();
      int recentStart = weeks.indexOf(recentFrom.toString());
      series.add(
          new Series(
              metric.id(),
              metric.unit(),
              mine,
              others,
              mean(mine.subList(0, Math.min(baselineEnd, mine.size()))),
              recentStart < 0 ? null : mean(mine.subList(recentStart, mine.size())),
              mean(others.subList(0, Math.min(baselineEnd, others.size()))),
              recentStart < 0 ? null : mean(others.subList(recentStart, others.size()))));
    }
    return new PilotDetail(
        view,
        weeks,
        start.toString(),
        first.toString(),
        baselineTo.toString(),
        recentFrom.toString(),
        control.size(),
        series);
  }

  private static Double shown(io.podometer.engine.figure.Figure figure) {
    return figure == null || figure.withheld() != null ? null : figure.value();
  }

  private static Double mean(List<Double> values) {
    double sum = 0;
    int count = 0;
    for (Double value : values) {
      if (value != null) {
        sum += value;
        count++;
      }
    }
    return count == 0 ? null : sum / count;
  }

  @GET
  @Operation(
      summary =
          "Pilots with their scale-gate verdict, the criteria met and missed, and the difference"
              + " in differences against the pods without a pilot")
  public Pilots pilots(@QueryParam("week") String week) {
    return judged(week, pilot -> true);
  }

  /** The scale gates of the pilots this viewer may see that {@code which} accepts. */
  private Pilots judged(String week, java.util.function.Predicate<Pilot> which) {
    FigureSnapshot snapshot = figures.figures();
    if (snapshot == null) {
      throw new ServiceUnavailableException("figures are being computed; try again shortly");
    }
    OrgModel org = snapshot.org();
    IsoWeek judged =
        week == null || week.isBlank()
            ? IsoWeek.of(clock.instant(), org.org().timeZone()).plusWeeks(-1)
            : MetricsQuery.week("week", week);
    Viewer who = viewer.get();
    ScaleGate gate =
        new ScaleGate(org, key -> snapshot.figure(key.metric(), key.scope(), key.week()));
    List<PilotView> views = new ArrayList<>();
    for (Pilot pilot : org.pilots()) {
      if (!which.test(pilot) || !who.canSee(ScopeId.pod(pilot.pod()))) {
        continue;
      }
      ScaleGateVerdict verdict = gate.judge(pilot, judged);
      views.add(
          new PilotView(
              pilot.pod(),
              org.pod(pilot.pod()).map(io.podometer.engine.org.Pod::name).orElse(pilot.pod()),
              pilot.champion(),
              org.member(pilot.champion())
                  .map(io.podometer.engine.org.Member::name)
                  .orElse(pilot.champion()),
              pilot.start(),
              pilot.baselineWeeks(),
              verdict.verdict().words(),
              verdict.criteria(),
              verdict.weeksToAdoption(),
              verdict.throughputDifferenceInDifferences(),
              verdict.leadTimeDifferenceInDifferences(),
              verdict.missing()));
    }
    return new Pilots(judged.toString(), views);
  }
}
