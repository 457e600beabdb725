package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Org.Traits;
import java.time.LocalDate;

/**
 * Chooses which pods run a pilot and which act out an anti-pattern: about one pod in eight pilots
 * (two at least, starting about ten weeks before the end), one in ten has a review bottleneck, one
 * in twelve culture-copies prompts (poor acceptance), one in twelve drifts into meeting creep; one
 * in ten each works outside any bet, takes security shortcuts, hollows out its juniors' work,
 * merges untested AI work, or games its figures. Each anti-pattern has one pod at least.
 */
final class PodTraits {
  private final int podCount;
  private final SimulatedRange range;

  PodTraits(int podCount, SimulatedRange range) {
    this.podCount = podCount;
    this.range = range;
  }

  Traits[] assign() {
    boolean[] pilot = new boolean[podCount];
    int pilots = 0;
    for (int i = 0; i < podCount; i++) {
      pilot[i] = i % 8 == 1;
      pilots += pilot[i] ? 1 : 0;
    }
    for (int i = 0; i < podCount && pilots < 2; i++) {
      if (!pilot[i]) {
        pilot[i] = true;
        pilots++;
      }
    }
    boolean[] bottleneck = pick(i -> i % 10 == 3, pilot, new boolean[podCount], true);
    boolean[] poorAcceptance = pick(i -> i % 12 == 6, pilot, bottleneck, false);
    boolean[] meetingCreep = pick(i -> i % 12 == 8, pilot, poorAcceptance, false);
    boolean[] taken = or(bottleneck, poorAcceptance, meetingCreep);
    boolean[] unowned = pick(i -> i % 10 == 0, pilot, taken, true);
    taken = or(taken, unowned);
    boolean[] security = pick(i -> i % 10 == 2, pilot, taken, true);
    taken = or(taken, security);
    boolean[] juniors = pick(i -> i % 10 == 4, pilot, taken, true);
    taken = or(taken, juniors);
    boolean[] untested = pick(i -> i % 10 == 5, pilot, taken, true);
    taken = or(taken, untested);
    boolean[] gaming = pick(i -> i % 10 == 7, pilot, taken, false);

    // a small organization names two more pilots that test more carefully but ship no more than
    // before: one ten weeks ago on the pod drowning in meetings, one two weeks ago on the pod
    // hollowing out its juniors
    LocalDate[] declared = new LocalDate[podCount];
    if (pilots < 4) {
      declare(declared, meetingCreep, pilot, range.currentMonday().minusWeeks(10));
      declare(declared, juniors, pilot, range.currentMonday().minusWeeks(2));
    }

    Traits[] traits = new Traits[podCount];
    int pilotOrder = 0;
    for (int i = 0; i < podCount; i++) {
      LocalDate start = null;
      Org.PilotStyle style = null;
      if (pilot[i]) {
        // every third pilot rushes, the demo's first among them
        style = pilotOrder % 3 == 0 ? Org.PilotStyle.RUSHES : Org.PilotStyle.SCALES;
        start = range.currentMonday().minusWeeks(10 - (pilotOrder++ % 2));
      }
      traits[i] =
          new Traits(
              start,
              style,
              declared[i],
              bottleneck[i],
              poorAcceptance[i],
              meetingCreep[i],
              unowned[i],
              security[i],
              juniors[i],
              untested[i],
              gaming[i]);
    }
    return traits;
  }

  private void declare(LocalDate[] declared, boolean[] pods, boolean[] pilot, LocalDate start) {
    for (int i = 0; i < podCount; i++) {
      if (pods[i] && !pilot[i] && declared[i] == null) {
        declared[i] = start;
        return;
      }
    }
  }

  private boolean[] or(boolean[]... sets) {
    boolean[] any = new boolean[podCount];
    for (boolean[] set : sets) {
      for (int i = 0; i < podCount; i++) {
        any[i] |= set[i];
      }
    }
    return any;
  }

  /**
   * Pods matching the rule that are no pilot and, if possible, not already {@code taken}; one
   * fallback pod when none matches (the first or last eligible one).
   */
  private boolean[] pick(
      java.util.function.IntPredicate rule, boolean[] pilot, boolean[] taken, boolean first) {
    boolean[] chosen = new boolean[podCount];
    boolean any = false;
    for (int i = 0; i < podCount; i++) {
      if (rule.test(i) && !pilot[i] && !taken[i]) {
        chosen[i] = true;
        any = true;
      }
    }
    for (int pass = 0; pass < 2 && !any; pass++) {
      for (int n = 0; n < podCount && !any; n++) {
        int i = first ? n : podCount - 1 - n;
        if (!pilot[i] && (pass == 1 || !taken[i])) {
          chosen[i] = true;
          any = true;
        }
      }
    }
    return chosen;
  }
}
