package io.podometer.web.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.podometer.connectors.github.GitHubSignature;
import io.podometer.connectors.github.GitHubWebhookMapper;
import io.podometer.connectors.source.EventSink;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.connectors.source.Mapping;
import io.podometer.connectors.source.RawPayload;
import io.podometer.connectors.source.UnmappablePayload;
import io.podometer.engine.event.EventCodec;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.http.Problem;
import io.podometer.web.ingest.StrictUtf8;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * GitHub's webhook: a delivery signed with one of the configured secrets is kept (once per {@code
 * X-GitHub-Delivery}), then mapped to canonical events and stored. Public: the signature is the
 * authentication.
 */
@Path("/api/webhooks/github")
@PermitAll
@io.smallrye.common.annotation.Blocking
public class GitHubWebhookResource {

  private static final Logger LOG = Logger.getLogger(GitHubWebhookResource.class);
  private static final Pattern EVENT_NAME = Pattern.compile("[a-z_]{1,100}");
  private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9-]{1,200}");
  private static final String FORM = "application/x-www-form-urlencoded";

  @Inject PodometerConfig config;
  @Inject RawPayloadStore payloads;
  @Inject SourceMappers mappers;
  @Inject EventSink sink;
  @Inject Clock clock;
  @Inject Sources sources;
  @Inject GitHubSources gitHubSources;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "A GitHub webhook delivery, authenticated by X-Hub-Signature-256")
  @APIResponse(responseCode = "200", description = "a ping, or a delivery already kept")
  @APIResponse(
      responseCode = "202",
      description =
          "kept and mapped: {delivery, event, events, accepted, duplicates, revisions}, or"
              + " ignored with the reason")
  @APIResponse(responseCode = "400", description = "malformed: the problem names the field")
  @APIResponse(responseCode = "401", description = "missing or wrong signature; nothing kept")
  @APIResponse(responseCode = "413", description = "body over the webhook limit")
  public Response deliver(
      @HeaderParam("X-GitHub-Event") String event,
      @HeaderParam("X-GitHub-Delivery") String delivery,
      @HeaderParam(GitHubSignature.HEADER) String signature,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("X-GitHub-Hook-ID") String hookId,
      byte[] body) {
    // the configured secrets sign for the webhook source; a source's own secret for that source
    Map<String, String> sourceBySecret = new LinkedHashMap<>();
    config
        .github()
        .webhookSecrets()
        .orElse(List.of())
        .forEach(secret -> sourceBySecret.put(secret, SourceMappers.GITHUB_WEBHOOK));
    gitHubSources.webhookSecrets().forEach(sourceBySecret::putIfAbsent);
    WebhookCounters counters = sources.webhookCounters(SourceMappers.GITHUB_WEBHOOK);
    if (sourceBySecret.isEmpty()) {
      counters.refused();
      return problem(
          401,
          "Unauthorized",
          "no webhook secret is configured (PODOMETER_GITHUB_WEBHOOK_SECRETS)");
    }
    if (signature == null) {
      counters.refused();
      return problem(401, "Unauthorized", GitHubSignature.HEADER + ": missing");
    }
    String signer = GitHubSignature.signer(sourceBySecret.keySet(), body, signature);
    if (signer == null) {
      counters.refused();
      return problem(
          401, "Unauthorized", GitHubSignature.HEADER + ": does not match the webhook's secret");
    }
    String source = sourceBySecret.get(signer);
    counters = sources.webhookCounters(source);
    if (event == null || !EVENT_NAME.matcher(event).matches()) {
      counters.refused();
      return problem(
          400,
          "Bad Request",
          "X-GitHub-Event: " + (event == null ? "missing" : "not an event name"));
    }
    if (delivery == null || !DELIVERY_ID.matcher(delivery).matches()) {
      counters.refused();
      return problem(
          400,
          "Bad Request",
          "X-GitHub-Delivery: " + (delivery == null ? "missing" : "not a delivery id"));
    }
    String json;
    try {
      json = jsonOf(contentType, body);
      EventCodec.mapper().readTree(json);
    } catch (BadDelivery e) {
      counters.refused();
      return problem(400, "Bad Request", e.getMessage());
    } catch (JsonProcessingException e) {
      counters.refused();
      return problem(
          400,
          "Bad Request",
          "body: malformed JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    }
    if (event.equals("ping")) {
      return Response.ok(Map.of("delivery", delivery, "ping", "ok")).build();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(GitHubWebhookMapper.EVENT_HEADER, event);
    headers.put("x-github-delivery", delivery);
    if (hookId != null && hookId.length() <= 40) {
      headers.put("x-github-hook-id", hookId);
    }
    RawPayload payload =
        new RawPayload(source, RawPayload.WEBHOOK, event, delivery, headers, json, clock.instant());
    boolean repeated = !payloads.keep(payload);
    if (repeated) {
      // GitHub's "Redeliver" after a failure: the delivery is kept already, its events may not
      // be — they are stored again (what was stored counts as duplicates)
      counters.duplicate();
    } else {
      counters.received();
    }
    Mapping mapping;
    try {
      mapping = mappers.forSource(source).orElseGet(mappers::gitHubWebhook).map(payload);
    } catch (UnmappablePayload e) {
      counters.unmappable();
      return problem(
          400,
          "Bad Request",
          e.getMessage() + " (the delivery is kept: a remap maps it again once this is fixed)");
    }
    if (mapping.isIgnored()) {
      counters.ignored(event);
      return Response.accepted(
              Map.of("delivery", delivery, "event", event, "ignored", mapping.ignoredBecause()))
          .build();
    }
    // stored before the answer: GitHub does not deliver again (a remap would recover it)
    IngestReceipt receipt =
        mapping.events().isEmpty()
            ? IngestReceipt.EMPTY
            : sink.publish(mapping.events()).toCompletableFuture().join();
    counters.published(mapping.events().size());
    LOG.debugf("webhook %s %s: %d events", event, delivery, mapping.events().size());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("delivery", delivery);
    if (repeated) {
      answer.put("duplicate", true);
    }
    answer.put("source", source);
    answer.put("event", event);
    answer.put("events", mapping.events().size());
    answer.put("accepted", receipt.accepted());
    answer.put("duplicates", receipt.duplicates());
    answer.put("revisions", receipt.revisions());
    return (repeated ? Response.ok(answer) : Response.accepted(answer)).build();
  }

  /** The JSON of a delivery: the body, or its {@code payload} field when form-encoded. */
  private static String jsonOf(String contentType, byte[] body) {
    String type =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (type.equals(MediaType.APPLICATION_JSON)) {
      return decode(body);
    }
    if (type.equals(FORM)) {
      for (String field : decode(body).split("&")) {
        if (field.startsWith("payload=")) {
          try {
            return URLDecoder.decode(field.substring("payload=".length()), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            throw new BadDelivery("body: the form's payload field is not URL-encoded");
          }
        }
      }
      throw new BadDelivery("body: a form-encoded delivery needs its payload field");
    }
    throw new BadDelivery(
        "Content-Type: "
            + (type.isEmpty() ? "missing" : "'" + type + "'")
            + "; a webhook delivers application/json or "
            + FORM);
  }

  private static String decode(byte[] body) {
    try {
      return StrictUtf8.decode(body);
    } catch (RuntimeException e) {
      throw new BadDelivery("body: not valid UTF-8");
    }
  }

  private static Response problem(int status, String title, String detail) {
    return Problem.of(status, title, detail, null).toResponse();
  }

  private static final class BadDelivery extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadDelivery(String message) {
      super(message, null, false, false);
    }
  }
}
