package io.podometer.connectors.source;

/**
 * From a source's payload to canonical events: a pure function of the payload (and the settings the
 * mapper was built with), so kept payloads re-derive the same events — or, after a fix, the right
 * ones.
 */
@FunctionalInterface
public interface PayloadMapper {

  /**
   * @throws UnmappablePayload when the payload is not what the source documents (malformed JSON, a
   *     field of the wrong type, a required field missing, a value out of the contract's limits)
   */
  Mapping map(RawPayload payload);
}
