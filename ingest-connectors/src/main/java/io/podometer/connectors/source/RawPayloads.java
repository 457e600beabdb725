package io.podometer.connectors.source;

/** Where payloads are kept before mapping, for their retention period. */
@FunctionalInterface
public interface RawPayloads {

  /**
   * Keeps the payload durably.
   *
   * @return false, keeping nothing, when a payload with the same source and delivery id is kept
   *     already (a redelivery)
   */
  boolean keep(RawPayload payload);
}
