package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Org.Bet;
import io.podometer.connectors.simulate.Org.Champion;
import io.podometer.connectors.simulate.Org.KillSignal;
import io.podometer.connectors.simulate.Org.Member;
import io.podometer.connectors.simulate.Org.Membership;
import io.podometer.connectors.simulate.Org.Pillar;
import io.podometer.connectors.simulate.Org.Pilot;
import io.podometer.connectors.simulate.Org.Pod;
import io.podometer.connectors.simulate.Org.Role;
import io.podometer.connectors.simulate.Org.Service;
import io.podometer.connectors.simulate.Org.Stack;
import io.podometer.connectors.simulate.Org.Traits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a believable organization for N engineers: about four engineers per pod, four pods per
 * pillar (at least three pillars), a pm or designer in about half the pods, one or two services per
 * pod, pilots, bets with one STO each, and one member who changes pod half-way through the range.
 */
final class OrgBuilder {
  private static final long STREAM = 0x4f7267L;
  private static final Stack[] STACKS = {
    Stack.JAVA, Stack.JAVA, Stack.TYPESCRIPT, Stack.PYTHON, Stack.GO
  };

  private final SimulationSettings settings;
  private final SimulatedRange range;
  private final Rng rng;
  private final People people;

  OrgBuilder(SimulationSettings settings, SimulatedRange range) {
    this.settings = settings;
    this.range = range;
    this.rng = Rng.of(settings.seed(), STREAM);
    this.people = new People(rng);
  }

  Org build() {
    int podCount = Math.max(3, (int) Math.round(settings.engineers() / 4.0));
    int pillarCount = Math.min(podCount, Math.max(3, (int) Math.round(podCount / 4.0)));
    List<Pillar> pillars = new ArrayList<>();
    for (int p = 0; p < pillarCount; p++) {
      String id = Names.cycled(Names.PILLARS.get(p % 5), p / 5);
      pillars.add(new Pillar(id, Names.capitalized(id)));
    }
    Traits[] traits = new PodTraits(podCount, range).assign();
    List<Pod> pods = new ArrayList<>();
    Set<String> podIds = new HashSet<>();
    int[] positionInPillar = new int[pillarCount];
    for (int i = 0; i < podCount; i++) {
      int pillar = (int) ((long) i * pillarCount / podCount);
      int k = positionInPillar[pillar]++;
      String base = Names.PODS.get(pillar % 5).get(k % 8);
      String id = base;
      for (int n = 2; !podIds.add(id); n++) {
        id = base + "-" + n;
      }
      pods.add(
          new Pod(
              i,
              id,
              Names.capitalized(id),
              pillars.get(pillar).id(),
              traits[i],
              i == 0 ? 12 : null));
    }

    LocalDate joined = range.firstMonday().minusWeeks(12);
    int[] engineers = engineersPerPod(settings.engineers(), podCount);
    List<List<Member>> podMembers = new ArrayList<>();
    List<Member> members = new ArrayList<>();
    int nonEngineers = 0;
    for (Pod pod : pods) {
      List<Member> list = new ArrayList<>();
      Membership membership = new Membership(pod.id(), joined, null);
      for (int e = 0; e < engineers[pod.index()]; e++) {
        // a pod hollowing out its juniors' work has juniors enough to be shown as a group
        boolean junior = pod.traits().juniorHollowing() && e >= 1 && e <= 3;
        list.add(
            people.create(members.size() + list.size(), Role.ENGINEER, e == 0, membership, junior));
      }
      int size = engineers[pod.index()];
      if (size <= 3 || (size == 4 && pod.index() % 2 == 0)) {
        Role role = nonEngineers++ % 3 == 2 ? Role.DESIGNER : Role.PM;
        list.add(people.create(members.size() + list.size(), role, false, membership));
      }
      members.addAll(list);
      podMembers.add(list);
    }
    moveOneMember(pods, podMembers, members);

    List<Service> services = new ArrayList<>();
    for (Pod pod : pods) {
      services.add(service(services.size(), pod.id() + "-api", pod, rng.pick(STACKS)));
      if (pod.index() % 3 == 1) {
        boolean web = pod.index() % 2 == 0;
        services.add(
            service(
                services.size(),
                pod.id() + (web ? "-web" : "-worker"),
                pod,
                web ? Stack.TYPESCRIPT : rng.pick(STACKS)));
      }
    }

    List<Champion> champions = new ArrayList<>();
    List<Pilot> pilots = new ArrayList<>();
    for (Pod pod : pods) {
      if (pod.traits().namedPilotStart() != null) {
        String lead = podMembers.get(pod.index()).get(0).id();
        champions.add(new Champion(lead, List.of(pod.id())));
        pilots.add(new Pilot(pod.id(), lead, pod.traits().namedPilotStart(), 8));
      }
    }
    String securityReviewer =
        pods.stream()
            .filter(p -> p.pillar().startsWith("platform"))
            .findFirst()
            .map(p -> podMembers.get(p.index()).get(0).id())
            .orElse(podMembers.get(0).get(0).id());
    return new Org(
        "Acme",
        pillars,
        pods,
        members,
        services,
        champions,
        pilots,
        bets(pods, podMembers),
        securityReviewer);
  }

  static int[] engineersPerPod(int engineers, int podCount) {
    int[] sizes = new int[podCount];
    for (int i = 0; i < podCount; i++) {
      sizes[i] = engineers / podCount + (i < engineers % podCount ? 1 : 0);
    }
    // a few pods of three and of five, so pod sizes vary like a real organization's
    for (int i = 2; i + 1 < podCount; i += 6) {
      if (sizes[i] == 4 && sizes[i + 1] == 4) {
        sizes[i] = 3;
        sizes[i + 1] = 5;
      }
    }
    return sizes;
  }

  private Service service(int index, String id, Pod pod, Stack stack) {
    return new Service(index, id, pod.id(), "acme/" + id, stack);
  }

  /**
   * One engineer leaves a full non-pilot pod for a smaller one half-way through the range, so
   * memberships with {@code until} are exercised without any pod leaving 3–5 people.
   */
  private void moveOneMember(List<Pod> pods, List<List<Member>> podMembers, List<Member> members) {
    Pod from = null;
    Pod to = null;
    for (Pod pod : pods) {
      List<Member> list = podMembers.get(pod.index());
      long engineerCount = list.stream().filter(Member::engineer).count();
      if (pod.traits().pilotStart() != null) {
        continue;
      }
      if (from == null && list.size() == 5 && engineerCount >= 4) {
        from = pod;
      } else if (to == null && list.size() <= 4) {
        to = pod;
      }
    }
    if (from == null || to == null) {
      return;
    }
    List<Member> source = podMembers.get(from.index());
    Member mover = null;
    for (int i = source.size() - 1; i > 0 && mover == null; i--) {
      if (source.get(i).engineer()) {
        mover = source.get(i);
      }
    }
    LocalDate moved = range.firstMonday().plusWeeks(settings.weeks() / 2);
    Membership before = mover.memberships().get(0);
    Member movedMember =
        new Member(
            mover.index(),
            mover.id(),
            mover.name(),
            mover.role(),
            mover.level(),
            mover.github(),
            mover.email(),
            mover.telemetry(),
            List.of(
                new Membership(from.id(), before.from(), moved),
                new Membership(to.id(), moved, null)),
            mover.habits());
    members.set(mover.index(), movedMember);
    source.set(source.indexOf(mover), movedMember);
    podMembers.get(to.index()).add(movedMember);
  }

  /**
   * Every pod works on a bet running through the whole range, owned by its PM (or lead); a few pods
   * have a second, later bet — one of them killed three weeks ago, one placed without any single
   * task owner (a case for {@code unowned_work}).
   */
  private List<Bet> bets(List<Pod> pods, List<List<Member>> podMembers) {
    int extra = Math.max(2, (int) Math.round(pods.size() * 0.3));
    int count = Math.max(6, pods.size() + extra);
    List<Bet> bets = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      boolean first = k < pods.size();
      Pod pod = pods.get(k % pods.size());
      BetCatalog.Entry entry = BetCatalog.ENTRIES.get(k % BetCatalog.ENTRIES.size());
      List<Member> list = podMembers.get(pod.index());
      String sto =
          list.stream()
              .filter(m -> m.role() == Role.PM && m.podOn(range.today()).equals(pod.id()))
              .findFirst()
              .orElse(list.get(0))
              .id();
      int pattern = k % BetCatalog.ENTRIES.size();
      boolean killed = k == pods.size();
      boolean unowned = k == pods.size() + 1;
      String status =
          killed
              ? "killed"
              : switch (pattern) {
                case 2 -> "scaling";
                case 5 -> first ? "shipped" : "exploring";
                default -> "exploring";
              };
      LocalDate started =
          first
              ? range.firstMonday().minusWeeks(2 + k % 5)
              : range.currentMonday().minusWeeks(6 + (k * 5L) % 10);
      bets.add(
          new Bet(
              k,
              Names.cycled(entry.id(), k / BetCatalog.ENTRIES.size()),
              entry.title(),
              unowned ? null : sto,
              entry.hypothesis(),
              new KillSignal(
                  entry.onMetric(),
                  entry.signal(),
                  entry.comparator(),
                  entry.threshold(),
                  entry.windowWeeks()),
              status,
              started,
              killed ? range.currentMonday().minusWeeks(3) : null,
              pod.id(),
              pattern == 3));
    }
    return bets;
  }
}
