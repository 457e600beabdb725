package io.podometer.web;

import static io.podometer.web.TestHttp.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every route the application registers is either on the public list below or refuses an anonymous
 * request with 401: the routes are found by reading every compiled class, so a new endpoint cannot
 * slip in unprotected.
 */
@QuarkusTest
class RouteInventoryIT {

  static {
    TestHttp.init();
  }

  /** Explicitly public: the login page, its form and logout. */
  static final Set<String> PUBLIC = Set.of("GET /login", "POST /login", "POST /logout");

  /**
   * Public, signature-checked: a source's webhook needs no signed-in person or token, its
   * delivery's signature authenticates it (unsigned, it is refused with 401 like the rest).
   */
  static final Set<String> SIGNATURE_CHECKED = Set.of("POST /api/webhooks/github");

  static final Map<Class<? extends Annotation>, String> METHODS =
      Map.of(
          GET.class, "GET",
          POST.class, "POST",
          PUT.class, "PUT",
          DELETE.class, "DELETE",
          PATCH.class, "PATCH",
          HEAD.class, "HEAD");

  @Test
  void everyRouteIsPublicOrRefusesAnonymousRequests() throws Exception {
    Set<String> routes = routes();
    assertTrue(routes.size() >= 25, "found the application's routes: " + routes);
    assertTrue(routes.containsAll(PUBLIC), "the public routes exist: " + routes);
    List<String> open = new ArrayList<>();
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
      int status =
          anonymous().contentType("application/json").body("{}").request(method, path).statusCode();
      if (PUBLIC.contains(route)) {
        assertTrue(status < 500, route + " answers " + status);
      } else if (status != 401) {
        open.add(route + " → " + status);
      }
    }
    assertEquals(List.of(), open, "routes that do not refuse anonymous requests");
    assertTrue(routes.containsAll(SIGNATURE_CHECKED), "the webhooks exist: " + routes);
    for (String route : SIGNATURE_CHECKED) {
      String path = route.substring(route.indexOf(' ') + 1);
      byte[] ping =
          "{\"zen\":\"Design for failure.\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int signed =
          anonymous()
              .header("X-GitHub-Event", "ping")
              .header("X-GitHub-Delivery", "inventory-1")
              .header(
                  io.podometer.connectors.github.GitHubSignature.HEADER,
                  io.podometer.connectors.github.GitHubSignature.of(GitHubDeliveries.SECRET, ping))
              .contentType("application/json")
              .body(ping)
              .post(path)
              .statusCode();
      assertEquals(200, signed, route + " answers a signed delivery without credentials");
    }
    // Quarkus' own routes: health is public, the API description is not
    assertEquals(200, anonymous().get("/q/health/ready").statusCode());
    assertEquals(200, anonymous().get("/q/health/live").statusCode());
    assertEquals(401, anonymous().get("/q/openapi").statusCode());
    assertEquals(401, anonymous().get("/q/nothing-here").statusCode());
    assertEquals(401, anonymous().get("/nothing-here").statusCode());
    // static assets are public: the login page needs its style sheet
    for (String asset :
        List.of("/css/podometer.css", "/js/figures.js", "/webjars/chart.js/dist/chart.umd.js")) {
      assertEquals(200, anonymous().get(asset).statusCode(), asset);
    }
  }

  /** "METHOD /path" of every JAX-RS resource method under target/classes. */
  static Set<String> routes() throws IOException, ClassNotFoundException {
    java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
    Set<String> routes = new TreeSet<>();
    List<java.nio.file.Path> files;
    try (Stream<java.nio.file.Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    for (java.nio.file.Path file : files) {
      String name =
          classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
      Class<?> type = Class.forName(name, false, RouteInventoryIT.class.getClassLoader());
      Path root = type.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        for (var verb : METHODS.entrySet()) {
          if (method.isAnnotationPresent(verb.getKey())) {
            Path sub = method.getAnnotation(Path.class);
            routes.add(verb.getValue() + " " + join(root.value(), sub == null ? "" : sub.value()));
          }
        }
      }
    }
    return routes;
  }

  private static String join(String root, String sub) {
    String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
