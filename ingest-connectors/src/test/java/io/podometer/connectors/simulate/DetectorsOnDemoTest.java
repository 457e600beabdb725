package io.podometer.connectors.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.connectors.DemoFigures;
import io.podometer.engine.detect.AntiPatternDetectors;
import io.podometer.engine.detect.DetectionContext;
import io.podometer.engine.detect.Detections;
import io.podometer.engine.detect.Flag;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventProblem;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.metric.EngineContext;
import io.podometer.engine.metric.EngineResult;
import io.podometer.engine.metric.MetricFamilies;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.OrgModelLoader;
import io.podometer.engine.time.IsoWeek;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every detector over the default demo organization, judging its last 12 weeks as the Anti-patterns
 * page does: each planted anti-pattern is found in the pod that acts it out, in the weeks it plays
 * out, and the pods planted as near misses — the pilots, which changed how they work, and every pod
 * without the story where the demo's data leaves no doubt — are not flagged.
 */
class DetectorsOnDemoTest {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  static DemoOrganization demo;
  static List<Flag> flags;
  static IsoWeek to;

  @BeforeAll
  static void detect() {
    demo = new DemoOrganization(SimulationSettings.defaults(Clock.fixed(NOW, ZoneOffset.UTC)));
    OrgModel org = new OrgModelLoader().load(demo.orgYaml(), "demo").model();
    EventCodec codec = new EventCodec();
    List<CanonicalEvent> events = new ArrayList<>();
    demo.events(
        node -> {
          List<EventProblem> problems = new ArrayList<>();
          CanonicalEvent event = codec.fromTree(node, 0, problems);
          assertTrue(problems.isEmpty(), problems.toString());
          events.add(event);
        });
    to = IsoWeek.of(NOW, ZoneOffset.UTC);
    IsoWeek from = to.plusWeeks(-25);
    EngineResult result =
        MetricFamilies.engine()
            .compute(new EngineContext(org, DemoFigures.fold(events), from, to, NOW));
    Map<FigureKey, Figure> byKey = new HashMap<>();
    result.figures().forEach(f -> byKey.put(new FigureKey(f.metric(), f.scope(), f.week()), f));
    Detections found =
        AntiPatternDetectors.run(new DetectionContext(org, byKey::get, to.plusWeeks(-11), to));
    flags = found.flags();
    io.podometer.engine.pilot.ScaleGate gate =
        new io.podometer.engine.pilot.ScaleGate(org, byKey::get);
    verdicts = new HashMap<>();
    org.pilots()
        .forEach(p -> verdicts.put(p.pod(), gate.judge(p, to.plusWeeks(-1)).verdict().words()));
    io.podometer.engine.bet.KillSignalEvaluator killSignals =
        new io.podometer.engine.bet.KillSignalEvaluator(
            ZoneOffset.UTC, DemoFigures.fold(events).betSignals(), byKey::get);
    bets = new HashMap<>();
    org.bets()
        .forEach(
            b ->
                bets.put(
                    b.id(),
                    b.status().id() + " " + killSignals.evaluate(b, to.plusWeeks(-1)).state()));
  }

  static Map<String, String> verdicts;

  /** Each bet's status and its kill signal in the last complete week. */
  static Map<String, String> bets;

  @Test
  void theBetsAreInEveryStatusAndOneIsAKillCandidate() {
    // the typo-tolerant search bet has been past its kill threshold for its window and more
    assertEquals("exploring FIRES", bets.get("smart-search"), bets.toString());
    assertEquals(
        1,
        bets.values().stream().filter(v -> v.endsWith("FIRES")).count(),
        "one kill candidate: " + bets);
    for (String status : List.of("exploring", "scaling", "shipped", "killed")) {
      assertTrue(
          bets.values().stream().anyMatch(v -> v.startsWith(status + " ")), status + " " + bets);
    }
  }

  @Test
  void thePilotsShowEveryScaleGateVerdict() {
    // the first pilot rushes (its failures rise), the second scales; the pod drowning in
    // meetings named a pilot that never changed its work, the juniors' pod one two weeks ago
    assertEquals(
        Map.of(
            "payments",
            "not validated",
            "observability",
            "validated",
            podWith(Org.Traits::meetingCreep),
            "promising",
            podWith(Org.Traits::juniorHollowing),
            "insufficient data"),
        verdicts);
  }

  private static String podWith(Predicate<Org.Traits> trait) {
    return demo.org().pods.stream()
        .filter(p -> trait.test(p.traits()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private static List<String> pilots() {
    return demo.org().pods.stream()
        .filter(p -> p.traits().pilotStart() != null)
        .map(Org.Pod::id)
        .toList();
  }

  /** The pods a detector flagged, and in which weeks. */
  private static Map<String, TreeSet<IsoWeek>> flagged(String detector, Predicate<Flag> which) {
    Map<String, TreeSet<IsoWeek>> pods = new HashMap<>();
    for (Flag flag : flags) {
      if (flag.detector().equals(detector) && which.test(flag)) {
        pods.computeIfAbsent(flag.scope().toString(), k -> new TreeSet<>()).add(flag.week());
      }
    }
    return pods;
  }

  /**
   * The planted pod is flagged in {@code atLeast} of the story's weeks; {@code clean} pods never.
   */
  private static void plantedAndNearMisses(
      String detector, String planted, int storyWeeks, int atLeast, List<String> clean) {
    Map<String, TreeSet<IsoWeek>> pods = flagged(detector, f -> true);
    TreeSet<IsoWeek> weeks = pods.getOrDefault("pod:" + planted, new TreeSet<>());
    long inStory = weeks.stream().filter(w -> w.compareTo(to.plusWeeks(-storyWeeks)) > 0).count();
    assertTrue(
        inStory >= atLeast,
        detector + ": " + planted + " flagged in " + weeks + ", all flags " + pods);
    for (String pod : clean) {
      assertTrue(
          !pods.containsKey("pod:" + pod),
          detector + ": near miss " + pod + " flagged in " + pods.get("pod:" + pod));
    }
  }

  private static List<String> allBut(String... pods) {
    Set<String> left = Set.of(pods);
    return demo.org().pods.stream().map(Org.Pod::id).filter(p -> !left.contains(p)).toList();
  }

  @Test
  void aReviewBottleneckInItsPod() {
    String pod = podWith(Org.Traits::reviewBottleneck);
    plantedAndNearMisses("review_bottleneck", pod, 12, 6, pilots());
  }

  @Test
  void promptCargoCultingInItsPodOnly() {
    String pod = podWith(Org.Traits::poorAcceptance);
    plantedAndNearMisses("prompt_cargo_culting", pod, 12, 10, allBut(pod));
  }

  @Test
  void securityShortcutsInItsPodOnly() {
    String pod = podWith(Org.Traits::securityShortcuts);
    plantedAndNearMisses("security_shortcuts", pod, Stories.WEEKS, 6, allBut(pod));
  }

  @Test
  void knowledgeDebtInItsPod() {
    String pod = podWith(Org.Traits::untestedAi);
    plantedAndNearMisses("knowledge_debt", pod, Stories.WEEKS, 3, pilots());
  }

  @Test
  void juniorPipelineHollowingInItsPodOnly() {
    String pod = podWith(Org.Traits::juniorHollowing);
    plantedAndNearMisses("junior_pipeline_hollowing", pod, Stories.JUNIOR_WEEKS, 2, allBut(pod));
  }

  @Test
  void meetingCreepInItsPodOnly() {
    String pod = podWith(Org.Traits::meetingCreep);
    plantedAndNearMisses("meeting_creep", pod, 10, 2, allBut(pod));
  }

  @Test
  void unownedWorkInItsPodAndTheBetWithoutAnOwner() {
    String pod = podWith(Org.Traits::unownedWork);
    plantedAndNearMisses("unowned_work", pod, 12, 8, allBut(pod));
    // the bet placed without a single task owner, every week
    List<String> unownedBets =
        demo.org().bets.stream().filter(b -> b.sto() == null).map(b -> "bet:" + b.id()).toList();
    assertEquals(1, unownedBets.size());
    assertEquals(
        12,
        flagged("unowned_work", f -> true)
            .getOrDefault(unownedBets.get(0), new TreeSet<>())
            .size());
  }

  @Test
  void metricsGamingBySlicedPrsAndUnbackedLabelsInItsPodOnly() {
    String pod = podWith(Org.Traits::metricsGaming);
    // the clauses the pod acts out; AI share rising without better outcomes is the adoption story
    // of most pods, judged apart
    Predicate<Flag> gamed =
        f -> f.rule().contains("merged PRs up") || f.rule().contains("rests on a trailer or label");
    Map<String, TreeSet<IsoWeek>> pods = flagged("metrics_gaming", gamed);
    assertTrue(
        pods.getOrDefault("pod:" + pod, new TreeSet<>()).size() >= 2, "metrics_gaming: " + pods);
    assertEquals(Set.of("pod:" + pod), pods.keySet(), "sliced PRs or unbacked labels elsewhere");
  }

  @Test
  void toolBoltOnWhereToolsCameWithoutAChangeOfWorkNeverInAPilot() {
    Map<String, TreeSet<IsoWeek>> pods = flagged("tool_bolt_on", f -> true);
    assertTrue(!pods.isEmpty(), "no pod flagged for tool_bolt_on");
    for (String pilot : pilots()) {
      assertTrue(!pods.containsKey("pod:" + pilot), "pilot " + pilot + " flagged: " + pods);
    }
  }
}
