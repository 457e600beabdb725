package io.podometer.connectors.github;

import io.podometer.connectors.source.RawPayload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Sits between the GitHub client and the network and keeps the body of every page it fetched, so
 * that the backfill maps pages as GitHub sent them (and keeps them for a remap) while the client
 * does the paging, the authentication and the rate limits. GitHub's next-page links name a
 * repository by id ({@code /repositories/1300192/pulls?page=2}): such pages are named by the
 * repository's owner/name, as its first page. Not thread-safe: one per sync.
 */
final class CapturedPages implements GitHubConnector {

  private static final List<String> KEPT_HEADERS = List.of("etag", "last-modified", "link");

  private final GitHubConnector network;
  private final String source;
  private final Clock clock;
  private final List<RawPayload> pages = new ArrayList<>();

  /** Repositories by id: GitHub's next-page links name a repository {@code /repositories/<id>}. */
  private final Map<String, String> repositories = new java.util.HashMap<>();

  private static final java.util.regex.Pattern REPOSITORY =
      java.util.regex.Pattern.compile(".*/repos/([^/?]+)/([^/?]+)");
  private static final java.util.regex.Pattern BY_ID =
      java.util.regex.Pattern.compile("(.*)/repositories/(\\d+)(/.*)?");

  CapturedPages(GitHubConnector network, String source, Clock clock) {
    this.network = network;
    this.source = source;
    this.clock = clock;
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    GitHubConnectorResponse response = network.send(request);
    if (!"GET".equals(request.method()) || response.statusCode() != 200) {
      return response;
    }
    byte[] body;
    try (InputStream in = response.bodyStream()) {
      body = in == null ? new byte[0] : in.readAllBytes();
    } finally {
      response.close();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header : KEPT_HEADERS) {
      String value = response.header(header);
      if (value != null) {
        headers.put(header, value);
      }
    }
    String query = request.url().getQuery();
    String path = request.url().getPath();
    java.util.regex.Matcher repository = REPOSITORY.matcher(path);
    if (repository.matches()) {
      remember(body, repository.group(1) + "/" + repository.group(2));
    }
    java.util.regex.Matcher byId = BY_ID.matcher(path);
    if (byId.matches() && repositories.containsKey(byId.group(2))) {
      // named as the first page was, so the page is mapped the same way
      path =
          byId.group(1)
              + "/repos/"
              + repositories.get(byId.group(2))
              + (byId.group(3) == null ? "" : byId.group(3));
    }
    pages.add(
        new RawPayload(
            source,
            RawPayload.PAGE,
            "GET " + path + (query == null ? "" : "?" + query),
            null,
            headers,
            new String(body, StandardCharsets.UTF_8),
            clock.instant()));
    // the body is read: the client gets it again, decoded already
    Map<String, List<String>> answered = new LinkedHashMap<>(response.allHeaders());
    answered.keySet().removeIf(name -> name != null && name.equalsIgnoreCase("content-encoding"));
    return new Buffered(request, response.statusCode(), answered, body);
  }

  private void remember(byte[] body, String fullName) {
    try {
      com.fasterxml.jackson.databind.JsonNode repository =
          io.podometer.engine.event.EventCodec.mapper().readTree(body);
      if (repository.path("id").canConvertToLong()) {
        repositories.put(repository.path("id").asText(), fullName);
      }
    } catch (IOException e) {
      // not a repository's JSON: its pages keep the name GitHub gave them
    }
  }

  /** The pages fetched since the last call, oldest first. */
  List<RawPayload> drain() {
    List<RawPayload> drained = List.copyOf(pages);
    pages.clear();
    return drained;
  }

  private static final class Buffered extends GitHubConnectorResponse.ByteArrayResponse {
    private final byte[] body;

    Buffered(
        GitHubConnectorRequest request,
        int status,
        Map<String, List<String>> headers,
        byte[] body) {
      super(request, status, headers);
      this.body = body;
    }

    @Override
    protected InputStream rawBodyStream() {
      return new ByteArrayInputStream(body);
    }
  }
}
