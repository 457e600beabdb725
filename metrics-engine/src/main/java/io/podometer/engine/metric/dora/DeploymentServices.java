package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.org.EnvironmentPattern;
import io.podometer.engine.org.MemberDirectory;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Service;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which service a deployment belongs to, whether it is a production one, and which service an
 * incident's name stands for — the rules of the DORA figures (SPEC §5.2), shared by their index and
 * by the live figures working out how far back a deployment reaches. A deployment belongs to the
 * service it names when that service is configured; else to the configured service claiming its
 * repository; else to its repository (by default one service per repository); else to the name it
 * gives. One instance per user: its caches are not shared between threads.
 */
public final class DeploymentServices {

  private final MemberDirectory members;
  private final Set<String> configured = new HashSet<>();
  private final EnvironmentPattern production;
  // a few hundred (service, repository) pairs and a handful of environment names among a year's
  // deployments: each is resolved once
  private final Map<Named, String> resolved = new HashMap<>();
  private final Map<String, Boolean> productionNames = new HashMap<>();

  public DeploymentServices(OrgModel org, MemberDirectory members) {
    this.members = members;
    for (Service service : org.services()) {
      configured.add(service.id());
    }
    this.production = org.org().productionEnvironments();
  }

  /**
   * The service the deployment belongs to, or null when it names neither service nor repository.
   */
  public String serviceOf(DeploymentFact d) {
    return resolved.computeIfAbsent(new Named(d.service(), d.repo()), named -> resolve(d));
  }

  /** Whether the environment is one of the organization's production environments. */
  public boolean isProduction(String environment) {
    return productionNames.computeIfAbsent(environment, production::matches);
  }

  /** The service whose deployments ship a repository's changes (it may have no deployment). */
  public String serviceOfRepo(String repo) {
    return members.serviceForRepo(repo);
  }

  /**
   * The service an incident's name stands for among those with deployments: the service of that
   * name; else the service of the repository the name stands for (a deployment named it so, see
   * {@link #standsFor}); else of the repository so named. Null when none has deployments.
   */
  public String serviceNamed(
      String name, Predicate<String> hasDeployments, Function<String, String> nameStandsFor) {
    if (name == null) {
      return null;
    }
    if (hasDeployments.test(name)) {
      return name;
    }
    String standsFor = nameStandsFor.apply(name);
    String service = serviceOfRepo(standsFor != null ? standsFor : name);
    return hasDeployments.test(service) ? service : null;
  }

  /**
   * Of two services a name was given for, the one it stands for: the lexically first, whatever the
   * order of the facts.
   */
  public static String standsFor(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private String resolve(DeploymentFact d) {
    if (d.service() != null && configured.contains(d.service())) {
      return d.service();
    }
    if (d.repo() != null) {
      return serviceOfRepo(d.repo());
    }
    return d.service();
  }

  /** What a deployment names. */
  private record Named(String service, String repo) {}
}
