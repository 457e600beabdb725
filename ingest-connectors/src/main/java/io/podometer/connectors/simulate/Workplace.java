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

  /** The agent that reviews juniors' PRs in a pod hollowing out its juniors' work. */
  static final String AGENT_REVIEWER = "claude[bot]";

  /** Sensitive paths, as the organization file lists them: {@code sensitivePaths}. */
  private static final java.util.regex.Pattern SENSITIVE =
      java.util.regex.Pattern.compile(
          "(^|.*/)(auth|security|secrets)/.*|^\\.github/workflows/.*|.*\\.tf");

  /**
   * The reviews of a PR as its pod's story has them: in a pod hollowing out its juniors' work, a
   * junior's PR is approved by an agent alone; elsewhere a PR changing a sensitive path gets the
   * security reviewer's approval before it merges — but not in a pod taking security shortcuts.
   *
   * @param author the member who opened it, null for an agent
   */
  PullRequestFlow.Timing checked(
      PullRequestFlow.Timing t,
      Pod pod,
      LocalDate day,
      Member author,
      List<List<Change.FileChange>> parts) {
    if (!t.merged()) {
      return t;
    }
    List<PullRequestFlow.PlannedReview> reviews = new ArrayList<>(t.reviews());
    if (author != null
        && author.junior()
        && pod.traits().juniorHollowing()
        && Stories.juniorsOn(range, day)) {
      long at = reviews.isEmpty() ? t.readyAt() + 40 * Times.MINUTE : reviews.get(0).at();
      reviews.clear();
      reviews.add(
          new PullRequestFlow.PlannedReview(
              AGENT_REVIEWER, "approved", Math.min(at, t.end() - 60)));
      if (sensitive(parts)) {
        securityApproval(reviews, t, author);
      }
    } else if (!(pod.traits().securityShortcuts() && Stories.on(range, day)) && sensitive(parts)) {
      securityApproval(reviews, t, author);
    } else {
      return t;
    }
    reviews.sort((a, b) -> Long.compare(a.at(), b.at()));
    return new PullRequestFlow.Timing(
        t.commitAt(),
        t.preOpen(),
        t.openedAt(),
        t.draft(),
        t.readyAt(),
        t.requestAt(),
        reviews,
        t.merged(),
        t.end());
  }

  /** The security reviewer approves before the merge, unless they wrote it. */
  private void securityApproval(
      List<PullRequestFlow.PlannedReview> reviews, PullRequestFlow.Timing t, Member author) {
    for (Member reviewer : org.members) {
      if (reviewer.id().equals(org.securityReviewer) && reviewer != author) {
        boolean approved =
            reviews.stream()
                .anyMatch(
                    v -> v.reviewer().equals(reviewer.github()) && v.state().equals("approved"));
        if (!approved) {
          reviews.add(
              new PullRequestFlow.PlannedReview(
                  reviewer.github(), "approved", t.end() - 10 * Times.MINUTE));
        }
      }
    }
  }

  private static boolean sensitive(List<List<Change.FileChange>> parts) {
    for (List<Change.FileChange> part : parts) {
      for (Change.FileChange file : part) {
        if (SENSITIVE.matcher(file.path()).matches()) {
          return true;
        }
      }
    }
    return false;
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
    if (org.pod(pod).traits().juniorHollowing() && Stories.juniorsOn(range, day)) {
      mates.removeIf(Member::junior); // the juniors of a hollowed pod no longer review
    }
    if (mates.isEmpty()) {
      return () -> null;
    }
    return () -> (bottleneck && r.chance(0.75) ? mates.get(0) : r.pick(mates)).github();
  }
}
