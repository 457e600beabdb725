package io.podometer.engine.fact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.CanonicalEvent;

/**
 * The fact fields one event sets. Only the fields the event carries are set, so folding never
 * erases a value another event gave; fields unknown to the contract are left out.
 */
final class FactAssignments {

  private FactAssignments() {}

  static ObjectNode of(CanonicalEvent event) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    ObjectNode data = event.dataTree();
    for (String name : event.type().dataFieldNames()) {
      JsonNode value = data.get(name);
      if (value != null && !value.isNull()) {
        fields.set(name, value);
      }
    }
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
