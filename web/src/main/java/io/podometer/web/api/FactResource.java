package io.podometer.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.figures.FigureService;
import io.podometer.web.http.WholeNumberParam;
import io.podometer.web.security.Roles;
import io.podometer.web.store.FactQueries;
import io.podometer.web.viewer.CurrentViewer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Facts as folded from events, each with the ids of the events behind it. */
@Path("/api/facts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.READER, Roles.CHAMPION, Roles.MEMBER, Roles.ADMIN})
public class FactResource {

  static final int MAX_LIMIT = 1000;

  /**
   * Facts about people one by one: their usage, meetings and pulse answers, the reviews they gave,
   * their commits (with e-mails) and the AI attributions of them. From these, per-person figures
   * follow, so only an admin lists them; leaders and read tokens see aggregates.
   */
  static final java.util.Set<FactKind> ABOUT_PEOPLE = aboutPeople();

  private static java.util.Set<FactKind> aboutPeople() {
    java.util.Set<FactKind> kinds =
        java.util.EnumSet.copyOf(io.podometer.web.privacy.PersonalFacts.KINDS);
    kinds.addAll(List.of(FactKind.REVIEW, FactKind.COMMIT, FactKind.COMMIT_ATTRIBUTION));
    return java.util.Collections.unmodifiableSet(kinds);
  }

  @Inject FactQueries facts;
  @Inject FigureService service;
  @Inject CurrentViewer viewer;
  @Inject SecurityIdentity identity;

  @GET
  @Path("/pull-requests")
  @Operation(
      summary =
          "A pull request (repo and number), a repository's newest ones, or those of a scope"
              + " merged in a week (scope and week)")
  public List<FactView> pullRequests(
      @QueryParam("repo") String repo,
      @QueryParam("number") String number,
      @QueryParam("scope") String scope,
      @QueryParam("week") String week,
      @QueryParam("limit") @DefaultValue("100") String limit) {
    if (scope != null || week != null) {
      requireParam("scope", scope);
      requireParam("week", week);
      ScopeId scopeId = MetricsQuery.scope(scope);
      viewer.get().require(scopeId);
      return mergedIn(scopeId, MetricsQuery.week("week", week), limit(limit));
    }
    requireEveryFact();
    if (number != null) {
      requireParam("repo", repo);
      return one(
          new FactKey(
              FactKind.PULL_REQUEST,
              repo + "#" + WholeNumberParam.of("number", number, 0, Integer.MAX_VALUE)));
    }
    return list(FactKind.PULL_REQUEST, repo, limit(limit));
  }

  @GET
  @Path("/commits")
  @Operation(summary = "A commit (repo and sha), or a repository's newest ones")
  public List<FactView> commits(
      @QueryParam("repo") String repo,
      @QueryParam("sha") String sha,
      @QueryParam("limit") @DefaultValue("100") String limit) {
    requireAdmin("commits");
    if (sha != null) {
      requireParam("repo", repo);
      return one(new FactKey(FactKind.COMMIT, repo + "@" + sha));
    }
    return list(FactKind.COMMIT, repo, limit(limit));
  }

  @GET
  @Path("/deployments")
  @Operation(summary = "A deployment by id, or the newest deployments")
  public List<FactView> deployments(
      @QueryParam("id") String id, @QueryParam("limit") @DefaultValue("100") String limit) {
    requireEveryFact();
    return id != null
        ? one(new FactKey(FactKind.DEPLOYMENT, id))
        : list(FactKind.DEPLOYMENT, null, limit(limit));
  }

  @GET
  @Path("/incidents")
  @Operation(summary = "An incident by id, or the newest incidents")
  public List<FactView> incidents(
      @QueryParam("id") String id, @QueryParam("limit") @DefaultValue("100") String limit) {
    requireEveryFact();
    return id != null
        ? one(new FactKey(FactKind.INCIDENT, id))
        : list(FactKind.INCIDENT, null, limit(limit));
  }

  @GET
  @Path("/{kind}")
  @Operation(
      summary =
          "Any kind of fact by natural key (kind: reviews, ci-runs, agent-usage-days,"
              + " meeting-weeks, bet-signals, bet-learnings, pulse-answers, commit-attributions)")
  public List<FactView> byKind(
      @PathParam("kind") String kind,
      @QueryParam("key") String key,
      @QueryParam("repo") String repo,
      @QueryParam("limit") @DefaultValue("100") String limit) {
    FactKind factKind = kindOf(kind);
    if (ABOUT_PEOPLE.contains(factKind)) {
      requireAdmin(kind);
    } else {
      requireEveryFact();
    }
    return key != null ? one(new FactKey(factKind, key)) : list(factKind, repo, limit(limit));
  }

  /**
   * Facts beyond one scope's pull requests are for those who see every aggregate (leaders, read
   * tokens) and admins; a member or champion reaches facts through their pods' drill-downs.
   */
  private void requireAdmin(String kind) {
    if (!identity.hasRole(Roles.ADMIN)) {
      throw new ForbiddenException(
          "kind: " + kind + " are facts about people one by one; only an admin may read them");
    }
  }

  private void requireEveryFact() {
    if (!viewer.get().everyAggregate() && !identity.hasRole(Roles.ADMIN)) {
      throw new ForbiddenException(
          "facts: only leaders and admins list facts beyond a scope you may see"
              + " (use scope and week)");
    }
  }

  private List<FactView> one(FactKey key) {
    return List.of(
        facts
            .find(key)
            .map(FactView::of)
            .orElseThrow(() -> new NotFoundException("no fact " + key)));
  }

  /**
   * The pull requests that count for a scope and merged in a week (ignored bots' left out), as the
   * figures count them: the author's pod when opened, the repository, its service, the bets.
   */
  private List<FactView> mergedIn(ScopeId scope, IsoWeek week, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT);
    }
    FigureSnapshot figures = service.figures();
    if (figures == null) {
      throw new jakarta.ws.rs.ServiceUnavailableException("figures are being computed");
    }
    EngineContext context =
        new EngineContext(figures.lookups(), figures.facts(), week, week, java.time.Instant.now());
    List<FactKey> keys = new java.util.ArrayList<>();
    for (PullRequestFact pr : figures.facts().pullRequests()) {
      if (pr.mergedAt() == null
          || pr.repo() == null
          || !week.equals(context.weekOf(pr.mergedAt()))
          || context.pods().isIgnored(pr)) {
        continue;
      }
      String pod = context.pods().podOf(pr).orElse(null);
      List<ScopeId> scopes =
          context
              .scopes()
              .forChange(
                  pod, pr.repo(), context.scopes().betsOf(pr), context.memberOf(pr.author()));
      if (scopes.contains(scope)) {
        keys.add(new FactKey(FactKind.PULL_REQUEST, pr.repo() + "#" + pr.number()));
      }
    }
    keys.sort(java.util.Comparator.comparing(FactKey::key));
    return facts.find(keys.subList(0, Math.min(limit, keys.size()))).stream()
        .sorted(java.util.Comparator.comparing(f -> f.key().key()))
        .map(FactView::of)
        .toList();
  }

  private static int limit(String text) {
    return WholeNumberParam.of("limit", text, 1, MAX_LIMIT);
  }

  private List<FactView> list(FactKind kind, String repo, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT);
    }
    return facts.list(kind, repo, limit).stream().map(FactView::of).toList();
  }

  private static void requireParam(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + ": required");
    }
  }

  static FactKind kindOf(String path) {
    String name = path.toUpperCase(Locale.ROOT).replace('-', '_');
    if (name.endsWith("S")) {
      name = name.substring(0, name.length() - 1);
    }
    try {
      return FactKind.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no kind of fact called '" + path + "'");
    }
  }

  /** A fact as served: its natural key, folded fields and the events behind it. */
  public record FactView(
      String kind, String key, ObjectNode fields, List<String> eventIds, Instant dataAsOf) {
    static FactView of(FoldedFact fact) {
      return new FactView(
          fact.key().kind().name().toLowerCase(Locale.ROOT),
          fact.key().key(),
          fact.fields(),
          fact.eventIds(),
          fact.lastOccurredAt());
    }
  }
}
