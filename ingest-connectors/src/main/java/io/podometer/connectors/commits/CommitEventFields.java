package io.podometer.connectors.commits;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.EventLimits;

/** Fields of a {@code commit} event that every source of commits writes alike. */
public final class CommitEventFields {

  private CommitEventFields() {}

  /**
   * The message with its trailers, and the pull request: the one it was listed under, else the one
   * its subject names.
   */
  public static void message(ObjectNode d, String message, Integer listedUnder) {
    Integer pr = listedUnder;
    if (message != null) {
      d.put("message", CanonicalEventBuilder.upTo(message, EventLimits.TEXT));
      ArrayNode trailers = d.putArray("trailers");
      for (CommitMessage.Trailer trailer : CommitMessage.trailers(message)) {
        if (trailer.value().isBlank()) {
          continue; // "Changes:" ending a message is no trailer worth keeping, and no value
        }
        trailers
            .addObject()
            .put("key", CanonicalEventBuilder.upTo(trailer.key(), EventLimits.NAME))
            .put("value", CanonicalEventBuilder.upTo(trailer.value(), EventLimits.TEXT));
      }
      if (pr == null) {
        pr = CommitMessage.pullRequestNumber(message).orElse(null);
      }
    }
    if (pr != null) {
      d.put("prNumber", pr);
    }
  }
}
