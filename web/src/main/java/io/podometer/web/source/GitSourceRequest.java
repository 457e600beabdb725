package io.podometer.web.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * What {@code POST /api/sources/git} takes, read strictly: {@code path} (an absolute path on the
 * server to a clone, bare or not), optional {@code repo} ({@code owner/name}; read from the clone's
 * origin when absent) and {@code branch} (the default branch when absent). Each problem is a 400
 * naming the field.
 */
record GitSourceRequest(String path, String repo, String branch) {

  private static final Set<String> FIELDS = Set.of("path", "repo", "branch");
  // GitHub's limits (an owner of 39 characters, a name of 100), which also keep the event ids
  // built on it within theirs; '.' and '..' name no repository
  static final Pattern REPO =
      Pattern.compile("(?!\\.{1,2}/)[A-Za-z0-9_.-]{1,39}/(?!\\.{1,2}$)[A-Za-z0-9_.-]{1,100}");
  static final int MAX_PATH = 4_096;

  static GitSourceRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("body: a JSON object with " + FIELDS);
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(name + ": unknown field (allowed: branch, path, repo)");
      }
    }
    JsonNode path = body.get("path");
    if (path == null || !path.isTextual() || path.asText().isBlank()) {
      throw new IllegalArgumentException("path: required, the clone's directory on the server");
    }
    String dir = path.asText();
    if (dir.length() > MAX_PATH || dir.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("path: at most " + MAX_PATH + " characters, no NUL");
    }
    try {
      if (!Path.of(dir).isAbsolute()) {
        throw new IllegalArgumentException("path: an absolute path on the server");
      }
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("path: not a path on the server");
    }
    String repo = optional(body, "repo");
    if (repo != null && !REPO.matcher(repo).matches()) {
      throw new IllegalArgumentException("repo: owner/name (letters, digits, '_', '.', '-')");
    }
    String branch = optional(body, "branch");
    if (branch != null
        && (branch.length() > 255 || !Repository.isValidRefName("refs/heads/" + branch))) {
      throw new IllegalArgumentException("branch: not a valid branch name");
    }
    return new GitSourceRequest(Path.of(dir).normalize().toString(), repo, branch);
  }

  private static String optional(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(field + ": a non-empty string");
    }
    return value.asText();
  }
}
