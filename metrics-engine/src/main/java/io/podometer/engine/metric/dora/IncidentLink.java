package io.podometer.engine.metric.dora;

import io.podometer.engine.fact.IncidentFact;

/** An incident and the production deployment it blames, with the rule that tied them in words. */
record IncidentLink(IncidentFact incident, Deployment deployment, String rule) {

  String ref() {
    return "incident:" + incident.incidentId();
  }
}
