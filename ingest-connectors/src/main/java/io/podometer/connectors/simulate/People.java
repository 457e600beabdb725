package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Org.Habits;
import io.podometer.connectors.simulate.Org.Member;
import io.podometer.connectors.simulate.Org.Membership;
import io.podometer.connectors.simulate.Org.Role;
import io.podometer.connectors.simulate.Org.Tool;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Creates members with unique ids, GitHub logins and e-mails, a level and working habits. */
final class People {
  private static final String[] LEVELS = {"L3", "L4", "L5", "L6", "L7"};
  private static final double[] LEVEL_WEIGHTS = {0.28, 0.27, 0.25, 0.14, 0.06};

  private final Rng rng;
  private final Set<String> ids = new HashSet<>();
  private final Set<String> logins = new HashSet<>();

  People(Rng rng) {
    this.rng = rng;
  }

  Member create(int index, Role role, boolean podLead, Membership membership) {
    return create(index, role, podLead, membership, false);
  }

  /** A member; {@code junior} makes an engineer a junior whatever the draw. */
  Member create(int index, Role role, boolean podLead, Membership membership, boolean junior) {
    String first = Names.FIRST.get(index % Names.FIRST.size());
    String last = Names.LAST.get((index * 7 + index / Names.FIRST.size()) % Names.LAST.size());
    String id =
        unique(
            ids, Names.asciiLower(first), Names.asciiLower(first) + "-" + Names.asciiLower(last));
    String login =
        switch (index % 3) {
          case 0 -> Names.asciiLower(first) + "-" + Names.asciiLower(last).charAt(0);
          case 1 -> Names.asciiLower(first).charAt(0) + Names.asciiLower(last);
          default -> Names.asciiLower(first) + Names.asciiLower(last);
        };
    login = unique(logins, login, login);
    String drawn = level(role, podLead);
    String level = junior && role == Role.ENGINEER ? Org.JUNIOR_LEVEL : drawn;
    String telemetry = index % 3 == 1 ? rng.uuid() : null;
    return new Member(
        index,
        id,
        first + " " + last,
        role,
        level,
        login,
        id + "@acme.example",
        telemetry,
        List.of(membership),
        habits(role, podLead, "L3".equals(level)));
  }

  private String level(Role role, boolean podLead) {
    return switch (role) {
      case PM -> rng.chance(0.5) ? "L5" : "L6";
      case DESIGNER -> rng.chance(0.5) ? "L4" : "L5";
      case ENGINEER ->
          podLead
              ? (rng.chance(0.15) ? "L8" : rng.chance(0.5) ? "L6" : "L7")
              : LEVELS[rng.weighted(LEVEL_WEIGHTS)];
    };
  }

  private Habits habits(Role role, boolean podLead, boolean junior) {
    double affinity = Math.max(0.55, Math.min(1.45, rng.logNormal(1.0, 0.3)));
    Tool primary = Tool.values()[rng.weighted(0.35, 0.45, 0.20)];
    Tool secondary = null;
    if (rng.chance(0.3)) {
      secondary = Tool.values()[(primary.ordinal() + rng.between(1, 2)) % 3];
    }
    double curiosity = rng.uniform();
    boolean copilotSeat = primary == Tool.COPILOT || secondary == Tool.COPILOT || rng.chance(0.85);
    boolean cursorSeat = primary == Tool.CURSOR || secondary == Tool.CURSOR;
    double prRate = Math.max(0.5, Math.min(1.8, rng.logNormal(1.0, 0.25))) * (junior ? 0.8 : 1.0);
    double meetingHours =
        switch (role) {
          case PM -> rng.uniform(13, 18);
          case DESIGNER -> rng.uniform(9, 13);
          case ENGINEER -> rng.uniform(5, 9) + (podLead ? 3 : 0);
        };
    return new Habits(
        affinity, primary, secondary, curiosity, copilotSeat, cursorSeat, prRate, meetingHours);
  }

  private static String unique(Set<String> taken, String preferred, String fallback) {
    if (taken.add(preferred)) {
      return preferred;
    }
    String candidate = fallback;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = fallback + n;
    }
    return candidate;
  }
}
