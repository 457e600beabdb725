package io.podometer.web.pilot;

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
import jakarta.ws.rs.Path;
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
      String champion,
      LocalDate start,
      int baselineWeeks,
      String verdict,
      List<ScaleGateVerdict.Criterion> criteria,
      Integer weeksToAdoption,
      Double throughputDifferenceInDifferences,
      Double leadTimeDifferenceInDifferences,
      List<String> missing) {}

  public record Pilots(String week, List<PilotView> pilots) {}

  @GET
  @Operation(
      summary =
          "Pilots with their scale-gate verdict, the criteria met and missed, and the difference"
              + " in differences against the pods without a pilot")
  public Pilots pilots(@QueryParam("week") String week) {
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
      if (!who.canSee(ScopeId.pod(pilot.pod()))) {
        continue;
      }
      ScaleGateVerdict verdict = gate.judge(pilot, judged);
      views.add(
          new PilotView(
              pilot.pod(),
              pilot.champion(),
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
