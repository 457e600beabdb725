package io.podometer.connectors.github;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A local GitHub REST API for tests: routes answer recorded-shape JSON ({@code {api}} stands for
 * the server's own URL, as GitHub's bodies carry absolute URLs), pages link to the next with a
 * {@code Link} header, and a route can be made to fail a given number of times first (a rate limit,
 * a 502). Every request is logged.
 */
public final class FakeGitHub implements AutoCloseable {

  /** One answer: status, headers, body. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public static Answer json(String body) {
      return new Answer(200, Map.of("Content-Type", "application/json; charset=utf-8"), body);
    }
  }

  private final HttpServer server;
  private final Map<String, Function<String, Answer>> routes = new HashMap<>();
  private final Map<String, List<Answer>> failuresFirst = new HashMap<>();
  private final Map<String, Answer> posts = new HashMap<>();
  private final Map<String, String> byId = new HashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> authorizations = new java.util.concurrent.ConcurrentHashMap<>();

  static {
    // answer without waiting for the client's delayed ACK (Nagle), as a real server does
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  public FakeGitHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers GETs of this path (query ignored unless the route reads it). */
  public void route(String path, Function<String, Answer> answer) {
    routes.put(path, answer);
  }

  public void json(String path, String body) {
    route(path, query -> Answer.json(body.replace("{api}", url())));
  }

  /** Answers POSTs of this path (routes of the same path answer GETs). */
  public void routePost(String path, int status, String body) {
    posts.put(path, new Answer(status, Map.of("Content-Type", "application/json"), body));
  }

  /**
   * Links to the next page name the repository by id, as GitHub's do ({@code
   * /repositories/42/pulls?page=2} for {@code /repos/acme/shop/pulls}).
   */
  public void repositoryId(String repo, long id) {
    byId.put("/repositories/" + id, "/repos/" + repo);
  }

  private String linked(String path) {
    for (Map.Entry<String, String> e : byId.entrySet()) {
      if (path.startsWith(e.getValue() + "/")) {
        return e.getKey() + path.substring(e.getValue().length());
      }
    }
    return path;
  }

  /** The path's list in pages of {@code pageSize}, linked by {@code Link: rel="next"}. */
  public void pages(String path, List<String> items, int pageSize) {
    route(
        path,
        query -> {
          int page = 1;
          for (String part : (query == null ? "" : query).split("&")) {
            if (part.startsWith("page=")) {
              page = Integer.parseInt(part.substring(5));
            }
          }
          int from = (page - 1) * pageSize;
          List<String> slice =
              items.subList(Math.min(from, items.size()), Math.min(from + pageSize, items.size()));
          Map<String, String> headers = new HashMap<>();
          headers.put("Content-Type", "application/json; charset=utf-8");
          if (from + pageSize < items.size()) {
            headers.put(
                "Link", "<" + url() + linked(path) + "?page=" + (page + 1) + ">; rel=\"next\"");
          }
          return new Answer(
              200, headers, ("[" + String.join(",", slice) + "]").replace("{api}", url()));
        });
  }

  /** The next requests of the path get these answers first, then the route's. */
  public void failFirst(String path, Answer... answers) {
    failuresFirst.computeIfAbsent(path, p -> new ArrayList<>()).addAll(List.of(answers));
  }

  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** The Authorization header the last request of each path carried. */
  public Map<String, String> authorizations() {
    return Map.copyOf(authorizations);
  }

  public void clearRequests() {
    requests.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    for (Map.Entry<String, String> e : byId.entrySet()) {
      if (path.startsWith(e.getKey() + "/")) {
        path = e.getValue() + path.substring(e.getKey().length());
      }
    }
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null) {
      authorizations.put(exchange.getRequestMethod() + " " + path, authorization);
    }
    Answer answer;
    List<Answer> failures = failuresFirst.get(path);
    if (failures != null && !failures.isEmpty()) {
      answer = failures.remove(0);
    } else if (exchange.getRequestMethod().equals("POST") && posts.containsKey(path)) {
      answer = posts.get(path);
    } else if (routes.containsKey(path)) {
      answer = routes.get(path).apply(query);
    } else {
      answer =
          new Answer(
              404,
              Map.of("Content-Type", "application/json"),
              "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
