package io.podometer.connectors.github;

import java.util.List;
import java.util.Objects;

/**
 * A GitHub source to backfill: the API to call (github.com or a GitHub Enterprise Server's {@code
 * https://<host>/api/v3}), the repositories, and what it reads them as — a token, or a GitHub App
 * (never shown).
 *
 * @param commitDetails whether each pull request's commits are fetched one by one for their files
 *     and line counts (one request per commit)
 */
public record GitHubSource(
    String id,
    String apiUrl,
    List<String> repos,
    String token,
    GitHubApp app,
    boolean commitDetails) {

  public static final String GITHUB_COM = "https://api.github.com";

  public GitHubSource {
    Objects.requireNonNull(id, "id");
    apiUrl = apiUrl == null || apiUrl.isBlank() ? GITHUB_COM : apiUrl.replaceAll("/+$", "");
    repos = List.copyOf(repos);
    if ((token == null) == (app == null)) {
      throw new IllegalArgumentException("a token or a GitHub App, one of them");
    }
  }

  /** A source read with a token. */
  public GitHubSource(
      String id, String apiUrl, List<String> repos, String token, boolean commitDetails) {
    this(id, apiUrl, repos, token, null, commitDetails);
  }

  @Override
  public String toString() {
    return "GitHubSource[id="
        + id
        + ", apiUrl="
        + apiUrl
        + ", repos="
        + repos
        + (app != null ? ", " + app : ", token=***")
        + "]";
  }
}
