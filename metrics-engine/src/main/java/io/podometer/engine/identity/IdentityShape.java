package io.podometer.engine.identity;

import java.util.regex.Pattern;

/**
 * Which kind of identity a string is, by its shape alone, so that mapping it to a member puts it in
 * the right list: an e-mail address (it has an {@code @}), a telemetry id (a UUID, as agents'
 * {@code user.account_uuid}), else a GitHub login.
 */
public enum IdentityShape {
  EMAIL("emails"),
  TELEMETRY_ID("telemetry"),
  LOGIN("github");

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final String field;

  IdentityShape(String field) {
    this.field = field;
  }

  /** The key of a member's {@code identities} this shape is listed under. */
  public String field() {
    return field;
  }

  public static IdentityShape of(String identity) {
    String value = identity.strip();
    if (value.indexOf('@') >= 0) {
      return EMAIL;
    }
    return UUID.matcher(value).matches() ? TELEMETRY_ID : LOGIN;
  }
}
