package io.podometer.connectors.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An issue carrying one of the organization's incident labels as an incident of the repository's
 * service: opened when it was created, resolved when it was closed. Issues without such a label are
 * not incidents.
 */
final class IssueEvents {

  private final CanonicalEventBuilder events;
  private final GitHubSettings settings;

  IssueEvents(CanonicalEventBuilder events, GitHubSettings settings) {
    this.events = events;
    this.settings = settings;
  }

  List<CanonicalEvent> incident(String repo, GitHubObject issue) {
    if (!settings.isIncident(issue.names("labels"))) {
      return List.of();
    }
    String incidentId = repo + "#" + issue.number("number");
    Instant opened = issue.instant("created_at");
    List<CanonicalEvent> out = new ArrayList<>();
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("incidentId", incidentId);
    d.put("service", settings.serviceOf(repo));
    d.put("at", opened.toString());
    d.put("title", CanonicalEventBuilder.upTo(issue.text("title"), EventLimits.TITLE));
    out.add(
        events.build(
            "incident:" + incidentId + ":opened",
            "incident.opened",
            opened,
            repo,
            issue.login("user"),
            d));
    Instant closed = issue.optionalInstant("closed_at");
    if ("closed".equals(issue.optionalText("state")) && closed != null) {
      ObjectNode r = CanonicalEventBuilder.data();
      r.put("incidentId", incidentId);
      r.put("at", closed.toString());
      out.add(
          events.build(
              "incident:" + incidentId + ":resolved", "incident.resolved", closed, repo, null, r));
    }
    return out;
  }
}
