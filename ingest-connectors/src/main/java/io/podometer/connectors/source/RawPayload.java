package io.podometer.connectors.source;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A payload as a source delivered it, kept before it is mapped: a webhook delivery or a fetched API
 * page.
 *
 * @param source the source it came from (its id, e.g. {@code github-webhook})
 * @param kind {@code webhook} or {@code page}
 * @param name what it is at the source: the webhook's event name or the page's resource
 * @param deliveryId the source's id of this delivery (the dedupe key), or null for pages
 * @param headers the headers that matter to mapping, names lower case
 * @param body the body, UTF-8 text
 * @param receivedAt when it arrived
 */
public record RawPayload(
    String source,
    String kind,
    String name,
    String deliveryId,
    Map<String, String> headers,
    String body,
    Instant receivedAt) {

  public static final String WEBHOOK = "webhook";
  public static final String PAGE = "page";

  public RawPayload {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(receivedAt, "receivedAt");
    // HTTP header names are case-insensitive: kept lower case, so a lookup finds them
    TreeMap<String, String> lower = new TreeMap<>();
    if (headers != null) {
      headers.forEach(
          (header, value) -> lower.put(header.toLowerCase(java.util.Locale.ROOT), value));
    }
    headers = java.util.Collections.unmodifiableMap(lower);
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
