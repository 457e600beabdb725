package io.podometer.web.report;

import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.api.MetricsQuery;
import io.podometer.web.http.WholeNumberParam;
import io.podometer.web.org.OrgService;
import io.podometer.web.security.Roles;
import io.podometer.web.viewer.CurrentViewer;
import io.podometer.web.viewer.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Weekly learn-and-kill reports (SPEC §7) through the API: a scope's week as Markdown, HTML or JSON
 * (the newest revision, or the one asked for; the first written when none is stored), a new
 * revision on request, and the archive of what is stored.
 */
@Path("/api/reports")
@RolesAllowed({Roles.LEADER, Roles.READER, Roles.CHAMPION, Roles.MEMBER})
public class ReportsResource {

  public static final String MARKDOWN = "text/markdown";

  @Inject WeeklyReportService reports;
  @Inject ReportPages pages;
  @Inject OrgService orgService;
  @Inject CurrentViewer viewer;
  @Inject Clock clock;

  @GET
  @Path("weekly")
  @Produces({MARKDOWN, MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
  @Operation(
      summary =
          "A scope's (org, pillar:<id>, pod:<id>) weekly report for an ended week (default: last"
              + " week) as format=md, html or json; the newest revision unless revision= is given;"
              + " the first revision is written when none is stored")
  public Response weekly(
      @QueryParam("scope") String scope,
      @QueryParam("week") String week,
      @QueryParam("format") String format,
      @QueryParam("revision") String revision) {
    String as = format(format);
    ScopeId reportScope = scope(scope);
    IsoWeek reportWeek = week(week);
    Integer number =
        revision == null ? null : WholeNumberParam.of("revision", revision, 1, 1_000_000);
    WeeklyReport report =
        number == null
            ? reports.storedOrGenerated(reportScope, reportWeek, viewer.get().name())
            : reports.stored(reportScope, reportWeek, number);
    if (report == null) {
      throw new NotFoundException(
          "no revision " + number + " of the report of " + reportScope + " for " + reportWeek);
    }
    return render(report, as);
  }

  @POST
  @Path("weekly")
  @RolesAllowed({Roles.LEADER, Roles.CHAMPION, Roles.MEMBER})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Write a new revision of a scope's weekly report; it lists what moved since the one"
              + " before, which stays as it was")
  public Response regenerate(@QueryParam("scope") String scope, @QueryParam("week") String week) {
    ScopeId reportScope = scope(scope);
    IsoWeek reportWeek = week(week);
    WeeklyReport report = reports.generate(reportScope, reportWeek, viewer.get().name());
    return Response.status(Response.Status.CREATED).entity(report).build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The stored weekly reports this viewer may read, newest week first")
  public List<WeeklyReportService.Stored> archive(@QueryParam("scope") String scope) {
    ScopeId only = scope == null || scope.isBlank() ? null : scope(scope);
    Viewer who = viewer.get();
    return reports.archive(only == null ? null : only.toString()).stream()
        .filter(r -> who.canSee(ScopeId.parse(r.scope())))
        .toList();
  }

  private Response render(WeeklyReport report, String as) {
    return switch (as) {
      case "md" ->
          Response.ok(MarkdownReport.of(report), MARKDOWN + ";charset=UTF-8")
              .header(
                  "Content-Disposition",
                  "inline; filename=\"report-"
                      + report.scope().replace(':', '-')
                      + "-"
                      + report.week()
                      + ".md\"")
              .build();
      case "html" ->
          Response.ok(pages.page(report).render(), MediaType.TEXT_HTML + ";charset=UTF-8").build();
      default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
    };
  }

  private static String format(String format) {
    String as = format == null || format.isBlank() ? "json" : format;
    if (!List.of("md", "html", "json").contains(as)) {
      throw new IllegalArgumentException("format: 'md', 'html' or 'json', was '" + as + "'");
    }
    return as;
  }

  /** An organization, pillar or pod this viewer may read. */
  ScopeId scope(String text) {
    ScopeId scope = ScopeId.parse(text == null || text.isBlank() ? "org" : text);
    OrgModel org = orgService.current().model();
    boolean known =
        switch (scope.kind()) {
          case ORG -> true;
          case PILLAR -> org.pillar(scope.id()).isPresent();
          case POD -> org.pod(scope.id()).isPresent();
          default ->
              throw new IllegalArgumentException(
                  "scope: a report is for org, pillar:<id> or pod:<id>, not "
                      + scope.kind().prefix());
        };
    if (!known) {
      throw new NotFoundException("scope: no " + scope.kind().prefix() + " '" + scope.id() + "'");
    }
    viewer.get().require(scope);
    return scope;
  }

  /** A week that has ended (default: the last one), in the organization's time zone. */
  IsoWeek week(String text) {
    IsoWeek current = IsoWeek.of(clock.instant(), orgService.current().model().org().timeZone());
    if (text == null || text.isBlank()) {
      return current.plusWeeks(-1);
    }
    IsoWeek week = MetricsQuery.week("week", text);
    if (week.compareTo(current) >= 0) {
      throw new IllegalArgumentException(
          "week: "
              + week
              + " has not ended; a week's report is written once it has (last: "
              + current.plusWeeks(-1)
              + ")");
    }
    return week;
  }

  /** People who read a scope may write its next revision; a read-only token may not. */
  static boolean regenerates(Viewer who) {
    return who.roles().contains(Roles.LEADER)
        || who.roles().contains(Roles.CHAMPION)
        || who.roles().contains(Roles.MEMBER);
  }
}
