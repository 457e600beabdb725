package io.podometer.engine.metric;

import io.podometer.engine.event.EventData.AgentSeat;
import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.event.EventData.BetLearning;
import io.podometer.engine.event.EventData.BetSignal;
import io.podometer.engine.event.EventData.MeetingSummary;
import io.podometer.engine.event.EventData.PulseScore;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.fact.CiRunFact;
import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.DeploymentFact;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.fact.IncidentFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.fact.StringPool;
import java.util.List;

/**
 * Every fact a computation reads, by kind. Immutable; the index of its facts' moments ({@link
 * FactWindow}) is built the first time a window is asked for and kept with it.
 */
public final class FactSet {

  private final List<PullRequestFact> pullRequests;
  private final List<CommitFact> commits;
  private final List<CommitAttributionFact> attributions;
  private final List<ReviewFact> reviews;
  private final List<CiRunFact> ciRuns;
  private final List<DeploymentFact> deployments;
  private final List<IncidentFact> incidents;
  private final List<AgentUsage> usageDays;
  private final List<AgentSeat> seats;
  private final List<MeetingSummary> meetingWeeks;
  private final List<BetSignal> betSignals;
  private final List<BetLearning> betLearnings;
  private final List<PulseScore> pulseAnswers;
  private volatile FactTimes times;
  private volatile DeploymentWindow deploymentWindow;
  private volatile FactOwners owners;
  private final java.util.concurrent.atomic.AtomicInteger slicesCut =
      new java.util.concurrent.atomic.AtomicInteger();

  public FactSet(
      List<PullRequestFact> pullRequests,
      List<CommitFact> commits,
      List<CommitAttributionFact> attributions,
      List<ReviewFact> reviews,
      List<CiRunFact> ciRuns,
      List<DeploymentFact> deployments,
      List<IncidentFact> incidents,
      List<AgentUsage> usageDays,
      List<AgentSeat> seats,
      List<MeetingSummary> meetingWeeks,
      List<BetSignal> betSignals,
      List<BetLearning> betLearnings,
      List<PulseScore> pulseAnswers) {
    this.pullRequests = List.copyOf(pullRequests);
    this.commits = List.copyOf(commits);
    this.attributions = List.copyOf(attributions);
    this.reviews = List.copyOf(reviews);
    this.ciRuns = List.copyOf(ciRuns);
    this.deployments = List.copyOf(deployments);
    this.incidents = List.copyOf(incidents);
    this.usageDays = List.copyOf(usageDays);
    this.seats = List.copyOf(seats);
    this.meetingWeeks = List.copyOf(meetingWeeks);
    this.betSignals = List.copyOf(betSignals);
    this.betLearnings = List.copyOf(betLearnings);
    this.pulseAnswers = List.copyOf(pulseAnswers);
  }

  public List<PullRequestFact> pullRequests() {
    return pullRequests;
  }

  public List<CommitFact> commits() {
    return commits;
  }

  public List<CommitAttributionFact> attributions() {
    return attributions;
  }

  public List<ReviewFact> reviews() {
    return reviews;
  }

  public List<CiRunFact> ciRuns() {
    return ciRuns;
  }

  public List<DeploymentFact> deployments() {
    return deployments;
  }

  public List<IncidentFact> incidents() {
    return incidents;
  }

  public List<AgentUsage> usageDays() {
    return usageDays;
  }

  /** The agent seats assigned, whatever the weeks: a seat spans from its assignment on. */
  public List<AgentSeat> seats() {
    return seats;
  }

  public List<MeetingSummary> meetingWeeks() {
    return meetingWeeks;
  }

  public List<BetSignal> betSignals() {
    return betSignals;
  }

  public List<BetLearning> betLearnings() {
    return betLearnings;
  }

  public List<PulseScore> pulseAnswers() {
    return pulseAnswers;
  }

  /** The facts of a list that {@code keep} accepts, in its order (one pass, for slices). */
  static <T> List<T> where(List<T> facts, java.util.function.Predicate<? super T> keep) {
    List<T> kept = new java.util.ArrayList<>();
    for (T fact : facts) {
      if (keep.test(fact)) {
        kept.add(fact);
      }
    }
    return kept;
  }

  /** Slices cut from a set before its facts are indexed by owner for the next ones. */
  private static final int SLICES_BEFORE_INDEXING = 2;

  /**
   * Its facts by repository, service and identity, once slices have been cut from it a few times
   * (null before): indexing a set costs several passes over it, so one sliced once or twice (a
   * drill-down's window) is scanned instead, and one sliced again and again (every pod's slice of a
   * year) is indexed once.
   */
  FactOwners ownersOnceSlicedOften() {
    FactOwners built = owners;
    if (built != null || slicesCut.incrementAndGet() <= SLICES_BEFORE_INDEXING) {
      return built;
    }
    synchronized (this) {
      built = owners;
      if (built == null) {
        built = new FactOwners(this);
        owners = built;
      }
    }
    return built;
  }

  /** Its deployments as windows cut them; built once, on first use. */
  DeploymentWindow deploymentWindow() {
    DeploymentWindow built = deploymentWindow;
    if (built == null) {
      synchronized (this) {
        built = deploymentWindow;
        if (built == null) {
          built = new DeploymentWindow(deployments);
          deploymentWindow = built;
        }
      }
    }
    return built;
  }

  /** The moments of its facts, for windows over them; built once, on first use. */
  FactTimes times() {
    FactTimes built = times;
    if (built == null) {
      synchronized (this) {
        built = times;
        if (built == null) {
          built = new FactTimes(this);
          times = built;
        }
      }
    }
    return built;
  }

  /**
   * The earliest moment of its pull requests, commits, reviews, CI runs, usage days, meetings, bet
   * signals and learnings and pulse answers (empty when it has none): where its history begins, as
   * a hint (deployments, incidents and seats are not read; a fact replaced may still count).
   */
  public java.util.Optional<java.time.Instant> firstMoment() {
    long first = times().first();
    return first == Long.MAX_VALUE
        ? java.util.Optional.empty()
        : java.util.Optional.of(java.time.Instant.ofEpochMilli(first));
  }

  /**
   * The facts {@code current} (by kind) as a set whose time index is this set's patched rather than
   * built anew: {@code stale} are facts of this set no longer current (an identity set), {@code
   * added} the current facts this set does not hold. For a few changes among millions of facts.
   */
  public FactSet evolved(
      java.util.Map<FactKind, ? extends List<?>> current,
      java.util.Set<Object> stale,
      java.util.Map<FactKind, ? extends List<?>> added) {
    FactSet next = ofTyped(current);
    FactSet extra = ofTyped(added);
    next.times = new FactTimes(times(), stale, extra);
    next.deploymentWindow = deploymentWindow().overlaid(stale, extra.deployments());
    return next;
  }

  /** Typed facts from folded ones, whatever their order. */
  public static FactSet fromFolded(java.util.Collection<FoldedFact> folded) {
    java.util.Map<FactKind, List<FoldedFact>> byKind = new java.util.EnumMap<>(FactKind.class);
    for (FoldedFact fact : folded) {
      byKind.computeIfAbsent(fact.key().kind(), k -> new java.util.ArrayList<>()).add(fact);
    }
    StringPool strings = new StringPool();
    java.util.Map<FactKind, List<?>> typed = new java.util.EnumMap<>(FactKind.class);
    byKind.forEach(
        (kind, facts) -> {
          Class<?> type = typeOf(kind);
          com.fasterxml.jackson.databind.ObjectReader reader = FoldedFact.reader(type, strings);
          typed.put(kind, facts.parallelStream().map(f -> f.as(type, reader)).toList());
        });
    return ofTyped(typed);
  }

  /** The typed record a fact of {@code kind} reads as. */
  public static Class<?> typeOf(FactKind kind) {
    return switch (kind) {
      case PULL_REQUEST -> PullRequestFact.class;
      case COMMIT -> CommitFact.class;
      case COMMIT_ATTRIBUTION -> CommitAttributionFact.class;
      case REVIEW -> ReviewFact.class;
      case CI_RUN -> CiRunFact.class;
      case DEPLOYMENT -> DeploymentFact.class;
      case INCIDENT -> IncidentFact.class;
      case AGENT_USAGE_DAY -> AgentUsage.class;
      case AGENT_SEAT -> AgentSeat.class;
      case AGENT_ORG_DAY -> io.podometer.engine.event.EventData.AgentOrgUsage.class;
      case MEETING_WEEK -> MeetingSummary.class;
      case BET_SIGNAL -> BetSignal.class;
      case BET_LEARNING -> BetLearning.class;
      case PULSE_ANSWER -> PulseScore.class;
    };
  }

  /** Typed facts by kind (each list holds records of {@link #typeOf} that kind). */
  public static FactSet ofTyped(java.util.Map<FactKind, ? extends List<?>> byKind) {
    return new FactSet(
        of(byKind, FactKind.PULL_REQUEST),
        of(byKind, FactKind.COMMIT),
        of(byKind, FactKind.COMMIT_ATTRIBUTION),
        of(byKind, FactKind.REVIEW),
        of(byKind, FactKind.CI_RUN),
        of(byKind, FactKind.DEPLOYMENT),
        of(byKind, FactKind.INCIDENT),
        of(byKind, FactKind.AGENT_USAGE_DAY),
        of(byKind, FactKind.AGENT_SEAT),
        of(byKind, FactKind.MEETING_WEEK),
        of(byKind, FactKind.BET_SIGNAL),
        of(byKind, FactKind.BET_LEARNING),
        of(byKind, FactKind.PULSE_ANSWER));
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> of(java.util.Map<FactKind, ? extends List<?>> byKind, FactKind kind) {
    List<?> facts = byKind.get(kind);
    return facts == null ? List.of() : (List<T>) facts;
  }

  /** Only the change facts (the overview reads nothing else). */
  public static FactSet ofChanges(
      List<PullRequestFact> pullRequests,
      List<CommitFact> commits,
      List<CommitAttributionFact> attributions) {
    return new FactSet(
        pullRequests,
        commits,
        attributions,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
