package io.podometer.connectors.github;

import java.util.List;

/**
 * A repository {@code acme/shop} as GitHub's REST API shows it (shapes as GitHub documents them,
 * trimmed to the fields a reader checks): pull requests #1 closed unmerged, #2 merged (120 lines
 * added, a Claude co-author) and #3 open, each with an approving and a pending review and one
 * commit (a source file and a binary image); a completed and a running workflow run; a production
 * deployment that succeeded at 2026-03-05T10:05Z; and an incident issue #9, closed.
 */
public final class RecordedRepository {

  private RecordedRepository() {}

  /** The token the App's installation on acme gets. */
  public static final String INSTALLATION_TOKEN = "ghs_installationTokenForTests";

  /** A GitHub App (id 4242) installed on acme (installation 77), as GitHub's API shows them. */
  public static void serveApp(FakeGitHub github) {
    github.json(
        "/app",
        "{\"id\":4242,\"slug\":\"podometer\",\"name\":\"Podometer\",\"owner\":{\"login\":\"acme\"}}");
    github.json(
        "/repos/acme/shop/installation",
        "{\"id\":77,\"app_id\":4242,\"account\":{\"login\":\"acme\",\"type\":\"Organization\"},"
            + "\"access_tokens_url\":\"{api}/app/installations/77/access_tokens\","
            + "\"repositories_url\":\"{api}/installation/repositories\"}");
    github.routePost(
        "/app/installations/77/access_tokens",
        201,
        "{\"token\":\""
            + INSTALLATION_TOKEN
            + "\",\"expires_at\":\"2099-01-01T00:00:00Z\","
            + "\"permissions\":{\"pull_requests\":\"read\"},\"repository_selection\":\"all\"}");
  }

  /** A fresh RSA key as GitHub hands an App's key out: PEM, PKCS#1. */
  public static java.security.KeyPair appKey() throws java.security.GeneralSecurityException {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  public static String pkcs1Pem(java.security.PrivateKey key) {
    // PKCS#8 of an RSA key is a 26-byte header around the PKCS#1 key
    byte[] pkcs8 = key.getEncoded();
    byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    return "-----BEGIN RSA PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder(
                64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(pkcs1)
        + "\n-----END RSA PRIVATE KEY-----\n";
  }

  public static void serve(FakeGitHub github) {
    github.repositoryId("acme/shop", 42);
    github.json("/user", "{\"login\":\"podometer-bot\",\"id\":1,\"type\":\"User\"}");
    github.json(
        "/repos/acme/shop",
        "{\"id\":42,\"name\":\"shop\",\"full_name\":\"acme/shop\",\"private\":true,"
            + "\"owner\":{\"login\":\"acme\",\"id\":7,\"type\":\"Organization\"},"
            + "\"url\":\"{api}/repos/acme/shop\",\"default_branch\":\"main\"}");
    github.pages("/repos/acme/shop/pulls", List.of(pr(3, false), pr(2, true), pr(1, true)), 2);
    github.json("/repos/acme/shop/pulls/3", pullRequest(3, false, true));
    github.json("/repos/acme/shop/pulls/2", pullRequest(2, true, false));
    github.json("/repos/acme/shop/pulls/1", pullRequest(1, false, false));
    for (int n = 1; n <= 3; n++) {
      github.pages("/repos/acme/shop/pulls/" + n + "/reviews", reviews(n), 100);
      github.pages("/repos/acme/shop/pulls/" + n + "/commits", List.of(commitItem(n)), 100);
      github.json("/repos/acme/shop/commits/" + sha(n), commitDetail(n));
    }
    github.json("/repos/acme/shop/actions/runs", RUNS);
    github.pages("/repos/acme/shop/deployments", List.of(DEPLOYMENT), 100);
    github.pages(
        "/repos/acme/shop/deployments/501/statuses", List.of(STATUS_OK, STATUS_RUNNING), 100);
    github.pages("/repos/acme/shop/issues", List.of(INCIDENT), 100);
  }

  public static String sha(int n) {
    return ("c0ffee" + n).repeat(6).substring(0, 40);
  }

  /** A pull request as the list returns it (no line counts). */
  public static String pr(int n, boolean closed) {
    String updated = "2026-03-0" + (n + 1) + "T12:00:00Z";
    boolean merged = n == 2;
    return """
        {"url":"{api}/repos/acme/shop/pulls/%d","id":%d,"number":%d,"state":"%s","locked":false,
         "title":"Change %d","user":{"login":"ana-l","id":11,"type":"User"},"body":null,
         "created_at":"2026-03-01T09:00:00Z","updated_at":"%s","closed_at":%s,"merged_at":%s,
         "merge_commit_sha":"%s","labels":[],"draft":false,
         "head":{"label":"acme:change-%d","ref":"change-%d","sha":"%s"},
         "base":{"label":"acme:main","ref":"main","sha":"0000000000000000000000000000000000000000",
                 "repo":{"id":42,"name":"shop","full_name":"acme/shop"}},
         "author_association":"MEMBER"}
        """
        .formatted(
            n,
            1000 + n,
            n,
            closed ? "closed" : "open",
            n,
            updated,
            closed ? "\"" + updated + "\"" : "null",
            merged ? "\"" + updated + "\"" : "null",
            sha(n + 10),
            n,
            n,
            sha(n));
  }

  /** The single pull request: the list's fields and the line counts. */
  private static String pullRequest(int n, boolean merged, boolean open) {
    String item = pr(n, !open);
    return item.substring(0, item.lastIndexOf('}'))
        + ",\"merged\":"
        + merged
        + ",\"merged_by\":"
        + (merged ? "{\"login\":\"sam-ito\",\"type\":\"User\"}" : "null")
        + ",\"additions\":120,\"deletions\":4,\"changed_files\":2,\"commits\":1}";
  }

  private static List<String> reviews(int n) {
    return List.of(
        """
        {"id":%d,"node_id":"PRR_kwDO","user":{"login":"sam-ito","id":12,"type":"User"},
         "body":"","state":"APPROVED","html_url":"https://github.com/acme/shop/pull/%d#pullrequestreview-%d",
         "pull_request_url":"{api}/repos/acme/shop/pulls/%d","author_association":"MEMBER",
         "submitted_at":"2026-03-0%dT11:00:00Z","commit_id":"%s"}
        """
            .formatted(800 + n, n, 800 + n, n, n + 1, sha(n)),
        // a pending review: no submitted_at yet
        """
        {"id":%d,"user":{"login":"raj-p","id":13,"type":"User"},"body":"","state":"PENDING",
         "pull_request_url":"{api}/repos/acme/shop/pulls/%d","commit_id":"%s"}
        """
            .formatted(900 + n, n, sha(n)));
  }

  private static String commitItem(int n) {
    return """
        {"sha":"%s","node_id":"C_kwDO",
         "commit":{"author":{"name":"Ana Lima","email":"ana@acme.example","date":"2026-03-01T10:00:00Z"},
          "committer":{"name":"GitHub","email":"noreply@github.com","date":"2026-03-01T10:05:00Z"},
          "message":"Change %d\\n\\nCo-authored-by: Claude <noreply@anthropic.com>",
          "tree":{"sha":"%s"},"comment_count":0},
         "url":"{api}/repos/acme/shop/commits/%s",
         "author":{"login":"ana-l","id":11,"type":"User"},
         "committer":{"login":"web-flow","id":19864447,"type":"User"},
         "parents":[{"sha":"%s","url":"{api}/repos/acme/shop/commits/%s"}]}
        """
        .formatted(sha(n), n, sha(n + 20), sha(n), sha(n + 30), sha(n + 30));
  }

  private static String commitDetail(int n) {
    String item = commitItem(n);
    return item.substring(0, item.lastIndexOf('}'))
        + ",\"stats\":{\"total\":102,\"additions\":100,\"deletions\":2},\"files\":["
        + "{\"sha\":\"a1\",\"filename\":\"src/cart.py\",\"status\":\"modified\",\"additions\":100,"
        + "\"deletions\":2,\"changes\":102,\"patch\":\"@@ -1,2 +1,100 @@\"},"
        + "{\"sha\":\"a2\",\"filename\":\"img/cart.png\",\"status\":\"added\",\"additions\":0,"
        + "\"deletions\":0,\"changes\":0}]}";
  }

  private static final String RUNS =
      """
      {"total_count":2,"workflow_runs":[
       {"id":9001,"name":"CI","node_id":"WFR_kwLO","head_branch":"change-2","head_sha":"%s",
        "path":".github/workflows/ci.yml","run_number":17,"event":"pull_request",
        "status":"completed","conclusion":"success","workflow_id":77,
        "created_at":"2026-03-02T11:00:00Z","updated_at":"2026-03-02T11:08:00Z",
        "run_started_at":"2026-03-02T11:00:05Z",
        "pull_requests":[{"number":2,"id":1002,"url":"{api}/repos/acme/shop/pulls/2"}],
        "url":"{api}/repos/acme/shop/actions/runs/9001"},
       {"id":9002,"name":"CI","head_branch":"change-3","head_sha":"%s","path":".github/workflows/ci.yml",
        "status":"in_progress","conclusion":null,"workflow_id":77,
        "created_at":"2026-03-04T12:00:00Z","updated_at":"2026-03-04T12:01:00Z",
        "run_started_at":"2026-03-04T12:00:05Z","pull_requests":[],
        "url":"{api}/repos/acme/shop/actions/runs/9002"}]}
      """
          .formatted(sha(2), sha(3));

  private static final String DEPLOYMENT =
      """
      {"url":"{api}/repos/acme/shop/deployments/501","id":501,"node_id":"DE_kwDO","sha":"%s",
       "ref":"main","task":"deploy","payload":{},"original_environment":"production",
       "environment":"production","description":null,
       "creator":{"login":"ana-l","id":11,"type":"User"},
       "created_at":"2026-03-05T10:00:00Z","updated_at":"2026-03-05T10:05:00Z",
       "statuses_url":"{api}/repos/acme/shop/deployments/501/statuses",
       "repository_url":"{api}/repos/acme/shop","transient_environment":false,
       "production_environment":true}
      """
          .formatted(sha(12));

  private static final String STATUS_OK =
      """
      {"url":"{api}/repos/acme/shop/deployments/501/statuses/7002","id":7002,"state":"success",
       "creator":{"login":"ana-l","id":11},"description":"","environment":"production",
       "target_url":"","created_at":"2026-03-05T10:05:00Z","updated_at":"2026-03-05T10:05:00Z",
       "deployment_url":"{api}/repos/acme/shop/deployments/501",
       "repository_url":"{api}/repos/acme/shop"}
      """;

  private static final String STATUS_RUNNING =
      """
      {"url":"{api}/repos/acme/shop/deployments/501/statuses/7001","id":7001,"state":"in_progress",
       "creator":{"login":"ana-l","id":11},"description":"","environment":"production",
       "target_url":"","created_at":"2026-03-05T10:01:00Z","updated_at":"2026-03-05T10:01:00Z",
       "deployment_url":"{api}/repos/acme/shop/deployments/501",
       "repository_url":"{api}/repos/acme/shop"}
      """;

  private static final String INCIDENT =
      """
      {"url":"{api}/repos/acme/shop/issues/9","id":9009,"number":9,"title":"Checkout down",
       "user":{"login":"sam-ito","id":12,"type":"User"},
       "labels":[{"id":1,"name":"incident","color":"d73a4a","default":false}],
       "state":"closed","locked":false,"comments":3,
       "created_at":"2026-03-05T11:00:00Z","updated_at":"2026-03-05T13:00:00Z",
       "closed_at":"2026-03-05T13:00:00Z","author_association":"MEMBER","body":"p1"}
      """;
}
