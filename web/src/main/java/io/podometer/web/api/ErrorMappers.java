package io.podometer.web.api;

import io.podometer.engine.event.EventProblem;
import io.podometer.engine.event.EventValidationException;
import io.podometer.engine.org.OrgValidationException;
import io.podometer.web.http.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem details: what is wrong, never a stack trace. */
public class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  @ServerExceptionMapper
  public Response invalidEvents(EventValidationException e) {
    List<Problem.FieldError> errors = e.problems().stream().map(ErrorMappers::fieldError).toList();
    String detail =
        errors.size() == 1
            ? e.problems().get(0).toString()
            : errors.size() + " problems; nothing was stored";
    return Problem.of(400, "Invalid events", detail, errors).toResponse();
  }

  @ServerExceptionMapper
  public Response invalidOrg(OrgValidationException e) {
    List<Problem.FieldError> errors =
        e.problems().stream()
            .map(p -> new Problem.FieldError(null, p.entry(), p.field(), p.message(), p.toString()))
            .toList();
    String detail =
        errors.size() == 1
            ? e.problems().get(0).toString()
            : errors.size() + " problems; the organization model was not changed";
    return Problem.of(400, "Invalid organization model", detail, errors).toResponse();
  }

  @ServerExceptionMapper
  public Response conflict(io.podometer.web.privacy.MemberErasure.ErasureRefused e) {
    return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
  }

  /** A role the request lacks: 403 with what is refused, never which roles would do. */
  @ServerExceptionMapper
  public Response forbidden(io.quarkus.security.ForbiddenException e) {
    return Problem.of(Response.Status.FORBIDDEN, "your role does not allow this request")
        .toResponse();
  }

  @ServerExceptionMapper
  public Response unauthorized(io.quarkus.security.UnauthorizedException e) {
    return Problem.of(Response.Status.UNAUTHORIZED, "authentication required").toResponse();
  }

  @ServerExceptionMapper
  public Response badRequest(IllegalArgumentException e) {
    return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    Response original = e.getResponse();
    Response.StatusType status = original.getStatusInfo();
    String detail = status.getReasonPhrase();
    if (status.getStatusCode() == 415) {
      detail = "unsupported Content-Type; see the API documentation at /q/openapi";
    } else if (e.getMessage() != null
        && !e.getMessage().startsWith("HTTP ")
        && status.getStatusCode() < 500) {
      detail = e.getMessage();
    }
    return Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail, null).toResponse();
  }

  @ServerExceptionMapper
  public Response figuresNotUpdated(io.podometer.web.figures.FiguresNotUpdated e) {
    LOG.error(e.getMessage());
    return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    String reference = UUID.randomUUID().toString();
    LOG.errorf(e, "unexpected error (reference %s)", reference);
    return Problem.of(
            Response.Status.INTERNAL_SERVER_ERROR,
            "an unexpected error occurred; the server log has the details under reference "
                + reference)
        .toResponse();
  }

  private static Problem.FieldError fieldError(EventProblem p) {
    return new Problem.FieldError(
        p.line() > 0 ? p.line() : null, p.type(), p.field(), p.reason(), p.toString());
  }
}
