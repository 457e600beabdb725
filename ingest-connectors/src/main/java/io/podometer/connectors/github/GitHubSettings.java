package io.podometer.connectors.github;

import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What mapping GitHub needs from the organization model: the labels that make an issue an incident,
 * and the service a repository's deployments and incidents belong to (the first service listing the
 * repository, else the repository's name).
 */
public record GitHubSettings(Set<String> incidentLabels, Map<String, String> serviceByRepo) {

  public GitHubSettings {
    incidentLabels =
        incidentLabels.stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    serviceByRepo = Map.copyOf(serviceByRepo);
  }

  public static GitHubSettings from(OrgModel org) {
    Map<String, String> byRepo = new LinkedHashMap<>();
    for (Service service : org.services()) {
      for (String repo : service.repos()) {
        byRepo.putIfAbsent(repo.toLowerCase(Locale.ROOT), service.id());
      }
    }
    return new GitHubSettings(Set.copyOf(org.org().incidentLabels()), byRepo);
  }

  String serviceOf(String repo) {
    String service = serviceByRepo.get(repo.toLowerCase(Locale.ROOT));
    return service != null ? service : repo.substring(repo.indexOf('/') + 1);
  }

  boolean isIncident(List<String> labels) {
    return labels.stream().anyMatch(l -> incidentLabels.contains(l.toLowerCase(Locale.ROOT)));
  }
}
