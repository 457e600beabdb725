package io.podometer.web.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.org.OrgService;
import io.podometer.web.security.Roles;
import io.podometer.web.viewer.CurrentViewer;
import io.podometer.web.viewer.Viewer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The report pages: the archive, and one revision of a scope's week as a printable page. */
@Path("/reports")
@RequestScoped
@RolesAllowed({Roles.LEADER, Roles.READER, Roles.CHAMPION, Roles.MEMBER})
public class ReportPages {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject
  @Location("report.html")
  Template report;

  @Inject
  @Location("reports.html")
  Template reports;

  @Inject WeeklyReportService service;
  @Inject ReportsResource api;
  @Inject OrgService orgService;
  @Inject CurrentViewer viewer;
  @Inject ObjectMapper json;
  @Inject io.podometer.web.config.PodometerConfig config;

  public record ScopeChoice(String id, String name) {}

  public record ArchiveRow(
      String week, String scope, String name, int revision, String generatedAt, String by) {}

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The reports page: open a scope's week, and the archive of stored reports")
  public TemplateInstance archive() {
    Viewer who = viewer.get();
    OrgModel org = orgService.current().model();
    List<ScopeChoice> scopes = new ArrayList<>();
    scopes.add(new ScopeChoice("org", org.org().name() + " (organization)"));
    org.pillars().stream()
        .filter(p -> who.canSee(ScopeId.pillar(p.id())))
        .forEach(p -> scopes.add(new ScopeChoice("pillar:" + p.id(), p.name() + " (pillar)")));
    org.pods().stream()
        .filter(p -> who.canSee(ScopeId.pod(p.id())))
        .forEach(p -> scopes.add(new ScopeChoice("pod:" + p.id(), p.name() + " (pod)")));
    Map<String, String> names = new LinkedHashMap<>();
    scopes.forEach(s -> names.put(s.id(), s.name()));
    List<ArchiveRow> rows =
        api.archive(null).stream()
            .map(
                r ->
                    new ArchiveRow(
                        r.week(),
                        r.scope(),
                        names.getOrDefault(r.scope(), r.scope()),
                        r.revision(),
                        STAMP.format(r.generatedAt()),
                        r.by()))
            .toList();
    return withUser(reports)
        .data("orgName", org.org().name())
        .data("scopes", scopes)
        .data("reports", rows)
        .data("lastWeek", api.week(null).toString())
        .data("weeklyHour", String.format("%02d", config.reports().weeklyHour()))
        .data("timeZone", org.org().timeZone().getId());
  }

  @GET
  @Path("weekly")
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "A scope's weekly report as a printable page (written when none is stored)")
  public TemplateInstance weekly(
      @QueryParam("scope") String scope,
      @QueryParam("week") String week,
      @QueryParam("revision") String revision) {
    ScopeId reportScope = api.scope(scope);
    IsoWeek reportWeek = api.week(week);
    Integer number =
        revision == null || revision.isBlank()
            ? null
            : io.podometer.web.http.WholeNumberParam.of("revision", revision, 1, 1_000_000);
    WeeklyReport found =
        number == null
            ? service.storedOrGenerated(reportScope, reportWeek, viewer.get().name())
            : service.stored(reportScope, reportWeek, number);
    if (found == null) {
      throw new jakarta.ws.rs.NotFoundException(
          "no revision " + number + " of the report of " + reportScope + " for " + reportWeek);
    }
    return page(found);
  }

  /** A stored report as its page. */
  TemplateInstance page(WeeklyReport found) {
    @SuppressWarnings("unchecked")
    Map<String, Object> content = json.convertValue(found, Map.class);
    Object pilots = content.get("pilots");
    if (pilots instanceof List<?> cards) {
      for (Object card : cards) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) card;
        map.put("verdictClass", String.valueOf(map.get("verdict")).replace(' ', '-'));
      }
    }
    List<Integer> revisions =
        service.archive(found.scope()).stream()
            .filter(r -> r.week().equals(found.week()))
            .map(WeeklyReportService.Stored::revision)
            .sorted()
            .toList();
    return withUser(report)
        .data("orgName", orgService.current().model().org().name())
        .data("r", content)
        .data("generatedAt", STAMP.format(found.generatedAt()))
        .data("figuresAsOf", found.figuresAsOf() == null ? null : STAMP.format(found.figuresAsOf()))
        .data("previousRevision", found.revision() - 1)
        .data("revisions", revisions)
        .data("canRegenerate", ReportsResource.regenerates(viewer.get()));
  }

  private TemplateInstance withUser(Template template) {
    return io.podometer.web.page.PageFrame.of(template, viewer.get());
  }
}
