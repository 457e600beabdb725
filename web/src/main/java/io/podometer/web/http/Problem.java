package io.podometer.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem-details body; {@code errors} lists each bad field when there are several. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One bad field: {@code line} is the NDJSON line (absent for a single document). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldError(
      Integer line, String entry, String field, String reason, String message) {}

  public static Problem of(Response.Status status, String detail) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
  }

  public static Problem of(int status, String title, String detail, List<FieldError> errors) {
    return new Problem("about:blank", title, status, detail, errors);
  }

  /**
   * A 400 refusing a whole file or listing: each problem (already naming its place and field) as an
   * error, the detail saying that nothing was stored.
   */
  public static Problem refusedWhole(String title, List<String> problems) {
    List<FieldError> errors =
        problems.stream().map(p -> new FieldError(null, null, null, null, p)).toList();
    String detail =
        errors.size() == 1
            ? problems.get(0) + "; nothing was stored"
            : errors.size() + " problems; nothing was stored";
    return of(400, title, detail, errors);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
