package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.fact.IncidentFact;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.org.Service;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The production deployments of one computation, per service. A deployment belongs to the service
 * it names when that service is configured; else to the configured service claiming its repository;
 * else to its repository, a service of its own (SPEC: by default one service per repository), and
 * the name it gave stands for that repository when an incident uses it; else to the name it gave. A
 * service is covered by a deployment source from the week of its first deployment fact in any
 * environment.
 */
final class DeploymentIndex {

  private final EngineContext ctx;
  private final DeploymentServices naming;
  private final Map<String, List<String>> configured = new HashMap<>();
  private final Map<String, ServiceDeployments> services = new TreeMap<>();
  private final Map<String, Deployment> byId = new HashMap<>();
  private final Map<String, String> repoNamedAs = new HashMap<>();
  private final Map<String, ServiceDeployments> serviceByRepo = new HashMap<>();

  DeploymentIndex(EngineContext ctx) {
    this.ctx = ctx;
    this.naming = new DeploymentServices(ctx.org(), ctx.members());
    for (Service service : ctx.org().services()) {
      configured.put(service.id(), service.repos());
    }
    Map<String, IsoWeek> coveredFrom = new HashMap<>();
    List<Production> productionFacts = new ArrayList<>();
    for (DeploymentFact d : ctx.facts().deployments()) {
      String service = naming.serviceOf(d);
      if (service == null || d.finishedAt() == null || d.deploymentId() == null) {
        continue;
      }
      IsoWeek week = ctx.weekOf(d.finishedAt());
      coveredFrom.merge(service, week, DeploymentIndex::earlier);
      if (d.service() != null && !d.service().equals(service)) {
        repoNamedAs.merge(d.service(), service, DeploymentServices::standsFor);
      }
      if (naming.isProduction(d.environment())) {
        productionFacts.add(new Production(d, service, week));
      }
    }
    coveredFrom.forEach(
        (service, week) ->
            services.put(
                service, new ServiceDeployments(service, ctx.scopes().forService(service), week)));
    for (Production p : productionFacts) {
      ServiceDeployments service = services.get(p.service());
      Deployment deployment = new Deployment(p.fact(), service, p.week());
      service.add(deployment);
      byId.put(p.fact().deploymentId(), deployment);
    }
    for (IncidentFact incident : ctx.facts().incidents()) {
      if (incident.incidentId() == null || incident.openedAt() == null) {
        continue;
      }
      ServiceDeployments service = serviceNamed(incident.service());
      if (service != null) {
        service.addIncident(incident);
      }
    }
    services.values().forEach(ServiceDeployments::seal);
  }

  /** Services with a deployment source, by id. */
  Iterable<ServiceDeployments> services() {
    return services.values();
  }

  /** The production deployment with this id, or null. */
  Deployment deployment(String deploymentId) {
    return deploymentId == null ? null : byId.get(deploymentId);
  }

  /** The service an incident (or anything naming a service or a repository) belongs to. */
  ServiceDeployments serviceNamed(String serviceOrRepo) {
    String service = naming.serviceNamed(serviceOrRepo, services::containsKey, repoNamedAs::get);
    return service == null ? null : services.get(service);
  }

  /** The service whose deployments ship a repository's changes, or null when none is known. */
  ServiceDeployments serviceOfRepo(String repo) {
    if (repo == null) {
      return null;
    }
    ServiceDeployments known = serviceByRepo.get(repo);
    if (known == null && !serviceByRepo.containsKey(repo)) {
      known = services.get(naming.serviceOfRepo(repo));
      serviceByRepo.put(repo, known);
    }
    return known;
  }

  /** The repositories a deployment may have deployed: its own, else its service's. */
  List<String> reposOf(Deployment deployment) {
    if (deployment.fact.repo() != null) {
      return List.of(deployment.fact.repo());
    }
    return reposOf(deployment.service);
  }

  /** The repositories whose changes a service deploys. */
  List<String> reposOf(ServiceDeployments service) {
    List<String> repos = configured.get(service.id());
    if (repos != null) {
      return repos;
    }
    return service.id().contains("/") ? List.of(service.id()) : List.of();
  }

  private static IsoWeek earlier(IsoWeek a, IsoWeek b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** A production deployment fact with what was worked out for it on the way. */
  private record Production(DeploymentFact fact, String service, IsoWeek week) {}
}
