package io.podometer.engine.metric.ai;

import io.podometer.engine.org.Member;
import io.podometer.engine.org.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each engineer (a member with role engineer) did week by week: whether they were active, in
 * which pods, whether they gave an AI signal, the first fact showing each, and the added and
 * AI-attributed lines of the changes they authored that landed. Other members and unmapped
 * identities are not recorded. Not thread-safe: one per computation.
 */
final class EngineerWeeks {

  /** One engineer's week. */
  static final class Week {
    private final List<String> pods = new ArrayList<>(1);
    private final FirstFact activity = new FirstFact();
    private final FirstFact signal = new FirstFact();
    private long addedLines;
    private long aiLines;

    /** Pods the engineer's activity counted for; empty when it counted for no pod. */
    List<String> pods() {
      return pods;
    }

    FirstFact activity() {
      return activity;
    }

    FirstFact signal() {
      return signal;
    }

    boolean active() {
      return activity.present();
    }

    long addedLines() {
      return addedLines;
    }

    long aiLines() {
      return aiLines;
    }
  }

  /**
   * The earliest fact offered (ties: the smaller reference), so evidence does not depend on the
   * order facts are read in. References are written only to break ties and when asked for.
   */
  static final class FirstFact {
    private Instant at;
    private Object fact;
    private String ref;

    void offer(Instant when, Object offered) {
      Instant w = when == null ? Instant.MAX : when;
      if (fact == null || w.isBefore(at)) {
        at = w;
        fact = offered;
        ref = null;
      } else if (w.equals(at)) {
        int byKind = Refs.compareKinds(offered, fact);
        if (byKind < 0) {
          fact = offered;
          ref = null;
        } else if (byKind == 0) {
          String other = Refs.of(offered);
          if (other.compareTo(ref()) < 0) {
            fact = offered;
            ref = other;
          }
        }
      }
    }

    boolean present() {
      return fact != null;
    }

    String ref() {
      if (ref == null && fact != null) {
        ref = Refs.of(fact);
      }
      return ref;
    }
  }

  private final int slots;
  private final Map<String, Week[]> engineers = new HashMap<>();

  EngineerWeeks(List<Member> members, int slots) {
    this.slots = slots;
    for (Member member : members) {
      if (member.role() == Role.ENGINEER) {
        engineers.put(member.id(), new Week[slots]);
      }
    }
  }

  /**
   * The engineer did something that week (authored a commit, PR or review, used an agent, landed a
   * change), counting for {@code pod} (null: no pod); {@code signal} when it is an AI signal.
   */
  void activity(String member, int slot, String pod, Instant at, Object fact, boolean signal) {
    activity(weeksOf(member), slot, pod, at, fact, signal);
  }

  /** As {@link #activity(String, int, String, Instant, Object, boolean)}, for {@link #weeksOf}. */
  void activity(Week[] weeks, int slot, String pod, Instant at, Object fact, boolean signal) {
    Week week = week(weeks, slot);
    if (week == null) {
      return;
    }
    if (pod != null && !week.pods.contains(pod)) {
      week.pods.add(pod);
    }
    week.activity.offer(at, fact);
    if (signal) {
      week.signal.offer(at, fact);
    }
  }

  /** The engineer's weeks to record in, null for anyone else (and for null). */
  Week[] weeksOf(String member) {
    return member == null ? null : engineers.get(member);
  }

  /** Lines of a change the engineer authored that landed that week (lines). */
  void landed(String member, int slot, int addedLines, int aiLines) {
    Week week = week(member, slot);
    if (week != null) {
      week.addedLines += addedLines;
      week.aiLines += aiLines;
    }
  }

  /** Every engineer's id. */
  Iterable<String> engineers() {
    return engineers.keySet();
  }

  /** The engineer's week, or null when nothing was recorded. */
  Week get(String member, int slot) {
    Week[] weeks = engineers.get(member);
    return weeks == null || slot < 0 || slot >= slots ? null : weeks[slot];
  }

  private Week week(String member, int slot) {
    return week(weeksOf(member), slot);
  }

  private Week week(Week[] weeks, int slot) {
    if (weeks == null || slot < 0 || slot >= slots) {
      return null;
    }
    if (weeks[slot] == null) {
      weeks[slot] = new Week();
    }
    return weeks[slot];
  }
}
