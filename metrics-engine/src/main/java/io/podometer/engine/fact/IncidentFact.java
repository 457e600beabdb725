package io.podometer.engine.fact;

import java.time.Instant;

/** An incident on a service; {@code resolvedAt} is null while it is open. */
public record IncidentFact(
    String incidentId,
    String service,
    Instant openedAt,
    Instant resolvedAt,
    String severity,
    String title,
    String causedByDeploymentId,
    String causedBySha) {}
