package io.podometer.web;

import static io.podometer.web.TestHttp.anonymous;

import io.podometer.connectors.github.GitHubSignature;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;

/**
 * GitHub webhook deliveries as GitHub sends them (headers, signature) with pull_request bodies
 * shaped like GitHub's, trimmed to the fields a reader would check.
 */
final class GitHubDeliveries {

  /** GitHub's documented example secret, configured for the tests. */
  static final String SECRET = "It's a Secret to Everybody";

  static final String ROTATED = "rotated-test-webhook-secret";

  private GitHubDeliveries() {}

  static Response deliver(String event, String delivery, String json) {
    return deliver(event, delivery, json, SECRET);
  }

  static Response deliver(String event, String delivery, String json, String secret) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return anonymous()
        .header("X-GitHub-Event", event)
        .header("X-GitHub-Delivery", delivery)
        .header("X-GitHub-Hook-ID", "292430182")
        .header("User-Agent", "GitHub-Hookshot/a1b2c3d")
        .header(GitHubSignature.HEADER, GitHubSignature.of(secret, body))
        .contentType("application/json")
        .body(body)
        .post("/api/webhooks/github");
  }

  /** A pull_request delivery; {@code mergedAt} null: open (or closed unmerged when closedAt). */
  static String pullRequest(
      String action,
      String repo,
      int number,
      String title,
      String author,
      String headRef,
      String createdAt,
      String updatedAt,
      String closedAt,
      String mergedAt,
      int additions) {
    String owner = repo.substring(0, repo.indexOf('/'));
    String state = closedAt == null ? "open" : "closed";
    return """
        {"action":"%s","number":%d,
         "pull_request":{"url":"https://api.github.com/repos/%s/pulls/%d","id":%d,
          "node_id":"PR_kwDOA","html_url":"https://github.com/%s/pull/%d","number":%d,
          "state":"%s","locked":false,"title":"%s",
          "user":{"login":"%s","id":21031067,"type":"User","site_admin":false},
          "body":null,"created_at":"%s","updated_at":"%s","closed_at":%s,"merged_at":%s,
          "merge_commit_sha":"%s","assignee":null,"assignees":[],"requested_reviewers":[],
          "labels":[],"draft":false,
          "head":{"label":"%s:%s","ref":"%s","sha":"ec26c3e57ca3a959ca5aad62de7213c562f8c821",
                  "user":{"login":"%s","type":"Organization"},"repo":{"full_name":"%s"}},
          "base":{"label":"%s:main","ref":"main","sha":"f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
                  "user":{"login":"%s","type":"Organization"},"repo":{"full_name":"%s"}},
          "author_association":"MEMBER","auto_merge":null,"merged":%s,"mergeable":null,
          "merged_by":%s,"comments":0,"review_comments":0,"commits":2,
          "additions":%d,"deletions":3,"changed_files":2},
         "repository":{"id":186853002,"name":"%s","full_name":"%s","private":true,
          "owner":{"login":"%s","type":"Organization"},"default_branch":"main"},
         "organization":{"login":"%s","id":6811672},
         "sender":{"login":"%s","id":21031067,"type":"User"}}
        """
        .formatted(
            action,
            number,
            repo,
            number,
            1000 + number,
            repo,
            number,
            number,
            state,
            title,
            author,
            createdAt,
            updatedAt,
            quoted(closedAt),
            quoted(mergedAt),
            mergedAt == null ? "e5bd3914e2e596debea16f433f57875b5b90bcd6" : "c0ffee" + number,
            owner,
            headRef,
            headRef,
            owner,
            repo,
            owner,
            owner,
            repo,
            mergedAt != null,
            mergedAt == null ? "null" : "{\"login\":\"" + author + "\",\"type\":\"User\"}",
            additions,
            repo.substring(repo.indexOf('/') + 1),
            repo,
            owner,
            owner,
            author);
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
