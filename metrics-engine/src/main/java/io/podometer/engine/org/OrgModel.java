package io.podometer.engine.org;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The whole organization model; immutable, so safe to share between threads. */
public record OrgModel(
    OrgSettings org,
    List<Pillar> pillars,
    List<Pod> pods,
    List<Member> members,
    List<Service> services,
    List<Champion> champions,
    List<Pilot> pilots,
    List<Bet> bets) {

  public OrgModel {
    Objects.requireNonNull(org, "org");
    pillars = List.copyOf(pillars);
    pods = List.copyOf(pods);
    members = List.copyOf(members);
    services = List.copyOf(services);
    champions = List.copyOf(champions);
    pilots = List.copyOf(pilots);
    bets = List.copyOf(bets);
  }

  /** This model with other organization-wide settings. */
  public OrgModel withOrg(OrgSettings settings) {
    return new OrgModel(settings, pillars, pods, members, services, champions, pilots, bets);
  }

  /** This model with other members. */
  public OrgModel withMembers(List<Member> people) {
    return new OrgModel(org, pillars, pods, people, services, champions, pilots, bets);
  }

  /** An organization with these settings and nothing else. */
  public static OrgModel empty(OrgSettings org) {
    return new OrgModel(
        org, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * The thresholds that hold for a pod: the organization's, with the pod's overrides merged key by
   * key. An unknown pod (or null) gets the organization's thresholds.
   */
  public DetectorThresholds thresholdsFor(String podId) {
    return pod(podId)
        .map(pod -> pod.thresholdOverrides().applyTo(org.thresholds()))
        .orElse(org.thresholds());
  }

  public Optional<Pillar> pillar(String id) {
    return pillars.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Pod> pod(String id) {
    return pods.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public List<Pod> podsOfPillar(String pillarId) {
    return pods.stream().filter(p -> pillarId.equals(p.pillar())).toList();
  }

  public Optional<Member> member(String id) {
    return members.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  public Optional<Service> service(String id) {
    return services.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Bet> bet(String id) {
    return bets.stream().filter(b -> b.id().equals(id)).findFirst();
  }

  public List<Pilot> pilotsOfPod(String podId) {
    return pilots.stream().filter(p -> p.pod().equals(podId)).toList();
  }
}
