package io.podometer.web.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.podometer.connectors.otlp.OtlpUsage;
import io.podometer.connectors.source.EventSink;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.http.Problem;
import io.podometer.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.zip.GZIPInputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * OTLP/HTTP (the OpenTelemetry protocol): an agent's exporter posts its metrics and logs here,
 * protobuf or JSON, gzipped or not, with an ingest token in its headers ({@code
 * OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer …"}). Answers as OTLP does: 200 with a partial
 * success naming what was rejected, 400 for a body that is not an export, 413 over the size limit.
 */
@Path("/v1")
@io.smallrye.common.annotation.Blocking
public class OtlpResource {

  static final String PROTOBUF = "application/x-protobuf";
  static final String JSON = "application/json";

  @Inject EventSink sink;
  @Inject PodometerConfig config;
  @Inject OtlpReceiver receiver;

  @POST
  @Path("metrics")
  @Consumes({PROTOBUF, JSON})
  @RolesAllowed({Roles.INGEST, Roles.ADMIN})
  @Operation(summary = "OTLP/HTTP metrics: an agent's counters as usage days")
  @APIResponse(
      responseCode = "200",
      description = "stored; a partial success names rejected points")
  @APIResponse(responseCode = "400", description = "not an OTLP metrics export")
  @APIResponse(responseCode = "413", description = "over PODOMETER_LIMITS_OTLP_BODY")
  public Response metrics(
      byte[] body,
      @HeaderParam("Content-Type") String type,
      @HeaderParam("Content-Encoding") String encoding) {
    return receive(
        body,
        type,
        encoding,
        ExportMetricsServiceRequest.newBuilder(),
        builder -> receiver.usage().metrics(builder.build()),
        read -> {
          ExportMetricsServiceResponse.Builder answer = ExportMetricsServiceResponse.newBuilder();
          if (read.rejected() > 0) {
            answer.setPartialSuccess(
                ExportMetricsPartialSuccess.newBuilder()
                    .setRejectedDataPoints(read.rejected())
                    .setErrorMessage(read.problem()));
          }
          return answer.build();
        });
  }

  @POST
  @Path("logs")
  @Consumes({PROTOBUF, JSON})
  @RolesAllowed({Roles.INGEST, Roles.ADMIN})
  @Operation(summary = "OTLP/HTTP logs: an agent's events (permission bypasses) as usage days")
  @APIResponse(
      responseCode = "200",
      description = "stored; a partial success names rejected records")
  @APIResponse(responseCode = "400", description = "not an OTLP logs export")
  @APIResponse(responseCode = "413", description = "over PODOMETER_LIMITS_OTLP_BODY")
  public Response logs(
      byte[] body,
      @HeaderParam("Content-Type") String type,
      @HeaderParam("Content-Encoding") String encoding) {
    return receive(
        body,
        type,
        encoding,
        ExportLogsServiceRequest.newBuilder(),
        builder -> receiver.usage().logs(builder.build()),
        read -> {
          ExportLogsServiceResponse.Builder answer = ExportLogsServiceResponse.newBuilder();
          if (read.rejected() > 0) {
            answer.setPartialSuccess(
                ExportLogsPartialSuccess.newBuilder()
                    .setRejectedLogRecords(read.rejected())
                    .setErrorMessage(read.problem()));
          }
          return answer.build();
        });
  }

  /**
   * Reads an export into {@code builder} (inflated, decoded), stores the usage it gives and answers
   * in the request's encoding.
   */
  private <B extends Message.Builder> Response receive(
      byte[] body,
      String type,
      String encoding,
      B builder,
      java.util.function.Function<B, OtlpUsage.Read> usage,
      java.util.function.Function<OtlpUsage.Read, Message> answer) {
    boolean json = isJson(type);
    try {
      parse(inflated(body, encoding), json, builder);
    } catch (Refused e) {
      return e.response;
    }
    OtlpUsage.Read read = usage.apply(builder);
    store(read);
    read.commit().run(); // only a stored export's cumulative points are kept
    return answer(answer.apply(read), json);
  }

  private void store(OtlpUsage.Read read) {
    if (read.events().isEmpty()) {
      return;
    }
    try {
      sink.publish(read.events()).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private static boolean isJson(String type) {
    return type != null && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith(JSON);
  }

  /** The body as sent, or inflated when gzipped — at most the limit either way. */
  private byte[] inflated(byte[] body, String encoding) throws Refused {
    long limit = config.limits().otlpBody().asLongValue();
    byte[] bytes = body == null ? new byte[0] : body;
    if (bytes.length > limit) {
      throw new Refused(tooLarge(bytes.length + " bytes", limit));
    }
    if (encoding == null || encoding.isBlank() || encoding.strip().equalsIgnoreCase("identity")) {
      return bytes;
    }
    if (!encoding.strip().equalsIgnoreCase("gzip")) {
      throw new Refused(
          Problem.of(
                  415,
                  "Unsupported Media Type",
                  "Content-Encoding: " + encoding.strip() + "; gzip or none",
                  null)
              .toResponse());
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(bytes.length * 4, 1 << 20));
      byte[] chunk = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(chunk)) > 0; ) {
        total += n;
        if (total > limit) {
          throw new Refused(tooLarge("over " + limit + " bytes once inflated", limit));
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new Refused(malformed("body: not gzip (" + e.getMessage() + ")"));
    }
  }

  private static void parse(byte[] bytes, boolean json, Message.Builder builder) throws Refused {
    try {
      if (json) {
        String text =
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        JsonFormat.parser().ignoringUnknownFields().merge(text, builder);
      } else {
        builder.mergeFrom(bytes);
      }
    } catch (CharacterCodingException e) {
      throw new Refused(malformed("body: not UTF-8"));
    } catch (InvalidProtocolBufferException e) {
      throw new Refused(
          malformed(
              "body: not an OTLP "
                  + (json ? "JSON" : "protobuf")
                  + " export ("
                  + firstLine(e.getMessage())
                  + ")"));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private static Response answer(Message message, boolean json) {
    if (!json) {
      return Response.ok(message.toByteArray(), PROTOBUF).build();
    }
    try {
      return Response.ok(JsonFormat.printer().print(message), JSON).build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Response malformed(String detail) {
    return Problem.of(400, "Bad Request", detail + "; nothing was stored", null).toResponse();
  }

  private static Response tooLarge(String size, long limit) {
    return Problem.of(
            413,
            "Content Too Large",
            "body: "
                + size
                + "; an export may have at most "
                + limit
                + " bytes (PODOMETER_LIMITS_OTLP_BODY)",
            null)
        .toResponse();
  }

  /** A request refused before anything is read from it. */
  private static final class Refused extends Exception {
    final transient Response response;

    Refused(Response response) {
      super(null, null, false, false);
      this.response = response;
    }
  }
}
