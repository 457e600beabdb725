package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages are served with their scripts (no inline script, Chart.js from the webjar). */
@QuarkusTest
class PagesIT {

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;

  @BeforeEach
  void load() {
    db.resetAll();
    given()
        .contentType("application/yaml")
        .body(MetricsApiIT.ORG)
        .put("/api/org")
        .then()
        .statusCode(200);
    db.awaitFigures();
  }

  @Test
  void theOverviewIsTheOrganizationsScopePage() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("data-scope=\"org\""))
        .body(containsString("<script src=\"/webjars/chart.js/dist/chart.umd.js\"></script>"))
        .body(containsString("<script src=\"/js/figures.js\"></script>"))
        .body(containsString("&quot;ai_code_share&quot;:0.75"))
        .body(not(containsString("<script>")));
    given()
        .get("/js/figures.js")
        .then()
        .statusCode(200)
        .body(containsString("/api/metrics/drilldown"));
    given().get("/webjars/chart.js/dist/chart.umd.js").then().statusCode(200);
  }

  @Test
  void everyResponseCarriesTheSecurityHeadersAndNoCorsGrant() {
    for (String path : List.of("/", "/js/figures.js", "/api/metrics?scope=org", "/api/nothing")) {
      given()
          .get(path)
          .then()
          .header("Content-Security-Policy", containsString("script-src 'self'"))
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .header("X-Content-Type-Options", "nosniff")
          .header("X-Frame-Options", "DENY");
    }
    given()
        .header("Origin", "https://elsewhere.example")
        .header("Access-Control-Request-Method", "GET")
        .options("/api/metrics?scope=org")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void whatWeMeasureListsEveryFigureWithItsDefinition() {
    String page = given().get("/measures").then().statusCode(200).extract().asString();
    for (io.podometer.engine.figure.MetricId metric :
        io.podometer.engine.figure.MetricId.values()) {
      org.junit.jupiter.api.Assertions.assertTrue(
          page.contains("<code>" + metric.id() + "</code>"), metric.id() + " is listed");
    }
    org.junit.jupiter.api.Assertions.assertTrue(
        page.contains("Merged PRs with any AI attribution / merged PRs."), "definitions are shown");
    org.junit.jupiter.api.Assertions.assertTrue(
        page.contains("withheld when fewer than 3"), "the privacy floor is explained");
    org.junit.jupiter.api.Assertions.assertTrue(
        page.contains("A withheld figure cannot be worked out from the figures")
            && page.contains("a total over weeks is withheld when one of its weeks is"),
        "the disclosure rule is explained");
    // a figure a page cannot draw (not a finite number) says so instead of failing the script
    given()
        .get("/js/figures.js")
        .then()
        .statusCode(200)
        .body(containsString("cannot be shown (not a finite number)"));
  }

  @Test
  void podsHaveAListAndAPageEach() {
    given().get("/pods").then().statusCode(200).body(containsString("id=\"pods-table\""));
    given()
        .get("/pods/checkout")
        .then()
        .statusCode(200)
        .body(containsString("data-scope=\"pod:checkout\""))
        .body(containsString("<h1>Checkout</h1>"));
    given().get("/pods/nope").then().statusCode(404);
  }
}
