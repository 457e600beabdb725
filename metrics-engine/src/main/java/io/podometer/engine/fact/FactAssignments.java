package io.podometer.engine.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;

/**
 * The fact fields one event sets. Only the fields the event carries are set, so folding never
 * erases a value another event gave; fields unknown to the contract are left out.
 */
final class FactAssignments {

  private static final ObjectMapper NON_NULL =
      EventCodec.mapper().copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private FactAssignments() {}

  static ObjectNode of(CanonicalEvent event) {
    ObjectNode fields = NON_NULL.valueToTree(event.data());
    if (event.repo() != null) {
      fields.put("repo", event.repo());
    }
    switch (event.type()) {
      case PR_UPDATED -> {
        fields.set("updatedAt", fields.remove("at"));
        String action = fields.remove("action").asText();
        fields.put("lastAction", action);
        if (action.equals("reopened")) {
          fields.set("reopenedAt", fields.get("updatedAt"));
        } else if (action.equals("converted_to_draft") && !fields.has("draft")) {
          fields.put("draft", true);
        }
      }
      case PR_READY_FOR_REVIEW -> {
        fields.set("readyForReviewAt", fields.remove("at"));
        fields.put("draft", false);
      }
      case INCIDENT_OPENED -> fields.set("openedAt", fields.remove("at"));
      case INCIDENT_RESOLVED -> fields.set("resolvedAt", fields.remove("at"));
      default -> {
        // every other type's data fields are the fact's fields as they are
      }
    }
    return fields;
  }
}
