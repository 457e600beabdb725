package io.podometer.connectors.source;

/** A payload that cannot be mapped; the message names the field and what is wrong with it. */
public class UnmappablePayload extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnmappablePayload(String message) {
    super(message);
  }

  public UnmappablePayload(String message, Throwable cause) {
    super(message, cause);
  }
}
