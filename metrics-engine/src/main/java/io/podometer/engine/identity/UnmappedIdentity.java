package io.podometer.engine.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An identity seen in the facts that maps to nothing the organization model knows: its facts are
 * kept and counted (for the pod owning the repository) meanwhile.
 *
 * @param shape how mapping it to a member would list it: {@code github}, {@code emails} or {@code
 *     telemetry}
 * @param facts how many facts mention it
 * @param seenAs how many facts of each kind ({@code pull request}, {@code commit}…) mention it
 * @param lastSeen the newest event of those facts
 * @param authorNames commit author names seen with it (a few)
 * @param suggestions the members it probably is, strongest first
 */
public record UnmappedIdentity(
    String identity,
    String shape,
    int facts,
    Map<String, Integer> seenAs,
    Instant lastSeen,
    List<String> authorNames,
    List<Suggestion> suggestions) {}
