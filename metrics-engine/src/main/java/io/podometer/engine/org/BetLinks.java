package io.podometer.engine.org;

import java.util.List;

/**
 * What attaches work to a bet: PR labels, branch-name prefixes, tags in PR titles, whole
 * repositories ({@code owner/name}) and path globs.
 */
public record BetLinks(
    List<String> labels,
    List<String> branchPrefixes,
    List<String> titleTags,
    List<String> repos,
    List<String> paths) {

  public BetLinks {
    labels = labels == null ? List.of() : List.copyOf(labels);
    branchPrefixes = branchPrefixes == null ? List.of() : List.copyOf(branchPrefixes);
    titleTags = titleTags == null ? List.of() : List.copyOf(titleTags);
    repos = repos == null ? List.of() : List.copyOf(repos);
    paths = paths == null ? List.of() : List.copyOf(paths);
  }

  /**
   * The links a bet gets when its file says nothing: {@code bet:<id>}, {@code bet/<id>/}, {@code
   * [<id>]}.
   */
  public static BetLinks defaultsFor(String betId) {
    return new BetLinks(
        List.of("bet:" + betId),
        List.of("bet/" + betId + "/"),
        List.of("[" + betId + "]"),
        List.of(),
        List.of());
  }
}
