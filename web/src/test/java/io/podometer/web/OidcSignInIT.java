package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production sign-in: people come with an OIDC provider's access token (a stand-in provider here),
 * their groups mapped to Podometer's roles by configuration and their {@code email} claim tied to a
 * member; API tokens keep working; local passwords do not.
 */
@QuarkusTest
@TestProfile(OidcSignInIT.Oidc.class)
@WithTestResource(OidcWiremockTestResource.class)
class OidcSignInIT {

  /** OIDC on, with the provider's groups mapped as an operator would map them. */
  public static class Oidc implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "podometer.auth.oidc", "true",
          "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
          "quarkus.oidc.client-id", "podometer",
          "quarkus.oidc.credentials.secret", "secret",
          "quarkus.http.auth.roles-mapping.\"eng-leaders\"", "leader",
          "quarkus.http.auth.roles-mapping.engineering", "member",
          "quarkus.http.auth.roles-mapping.\"podometer-admins\"", "admin");
    }
  }

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;

  static String accessToken(String email, String... groups) {
    return Jwt.preferredUserName(email.substring(0, email.indexOf('@')))
        .groups(Set.of(groups))
        .claim("email", email)
        .issuer("https://server.example.com")
        .audience("https://service.example.com")
        .jws()
        .keyId("1")
        .sign("privateKey.jwk");
  }

  static RequestSpecification bearer(String token) {
    return given().auth().none().header("Authorization", "Bearer " + token);
  }

  @BeforeEach
  void load() {
    db.reset();
    bearer(accessToken("ops@acme.example", "podometer-admins"))
        .contentType("application/yaml")
        .body(AccessControlIT.ORG)
        .put("/api/org")
        .then()
        .statusCode(200);
  }

  @Test
  void groupsBecomeRolesAndTheEmailClaimBecomesTheMember() {
    String ana = accessToken("ana@acme.example", "engineering");
    bearer(ana).get("/api/metrics?scope=pod:checkout&metric=ai_code_share").then().statusCode(200);
    bearer(ana).get("/api/metrics?scope=pod:solo&metric=ai_code_share").then().statusCode(403);
    bearer(ana).get("/api/metrics?scope=member:ana&metric=ai_code_share").then().statusCode(200);
    bearer(ana).get("/api/metrics?scope=member:bo&metric=ai_code_share").then().statusCode(403);
    String lee = accessToken("lee@acme.example", "eng-leaders");
    bearer(lee).get("/api/metrics?scope=pod:solo&metric=ai_code_share").then().statusCode(200);
    bearer(lee).get("/api/admin/tokens").then().statusCode(403);
    // a group that maps to no role reads nothing
    bearer(accessToken("guest@acme.example", "visitors"))
        .get("/api/metrics?scope=org")
        .then()
        .statusCode(403);
  }

  @Test
  void apiTokensStillWorkAndLocalPasswordsDoNot() {
    String admin = accessToken("ops@acme.example", "podometer-admins");
    String ingest =
        bearer(admin)
            .contentType("application/json")
            .body(Map.of("name", "collector", "scopes", List.of("ingest")))
            .post("/api/admin/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    TestSecrets.seen(ingest);
    bearer(ingest)
        .contentType("application/x-ndjson")
        .body(
            Events.ndjson(
                Events.deployment("D1", "checkout-api", "success", "2026-03-05T10:00:00Z")))
        .post("/api/events")
        .then()
        .statusCode(202);
    TestHttp.as("admin", TestHttp.ADMIN_PASSWORD)
        .get("/api/metrics?scope=org")
        .then()
        .statusCode(401);
    TestHttp.anonymous()
        .get("/api/metrics?scope=org")
        .then()
        .statusCode(401)
        .body("detail", containsString("OIDC"));
    // a browser is sent to the identity provider
    TestHttp.anonymous()
        .accept("text/html")
        .get("/pods")
        .then()
        .statusCode(302)
        .header(
            "Location",
            matchesPattern(
                "http://localhost:\\d+/auth/realms/quarkus\\?response_type=code&client_id=podometer&.*"));
    bearer("not-a-jwt").get("/api/metrics?scope=org").then().statusCode(401);
  }
}
