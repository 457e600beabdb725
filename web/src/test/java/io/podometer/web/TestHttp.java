package io.podometer.web;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every test's HTTP: requests go as the bootstrap admin (who holds every role) unless a test asks
 * for someone else, so new tests are authenticated for free. NDJSON and YAML bodies go as text.
 */
public final class TestHttp {

  /** The bootstrap admin's password in the test profile (podometer.auth.admin-password). */
  public static final String ADMIN_PASSWORD = "test-admin-password";

  private TestHttp() {}

  public static void init() {
    RestAssured.config =
        RestAssured.config()
            .encoderConfig(
                EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)
                    .encodeContentTypeAs("application/yaml", ContentType.TEXT)
                    .encodeContentTypeAs("text/plain", ContentType.TEXT)
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));
    RestAssured.authentication = RestAssured.preemptive().basic("admin", ADMIN_PASSWORD);
    if (RestAssured.filters().stream().noneMatch(f -> f instanceof TestSecrets)) {
      RestAssured.filters(new TestSecrets());
    }
  }

  /** A request without any credentials. */
  public static RequestSpecification anonymous() {
    return given().auth().none();
  }

  /** A request as a local user, by HTTP Basic. */
  public static RequestSpecification as(String username, String password) {
    return given().auth().preemptive().basic(username, password);
  }

  /** A request with an API token. */
  public static RequestSpecification withToken(String token) {
    return given().auth().none().header("Authorization", "Bearer " + token);
  }
}
