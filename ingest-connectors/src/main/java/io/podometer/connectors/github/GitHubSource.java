package io.podometer.connectors.github;

import java.util.List;
import java.util.Objects;

/**
 * A GitHub source to backfill: the API to call (github.com or a GitHub Enterprise Server's {@code
 * https://<host>/api/v3}), the repositories, and the token it reads them with (never shown).
 *
 * @param commitDetails whether each pull request's commits are fetched one by one for their files
 *     and line counts (one request per commit)
 */
public record GitHubSource(
    String id, String apiUrl, List<String> repos, String token, boolean commitDetails) {

  public static final String GITHUB_COM = "https://api.github.com";

  public GitHubSource {
    Objects.requireNonNull(id, "id");
    apiUrl = apiUrl == null || apiUrl.isBlank() ? GITHUB_COM : apiUrl.replaceAll("/+$", "");
    repos = List.copyOf(repos);
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "GitHubSource[id=" + id + ", apiUrl=" + apiUrl + ", repos=" + repos + ", token=***]";
  }
}
