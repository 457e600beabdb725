package io.podometer.web.page;

import io.podometer.engine.figure.Aggregation;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pod;
import io.podometer.engine.org.Targets;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.api.MetricTexts;
import io.podometer.web.figures.FigureService;
import io.podometer.web.org.OrgService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Server-rendered dashboard pages; their charts are drawn by static scripts from the JSON API. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@io.quarkus.security.Authenticated
public class PageResource {

  static final int WEEKS = 26;

  @Inject
  @Location("scope.html")
  Template scope;

  @Inject
  @Location("pods.html")
  Template pods;

  @Inject
  @Location("measures.html")
  Template measures;

  @Inject
  @Location("error.html")
  Template error;

  @Inject
  @Location("sources.html")
  Template sources;

  @Inject
  @Location("identities.html")
  Template identities;

  @Inject
  @Location("antipatterns.html")
  Template antipatterns;

  @Inject
  @Location("pilots.html")
  Template pilots;

  @Inject
  @Location("bets.html")
  Template bets;

  @Inject OrgService orgService;
  @Inject io.podometer.web.viewer.CurrentViewer viewer;
  @Inject FigureService figures;
  @Inject Clock clock;

  @GET
  @Operation(summary = "The overview page: the organization's headline and DORA figures")
  public TemplateInstance overview() {
    OrgModel org = orgService.current().model();
    viewer.get().require(io.podometer.engine.scope.ScopeId.ORG);
    return scopePage(org, "org", "Overview: " + org.org().name(), "Organization", null, null);
  }

  @GET
  @Path("pods")
  @Operation(summary = "The pods page: every pod's key figures")
  public TemplateInstance pods() {
    OrgModel org = orgService.current().model();
    viewer.get().require(io.podometer.engine.scope.ScopeId.ORG);
    return withUser(pods)
        .data("orgName", org.org().name())
        .data("week", currentWeek(org).plusWeeks(-1).toString())
        .data("timeZone", org.org().timeZone().getId())
        .data("dataAsOf", dataAsOf());
  }

  @GET
  @Path("pods/{id}")
  @Operation(summary = "A pod's page: every figure of the pod with its trend")
  public TemplateInstance pod(@PathParam("id") String id) {
    OrgModel org = orgService.current().model();
    // access first: a refusal must not tell which pods exist
    viewer.get().require(io.podometer.engine.scope.ScopeId.pod(id));
    Pod pod = org.pod(id).orElseThrow(() -> new NotFoundException("no pod '" + id + "'"));
    String pillar =
        pod.pillarId()
            .flatMap(p -> org.pillars().stream().filter(x -> x.id().equals(p)).findFirst())
            .map(p -> "Pod · pillar " + p.name())
            .orElse("Pod");
    return scopePage(org, "pod:" + pod.id(), pod.name(), pillar, "Pods", "/pods")
        .data(
            "repos",
            org.services().stream()
                .filter(s -> s.pod().equals(pod.id()))
                .flatMap(s -> s.repos().stream())
                .sorted()
                .toList());
  }

  @GET
  @Path("repos/{owner}/{name}")
  @Operation(summary = "A repository's page: its figures, AI code share by source and by tool")
  public TemplateInstance repository(
      @PathParam("owner") String owner, @PathParam("name") String name) {
    OrgModel org = orgService.current().model();
    String repo = owner + "/" + name;
    io.podometer.engine.scope.ScopeId scopeId;
    try {
      scopeId = io.podometer.engine.scope.ScopeId.parse("repo:" + repo);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no repository '" + repo + "'");
    }
    viewer.get().require(scopeId);
    // a repository known only through git is shown too: its figures count for no service
    var service = org.services().stream().filter(s -> s.repos().contains(repo)).findFirst();
    String kind =
        service
            .map(s -> "Repository · service " + s.id() + " · pod " + s.pod())
            .orElse("Repository (in no service of the organization model)");
    return scopePage(
        org,
        scopeId.toString(),
        repo,
        kind,
        service.map(s -> "Pod " + s.pod()).orElse(null),
        service.map(s -> "/pods/" + s.pod()).orElse(null));
  }

  @GET
  @Path("me")
  @Operation(summary = "My figures: the signed-in member's own figures, visible to them only")
  public TemplateInstance me() {
    OrgModel org = orgService.current().model();
    String member =
        viewer
            .get()
            .memberId()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "no member of the organization model has your e-mail address"));
    String name = org.member(member).map(m -> m.name()).orElse(member);
    return scopePage(
        org, "member:" + member, "My figures: " + name, "Visible to you only", null, null);
  }

  /** A metric as the "What we measure" page lists it. */
  public record Measure(
      String id,
      String title,
      String definition,
      String unit,
      String pooling,
      boolean peopleDerived,
      String audience) {}

  /** The metrics of one family. */
  public record MeasureGroup(String name, java.util.List<Measure> metrics) {}

  @GET
  @Path("measures")
  @Operation(summary = "What we measure: every figure with its definition")
  public TemplateInstance measures() {
    OrgModel org = orgService.current().model();
    java.util.Map<String, java.util.List<Measure>> groups = new java.util.LinkedHashMap<>();
    for (MetricId metric : MetricId.values()) {
      MetricTexts.Text text = MetricTexts.of(metric);
      groups
          .computeIfAbsent(text.group(), g -> new java.util.ArrayList<>())
          .add(
              new Measure(
                  metric.id(),
                  text.title(),
                  text.definition(),
                  metric.unit(),
                  pooling(metric.aggregation()),
                  metric.peopleDerived(),
                  audience(metric)));
    }
    return withUser(measures)
        .data("orgName", org.org().name())
        .data("timeZone", org.org().timeZone().getId())
        .data("privacyFloor", org.org().privacyFloor())
        .data(
            "groups",
            groups.entrySet().stream()
                .map(e -> new MeasureGroup(e.getKey(), e.getValue()))
                .toList());
  }

  @GET
  @Path("sources")
  @Operation(summary = "The sources page: each source's sync, progress and deliveries (admins)")
  public TemplateInstance sources() {
    if (!viewer.get().roles().contains(io.podometer.web.security.Roles.ADMIN)) {
      throw new jakarta.ws.rs.ForbiddenException("the sources are for admins");
    }
    OrgModel org = orgService.current().model();
    return withUser(sources).data("orgName", org.org().name());
  }

  @GET
  @Path("antipatterns")
  @Operation(
      summary =
          "The anti-patterns page: the week's flags by severity with their evidence, and detectors"
              + " × pods over the last 12 weeks")
  public TemplateInstance antipatterns() {
    io.podometer.web.viewer.Viewer who = viewer.get();
    if (!who.readsFigures()) {
      throw new jakarta.ws.rs.ForbiddenException("the anti-patterns are read with the figures");
    }
    OrgModel org = orgService.current().model();
    return withUser(antipatterns)
        .data("orgName", org.org().name())
        .data(
            "canAcknowledge",
            who.roles().contains(io.podometer.web.security.Roles.LEADER)
                || who.roles().contains(io.podometer.web.security.Roles.CHAMPION)
                || who.roles().contains(io.podometer.web.security.Roles.MEMBER));
  }

  @GET
  @Path("pilots")
  @Operation(
      summary =
          "The pilots page: one card per pilot with its verdict, criteria, adoption curve, before"
              + " and after, and against the pods without a pilot; adoption against outcomes")
  public TemplateInstance pilots() {
    io.podometer.web.viewer.Viewer who = viewer.get();
    if (!who.readsFigures()) {
      throw new jakarta.ws.rs.ForbiddenException("the pilots are read with the figures");
    }
    OrgModel org = orgService.current().model();
    return withUser(pilots)
        .data("orgName", org.org().name())
        .data(
            "canCompare",
            who.everyAggregate() || who.roles().contains(io.podometer.web.security.Roles.CHAMPION));
  }

  @GET
  @Path("bets")
  @Operation(
      summary =
          "The bets page: each bet with its STO, hypothesis, kill signal and its value, status and"
              + " history; kill candidates to decide on, learnings to log")
  public TemplateInstance bets() {
    io.podometer.web.viewer.Viewer who = viewer.get();
    if (!who.readsFigures()) {
      throw new jakarta.ws.rs.ForbiddenException("the bets are read with the figures");
    }
    OrgModel org = orgService.current().model();
    boolean lead =
        who.roles().contains(io.podometer.web.security.Roles.LEADER)
            || who.roles().contains(io.podometer.web.security.Roles.ADMIN);
    return withUser(bets)
        .data("orgName", org.org().name())
        .data("lead", lead)
        .data("memberId", who.memberId().orElse(""));
  }

  @GET
  @Path("identities")
  @Operation(
      summary = "The identities page: unmapped identities, their suggestions and mapping (admins)")
  public TemplateInstance identities() {
    if (!viewer.get().roles().contains(io.podometer.web.security.Roles.ADMIN)) {
      throw new jakarta.ws.rs.ForbiddenException("the identities are for admins");
    }
    OrgModel org = orgService.current().model();
    return withUser(identities).data("orgName", org.org().name());
  }

  /** A refused or missing page is a page too, saying what happened (never a stack trace). */
  @org.jboss.resteasy.reactive.server.ServerExceptionMapper
  public jakarta.ws.rs.core.Response pageError(jakarta.ws.rs.WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String title =
        switch (status) {
          case 403 -> "Not among your figures";
          case 404 -> "Not found";
          default -> "Cannot show this page";
        };
    String detail =
        status == 403
            ? "Your role does not show this page: " + e.getMessage() + "."
            : e.getMessage();
    return jakarta.ws.rs.core.Response.status(status)
        .type(MediaType.TEXT_HTML)
        .entity(error.data("title", title).data("detail", detail))
        .build();
  }

  /** Who sees a metric's figures (SPEC §8); the same rule holds for the API. */
  private static String audience(MetricId metric) {
    String scopes =
        "organization: leaders, champions and members; every pod: leaders; a pod: its"
            + " members and the champion of its pilot";
    return metric.peopleDerived() ? scopes + "; your own figure: you only" : scopes;
  }

  private TemplateInstance withUser(Template template) {
    return PageFrame.of(template, viewer.get());
  }

  private static String pooling(Aggregation aggregation) {
    return switch (aggregation) {
      case RATIO -> "sum of items' num / sum of their den";
      case DISTINCT_RATIO -> "distinct people (or days) counted / distinct in the group";
      case MEDIAN -> "median of the items (interpolated)";
      case P90 -> "90th percentile of the items (interpolated)";
      case SUM -> "sum of the items";
      case DISTINCT_COUNT -> "distinct days";
      case SUM_PER_DISTINCT -> "sum of the items / distinct people";
      case TOP_SHARE -> "the top reviewer's share of all reviews";
      case GINI -> "Gini coefficient of reviews per reviewer, zeros included";
      case DERIVED -> "from the weekly series";
    };
  }

  private TemplateInstance scopePage(
      OrgModel org, String scopeId, String title, String kindLabel, String crumb, String link) {
    IsoWeek to = currentWeek(org);
    return withUser(scope)
        .data("orgName", org.org().name())
        .data("title", title)
        .data("kindLabel", kindLabel)
        .data("crumb", crumb)
        .data("crumbLink", link)
        .data("scope", scopeId)
        .data("from", to.plusWeeks(-(WEEKS - 1)).toString())
        .data("to", to.toString())
        .data("weeks", WEEKS)
        .data("timeZone", org.org().timeZone().getId())
        .data("dataAsOf", dataAsOf())
        .data("targets", targets(org.org().targets()));
  }

  private static String targets(Targets targets) {
    return String.format(
        Locale.ROOT,
        "{\"ai_code_share\":%s,\"agent_assisted_diffs\":%s,\"weekly_active_ai_users\":%s}",
        targets.aiCodeShare(),
        targets.agentAssistedDiffs(),
        targets.weeklyActiveAiUsers());
  }

  private String dataAsOf() {
    io.podometer.web.figures.FigureStatus status = figures.status();
    String asOf = status.dataAsOf() == null ? "no data yet" : status.dataAsOf().toString();
    return status.catchingUp()
        ? asOf + " (catching up: " + status.factsWaiting() + " facts wait)"
        : asOf;
  }

  private IsoWeek currentWeek(OrgModel org) {
    return IsoWeek.of(clock.instant(), org.org().timeZone());
  }
}
