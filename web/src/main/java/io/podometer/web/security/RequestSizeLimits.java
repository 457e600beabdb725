package io.podometer.web.security;

import io.podometer.web.config.PodometerConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Request size limits per route, checked before a body is read: ingestion takes the server-wide
 * limit (quarkus.http.limits.max-body-size), the organization model, webhooks and CSV files their
 * own, every other route a small one (a login form, a token request). A body of unknown length
 * (chunked) is refused on the small routes: its size could not be checked before reading it.
 */
@ApplicationScoped
public class RequestSizeLimits {

  @Inject PodometerConfig config;

  // ingestion's limit: the server-wide one, declared here so that a Content-Length over it gets a
  // problem document (the HTTP layer's own refusal has an empty body)
  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.limits.max-body-size")
  io.quarkus.runtime.configuration.MemorySize serverWide;

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
  }

  private void check(RoutingContext context) {
    var request = context.request();
    HttpMethod method = request.method();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
      context.next();
      return;
    }
    boolean ingestion = isIngestion(context.normalizedPath());
    long limit =
        context.normalizedPath().startsWith("/v1/")
            ? config.limits().otlpBody().asLongValue()
            : ingestion ? serverWide.asLongValue() : limitFor(context.normalizedPath());
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null && ingestion) {
      // a stream of events may come chunked: the HTTP layer counts it as it is read
      context.next();
      return;
    }
    if (length == null) {
      boolean bodyOfUnknownLength =
          request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
              || (request.version() == io.vertx.core.http.HttpVersion.HTTP_2 && !request.isEnded());
      if (bodyOfUnknownLength) {
        refuse(context, 411, "Length Required", "send a Content-Length with the body");
        return;
      }
      context.next();
      return;
    }
    long size;
    try {
      size = Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      refuse(context, 400, "Bad Request", "Content-Length: not a number");
      return;
    }
    if (size > limit) {
      refuse(
          context,
          413,
          "Content Too Large",
          "body: " + size + " bytes; this route takes at most " + limit + " bytes");
      return;
    }
    context.next();
  }

  private static boolean isIngestion(String path) {
    return path.equals("/api/events") || path.startsWith("/api/events/") || path.startsWith("/v1/");
  }

  /** The limit of a route other than ingestion. */
  private long limitFor(String path) {
    if (path.equals("/api/org")) {
      return config.limits().orgModel().asLongValue();
    }
    if (path.startsWith("/api/webhooks/")) {
      return config.limits().webhookBody().asLongValue();
    }
    if (path.startsWith("/api/sources/csv/")) {
      return config.limits().csvBody().asLongValue();
    }
    if (path.equals("/api/sources/agent-trace")) {
      return config.limits().agentTraceBody().asLongValue();
    }
    if (path.startsWith("/api/sources/seats/")) {
      return config.limits().seatListingBody().asLongValue();
    }
    return config.limits().requestBody().asLongValue();
  }

  private static void refuse(RoutingContext context, int status, String title, String detail) {
    context
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(
            io.vertx.core.json.JsonObject.of(
                    "type", "about:blank", "title", title, "status", status, "detail", detail)
                .encode());
  }
}
