package io.podometer.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the organization's structure: pillars, pods, and the services the pods own. */
final class StructureReader {

  private StructureReader() {}

  static List<Pillar> pillars(LoadContext context, JsonNode root) {
    List<Pillar> pillars = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (EntryReader pillar : context.entries(root, "pillars", "id")) {
      int before = context.problems.size();
      pillar.allowKeys("id", "name");
      String id = uniqueId(pillar, seen, false);
      String name = pillar.requiredText("name");
      if (context.problems.size() == before) {
        pillars.add(new Pillar(id, name));
      }
    }
    return pillars;
  }

  static List<Pod> pods(LoadContext context, JsonNode root) {
    List<Pod> pods = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (EntryReader pod : context.entries(root, "pods", "id")) {
      int before = context.problems.size();
      pod.allowKeys("id", "name", "pillar", "thresholds");
      String id = uniqueId(pod, seen, false);
      String name = pod.requiredText("name");
      String pillar = pod.text("pillar");
      if (pillar != null && !context.pillarIds.contains(pillar)) {
        pod.problem("pillar", "unknown pillar '" + pillar + "'");
      }
      Map<String, Object> overrides =
          Overlays.read(pod, "thresholds", DetectorThresholds.DEFAULTS).overrides();
      if (context.problems.size() == before) {
        pods.add(new Pod(id, name, pillar, new ThresholdOverrides(detectorOverrides(overrides))));
      }
    }
    return pods;
  }

  static List<Service> services(LoadContext context, JsonNode root) {
    List<Service> services = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    Map<String, String> ownerOfRepo = new HashMap<>();
    for (EntryReader service : context.entries(root, "services", "id")) {
      int before = context.problems.size();
      service.allowKeys("id", "pod", "repos");
      String id = uniqueId(service, seen, true);
      String pod = podReference(service, "pod");
      List<String> repos =
          service.texts(
              "repos",
              List.of(),
              (field, repo) -> {
                if (repo.isBlank() || repo.chars().anyMatch(Character::isWhitespace)) {
                  service.problemAt(field, "not a repository: '" + repo + "'");
                  return;
                }
                if (id == null) {
                  return;
                }
                String owner = ownerOfRepo.putIfAbsent(repo.toLowerCase(Locale.ROOT), id);
                if (owner != null && !owner.equals(id)) {
                  service.problemAt(
                      field,
                      "repository '" + repo + "' already belongs to service '" + owner + "'");
                }
              });
      if (context.problems.size() == before) {
        services.add(new Service(id, pod, repos));
      }
    }
    return services;
  }

  /** A required id, reported when it repeats an earlier entry's id in the same list. */
  static String uniqueId(EntryReader entry, Map<String, String> seen, boolean slashAllowed) {
    String id = entry.requiredId("id", slashAllowed);
    if (id != null) {
      String earlier = seen.putIfAbsent(id, entry.entry().replaceFirst(" \\(.*\\)$", ""));
      if (earlier != null) {
        entry.problem("id", "duplicate id '" + id + "' (already used by " + earlier + ")");
      }
    }
    return id;
  }

  /** A required pod id that must name a pod of the file. */
  static String podReference(EntryReader entry, String key) {
    String pod = entry.requiredText(key);
    if (pod != null && !entry.context().podIds.contains(pod)) {
      entry.problem(key, "unknown pod '" + pod + "'");
    }
    return pod;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> detectorOverrides(Map<String, Object> overrides) {
    Map<String, Map<String, Object>> byDetector = new LinkedHashMap<>();
    overrides.forEach((detector, values) -> byDetector.put(detector, (Map<String, Object>) values));
    return byDetector;
  }
}
