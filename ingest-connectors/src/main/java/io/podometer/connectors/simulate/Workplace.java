package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Org.Member;
import io.podometer.connectors.simulate.Org.Pod;
import io.podometer.connectors.simulate.Org.Service;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What every generator shares during one run: the organization, its repositories, the agenda. */
final class Workplace {
  private static final long ROOT = 0x524f4fL;

  final long seed;
  final Org org;
  final SimulatedRange range;
  final UsagePlan plan;
  final Timeline timeline;
  final Sequences sequences = new Sequences();
  final PullRequestEvents pullRequests;
  private final List<Repo> repos = new ArrayList<>();
  private final Map<String, Member> byLogin = new HashMap<>();

  Workplace(long seed, Org org, SimulatedRange range) {
    this.seed = seed;
    this.org = org;
    this.range = range;
    this.plan = new UsagePlan(seed, org, range);
    this.timeline = new Timeline(range.now());
    this.pullRequests = new PullRequestEvents(timeline, sequences);
    for (Service s : org.services) {
      repos.add(new Repo(s, Rng.of(seed, ROOT, s.index()).sha()));
    }
    org.members.forEach(m -> byLogin.put(m.github(), m));
  }

  List<Repo> repos() {
    return repos;
  }

  Repo repo(Service service) {
    return repos.get(service.index());
  }

  /** Most work lands in the pod's main service. */
  Repo repoOf(Pod pod, Rng r) {
    List<Service> services = org.servicesOf(pod.id());
    return repo(services.size() == 1 || r.chance(0.7) ? services.get(0) : r.pick(services));
  }

  Member member(String login) {
    return byLogin.get(login);
  }

  /**
   * Draws reviewers among the pod's engineers that day, never {@code author}. In a pod with a
   * review bottleneck its lead takes three reviews in four.
   *
   * @return a supplier of logins, giving null when nobody else is there
   */
  Supplier<String> reviewers(Rng r, String pod, LocalDate day, String author) {
    List<Member> mates = org.engineersOn(pod, day);
    mates.removeIf(m -> m.github().equals(author));
    if (mates.isEmpty()) {
      return () -> null;
    }
    boolean bottleneck = org.pod(pod).traits().reviewBottleneck();
    return () -> (bottleneck && r.chance(0.75) ? mates.get(0) : r.pick(mates)).github();
  }
}
