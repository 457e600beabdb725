package io.podometer.engine.metric.dora;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Marks the deployments that undo or fix earlier ones: a rollback names the deployment it undoes
 * ({@code rollbackOf}) or re-deploys an earlier sha of the service (undoing every successful
 * deployment since that sha was last deployed); a hotfix carries a PR labelled with one of the
 * organization's hotfix labels, or is itself so labelled.
 */
final class RollbacksAndHotfixes {

  private final DeploymentIndex index;
  private final Set<String> hotfixLabels;
  // a few dozen distinct labels among every deployed PR's: each is lowered once
  private final Map<String, Boolean> isHotfixLabel = new HashMap<>();

  RollbacksAndHotfixes(DeploymentIndex index, List<String> hotfixLabels) {
    this.index = index;
    this.hotfixLabels =
        hotfixLabels.stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  void mark() {
    for (ServiceDeployments service : index.services()) {
      List<Deployment> successful = service.successful();
      Map<String, Integer> lastIndexOfSha = new HashMap<>();
      for (int i = 0; i < successful.size(); i++) {
        Deployment d = successful.get(i);
        Deployment target = index.deployment(d.fact.rollbackOf());
        if (target != null && Deployment.chronological(target, d) < 0) {
          d.rollbackTarget = target;
        }
        if (d.sha() != null) {
          Integer earlier = lastIndexOfSha.get(d.sha());
          if (earlier != null && earlier < i - 1) {
            d.undoneFrom = earlier + 1;
          }
          lastIndexOfSha.put(d.sha(), i);
        }
      }
      for (Deployment d : service.all()) {
        d.hotfixReason = hotfixReason(d);
      }
    }
  }

  private String hotfixReason(Deployment d) {
    for (DeployedChange change : d.changes) {
      for (String label : change.pr().labels()) {
        if (isHotfix(label)) {
          return "carries " + change.ref() + " labelled " + label;
        }
      }
    }
    for (String label : d.fact.labels()) {
      if (isHotfix(label)) {
        return "deployment labelled " + label;
      }
    }
    return null;
  }

  private boolean isHotfix(String label) {
    Boolean known = isHotfixLabel.get(label);
    if (known == null) {
      known = hotfixLabels.contains(label.toLowerCase(Locale.ROOT));
      isHotfixLabel.put(label, known);
    }
    return known;
  }
}
