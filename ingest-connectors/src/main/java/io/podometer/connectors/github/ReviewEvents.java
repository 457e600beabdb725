package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A review object (webhook {@code review} or REST item) as {@code pr.review_submitted}. A pending
 * review has no {@code submitted_at} and is no review yet. The webhook writes states in lower case,
 * the REST API in upper case. A dismissal keeps the review's id: it revises the same fact, later.
 */
final class ReviewEvents {

  private static final Set<String> STATES =
      Set.of("approved", "changes_requested", "commented", "dismissed");

  private final CanonicalEventBuilder events;

  ReviewEvents(CanonicalEventBuilder events) {
    this.events = events;
  }

  /**
   * @param dismissedAt when the review was dismissed (null for a review as submitted): a dismissal
   *     revises the fact it was, so it must be later than the submission
   */
  Optional<CanonicalEvent> review(
      String repo, long number, GitHubObject review, Instant dismissedAt) {
    Instant submitted = review.optionalInstant("submitted_at");
    String state = review.text("state").toLowerCase(Locale.ROOT);
    if (submitted == null || state.equals("pending")) {
      return Optional.empty();
    }
    if (dismissedAt != null) {
      state = "dismissed";
    }
    if (!STATES.contains(state)) {
      throw new io.podometer.connectors.source.UnmappablePayload(
          review.path() + ".state: unknown review state '" + state + "'");
    }
    long id = review.number("id");
    String reviewer = review.login("user");
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("number", number);
    d.put("reviewer", reviewer);
    d.put("state", state);
    d.put("submittedAt", submitted.toString());
    d.put("reviewId", String.valueOf(id));
    Instant at = dismissedAt != null && dismissedAt.isAfter(submitted) ? dismissedAt : submitted;
    return Optional.of(
        events.build(
            "review:" + repo + "#" + number + ":" + id,
            "pr.review_submitted",
            at,
            repo,
            reviewer,
            d));
  }
}
