package io.podometer.connectors.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo organization as the simulator uses it; {@link OrgYaml} writes its public part. */
final class Org {

  enum Role {
    ENGINEER("engineer"),
    PM("pm"),
    DESIGNER("designer");

    final String key;

    Role(String key) {
      this.key = key;
    }
  }

  enum Tool {
    CLAUDE_CODE("claude_code"),
    COPILOT("copilot"),
    CURSOR("cursor");

    final String key;

    Tool(String key) {
      this.key = key;
    }

    int bit() {
      return 1 << ordinal();
    }
  }

  enum Stack {
    JAVA,
    PYTHON,
    TYPESCRIPT,
    GO
  }

  record Pillar(String id, String name) {}

  /**
   * What makes a pod's story: a pilot from a date, or one of the anti-patterns it acts out (SPEC
   * §6), each planted for a detector to find.
   */
  /**
   * How a pilot that changes the pod's work goes: it scales (more output, failures as before) or
   * rushes (more output, and more failed deployments).
   */
  enum PilotStyle {
    SCALES,
    RUSHES
  }

  /**
   * {@code declaredPilot}: a pilot the organization model names from that date whose pod tests more
   * carefully but ships no more than before: one started ten weeks ago (promising at best), one
   * that has just started. With the pilots that work, the demo shows every scale-gate verdict.
   */
  record Traits(
      LocalDate pilotStart,
      PilotStyle pilotStyle,
      LocalDate declaredPilot,
      boolean reviewBottleneck,
      boolean poorAcceptance,
      boolean meetingCreep,
      boolean unownedWork,
      boolean securityShortcuts,
      boolean juniorHollowing,
      boolean untestedAi,
      boolean metricsGaming) {
    boolean pilotOn(LocalDate day) {
      return pilotStart != null && !day.isBefore(pilotStart);
    }

    /** The start of the pilot the organization model names for the pod, if any. */
    LocalDate namedPilotStart() {
      return pilotStart != null ? pilotStart : declaredPilot;
    }

    /**
     * Whether a named pilot has the pod test its changes more carefully that day (fewer failed
     * deployments), though it ships no more than before.
     */
    boolean careful(LocalDate day) {
      return declaredPilot != null && !day.isBefore(declaredPilot);
    }

    /** Whether the pod ships faster than it tests that day (a rushing pilot). */
    boolean rushing(LocalDate day) {
      return pilotOn(day) && pilotStyle == PilotStyle.RUSHES;
    }

    /** Whether the pod acts out an anti-pattern that needs no pilot's care. */
    boolean anyAntiPattern() {
      return reviewBottleneck
          || poorAcceptance
          || meetingCreep
          || unownedWork
          || securityShortcuts
          || juniorHollowing
          || untestedAi
          || metricsGaming;
    }
  }

  record Pod(
      int index, String id, String name, String pillar, Traits traits, Integer pickupHours) {}

  /** {@code until} is exclusive; null while the member is still there. */
  record Membership(String pod, LocalDate from, LocalDate until) {
    boolean covers(LocalDate day) {
      return !day.isBefore(from) && (until == null || day.isBefore(until));
    }
  }

  /**
   * How a member works: not part of the organization file, only of the simulation. A seat means the
   * vendor reports the member every day, active or not. The lower {@code agentCuriosity} (0–1), the
   * earlier the member moves from their primary tool to Claude Code.
   */
  record Habits(
      double aiAffinity,
      Tool primaryTool,
      Tool secondaryTool,
      double agentCuriosity,
      boolean copilotSeat,
      boolean cursorSeat,
      double prRate,
      double meetingHours) {}

  /** Engineers at or under this level are juniors (the organization file's juniorLevelAtMost). */
  static final String JUNIOR_LEVEL = "L3";

  record Member(
      int index,
      String id,
      String name,
      Role role,
      String level,
      String github,
      String email,
      String telemetry,
      List<Membership> memberships,
      Habits habits) {

    String podOn(LocalDate day) {
      for (Membership m : memberships) {
        if (m.covers(day)) {
          return m.pod();
        }
      }
      return memberships.get(memberships.size() - 1).pod();
    }

    boolean engineer() {
      return role == Role.ENGINEER;
    }

    boolean junior() {
      return role == Role.ENGINEER && JUNIOR_LEVEL.equals(level);
    }
  }

  record Service(int index, String id, String pod, String repo, Stack stack) {}

  record Champion(String member, List<String> pods) {}

  record Pilot(String pod, String champion, LocalDate start, int baselineWeeks) {}

  /** A kill signal on a bet signal ({@code onMetric} false) or on an engine metric. */
  record KillSignal(
      boolean onMetric, String name, String comparator, double threshold, int windowWeeks) {}

  /** {@code drifting}: its signal slides past the kill threshold in the last weeks. */
  record Bet(
      int index,
      String id,
      String title,
      String sto,
      String hypothesis,
      KillSignal killSignal,
      String status,
      LocalDate started,
      LocalDate killed,
      String pod,
      boolean drifting) {

    boolean activeOn(LocalDate day) {
      return !day.isBefore(started) && (killed == null || day.isBefore(killed));
    }
  }

  final String name;
  final List<Pillar> pillars;
  final List<Pod> pods;
  final List<Member> members;
  final List<Service> services;
  final List<Champion> champions;
  final List<Pilot> pilots;
  final List<Bet> bets;
  final String securityReviewer;

  private final Map<String, Pod> podsById = new LinkedHashMap<>();
  private final Map<String, List<Member>> everInPod = new LinkedHashMap<>();
  private final Map<String, List<Service>> servicesOfPod = new LinkedHashMap<>();
  private final Map<String, List<Bet>> betsOfPod = new LinkedHashMap<>();

  Org(
      String name,
      List<Pillar> pillars,
      List<Pod> pods,
      List<Member> members,
      List<Service> services,
      List<Champion> champions,
      List<Pilot> pilots,
      List<Bet> bets,
      String securityReviewer) {
    this.name = name;
    this.pillars = List.copyOf(pillars);
    this.pods = List.copyOf(pods);
    this.members = List.copyOf(members);
    this.services = List.copyOf(services);
    this.champions = List.copyOf(champions);
    this.pilots = List.copyOf(pilots);
    this.bets = List.copyOf(bets);
    this.securityReviewer = securityReviewer;
    for (Pod pod : pods) {
      podsById.put(pod.id(), pod);
      everInPod.put(pod.id(), new ArrayList<>());
      servicesOfPod.put(pod.id(), new ArrayList<>());
      betsOfPod.put(pod.id(), new ArrayList<>());
    }
    for (Member member : members) {
      for (Membership m : member.memberships()) {
        List<Member> list = everInPod.get(m.pod());
        if (!list.contains(member)) {
          list.add(member);
        }
      }
    }
    services.forEach(s -> servicesOfPod.get(s.pod()).add(s));
    bets.forEach(b -> betsOfPod.get(b.pod()).add(b));
  }

  Pod pod(String id) {
    return podsById.get(id);
  }

  List<Service> servicesOf(String pod) {
    return Collections.unmodifiableList(servicesOfPod.get(pod));
  }

  List<Bet> betsOf(String pod) {
    return Collections.unmodifiableList(betsOfPod.get(pod));
  }

  /** Members in the pod on that day, in organization order. */
  List<Member> membersOn(String pod, LocalDate day) {
    List<Member> result = new ArrayList<>();
    for (Member m : everInPod.get(pod)) {
      if (pod.equals(m.podOn(day))) {
        result.add(m);
      }
    }
    return result;
  }

  List<Member> engineersOn(String pod, LocalDate day) {
    List<Member> result = membersOn(pod, day);
    result.removeIf(m -> !m.engineer());
    return result;
  }
}
