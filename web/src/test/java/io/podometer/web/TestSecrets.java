package io.podometer.web;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets the suite has seen (passwords, tokens, session cookies): once shown, none may appear in
 * any later response, headers included. Installed on every request by {@link TestHttp}; the log is
 * scanned for them by the access tests.
 */
public final class TestSecrets implements Filter {

  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  static {
    SECRETS.add(TestHttp.ADMIN_PASSWORD);
  }

  /** A secret that was just shown once, legitimately; from now on it must never be seen again. */
  public static String seen(String secret) {
    SECRETS.add(secret);
    return secret;
  }

  public static Set<String> all() {
    return Set.copyOf(SECRETS);
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext context) {
    Response answer = context.next(request, response);
    String body = answer.asString();
    String headers = answer.getHeaders().toString();
    for (String secret : SECRETS) {
      if (body.contains(secret) || headers.contains(secret)) {
        throw new AssertionError(
            "a secret appears in the response to " + request.getMethod() + " " + request.getURI());
      }
    }
    return answer;
  }
}
