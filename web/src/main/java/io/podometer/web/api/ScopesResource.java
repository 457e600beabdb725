package io.podometer.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Pillar;
import io.podometer.engine.org.Pod;
import io.podometer.engine.org.Service;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.scope.ScopeKind;
import io.podometer.web.figures.FigureService;
import io.podometer.web.security.Roles;
import io.podometer.web.viewer.CurrentViewer;
import io.podometer.web.viewer.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The scopes figures can be asked for, and the metrics. Members' own scopes are not listed. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.READER, Roles.CHAMPION, Roles.MEMBER})
public class ScopesResource {

  @Inject CurrentViewer viewer;

  @Inject FigureService service;

  /** A scope: its id (as the metrics API takes it), kind, display name and parent scope. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ScopeView(String id, String kind, String name, String parent) {}

  @GET
  @Path("/scopes")
  @Operation(
      summary = "Every scope: the organization, pillars, pods, services, repositories, bets, STOs")
  public List<ScopeView> scopes() {
    FigureSnapshot figures = service.figures();
    if (figures == null) {
      throw new ServiceUnavailableException("figures are being computed; try again shortly");
    }
    OrgModel org = figures.org();
    Map<String, ScopeView> scopes = new LinkedHashMap<>();
    add(scopes, new ScopeView("org", "org", org.org().name(), null));
    for (Pillar pillar : org.pillars()) {
      add(
          scopes,
          new ScopeView(ScopeId.pillar(pillar.id()).toString(), "pillar", pillar.name(), "org"));
    }
    for (Pod pod : org.pods()) {
      String parent = pod.pillarId().map(p -> ScopeId.pillar(p).toString()).orElse("org");
      add(scopes, new ScopeView(ScopeId.pod(pod.id()).toString(), "pod", pod.name(), parent));
    }
    for (Service service : org.services()) {
      add(
          scopes,
          new ScopeView(
              ScopeId.service(service.id()).toString(),
              "service",
              service.id(),
              ScopeId.pod(service.pod()).toString()));
    }
    for (Bet bet : org.bets()) {
      add(scopes, new ScopeView(ScopeId.bet(bet.id()).toString(), "bet", bet.title(), null));
      bet.sto()
          .ifPresent(
              sto ->
                  add(
                      scopes,
                      new ScopeView(
                          ScopeId.sto(sto).toString(),
                          "sto",
                          org.member(sto).map(m -> m.name()).orElse(sto),
                          null)));
    }
    for (ScopeId scope : figures.scopes()) {
      if (scope.kind() != ScopeKind.MEMBER) {
        add(
            scopes,
            new ScopeView(
                scope.toString(),
                scope.kind().prefix(),
                scope.id().isEmpty() ? "org" : scope.id(),
                null));
      }
    }
    Viewer who = viewer.get();
    return scopes.values().stream().filter(s -> who.canSee(ScopeId.parse(s.id()))).toList();
  }

  private static void add(Map<String, ScopeView> scopes, ScopeView scope) {
    scopes.putIfAbsent(scope.id(), scope);
  }
}
