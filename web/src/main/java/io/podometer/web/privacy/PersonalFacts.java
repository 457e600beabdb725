package io.podometer.web.privacy;

import io.podometer.engine.event.FactKind;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Facts about one person's own activity (their AI usage days and seats, meeting weeks, pulse
 * answers): shown to no one else, deleted on erasure and after their retention period.
 */
public final class PersonalFacts {

  public static final Set<FactKind> KINDS =
      EnumSet.of(
          FactKind.AGENT_USAGE_DAY,
          FactKind.AGENT_SEAT,
          FactKind.MEETING_WEEK,
          FactKind.PULSE_ANSWER);

  /** The kinds as stored in the {@code kind} columns. */
  public static final Set<String> STORED =
      KINDS.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private PersonalFacts() {}
}
