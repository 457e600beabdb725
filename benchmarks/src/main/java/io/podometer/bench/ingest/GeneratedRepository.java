package io.podometer.bench.ingest;

import io.podometer.connectors.github.FakeGitHub;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code acme/shop} with {@code n} merged pull requests for the fake GitHub API, in GitHub's REST
 * shapes: each PR with one approving review and one commit (two files), no runs, deployments or
 * issues.
 */
final class GeneratedRepository {

  private GeneratedRepository() {}

  static void serve(FakeGitHub github, int n) {
    github.json("/user", "{\"login\":\"bench\",\"id\":1,\"type\":\"User\"}");
    github.json(
        "/repos/acme/shop",
        "{\"id\":42,\"name\":\"shop\",\"full_name\":\"acme/shop\",\"owner\":{\"login\":\"acme\","
            + "\"id\":7,\"type\":\"Organization\"},\"url\":\"{api}/repos/acme/shop\"}");
    List<String> list = new ArrayList<>();
    for (int i = n; i >= 1; i--) {
      list.add(pr(i, false));
      github.json("/repos/acme/shop/pulls/" + i, pr(i, true));
      github.pages(
          "/repos/acme/shop/pulls/" + i + "/reviews",
          List.of(
              "{\"id\":"
                  + (100_000 + i)
                  + ",\"user\":{\"login\":\"dev"
                  + ((i + 1) % 12)
                  + "\"},\"state\":\"APPROVED\",\"submitted_at\":\""
                  + at(i, 30)
                  + "\","
                  + "\"commit_id\":\""
                  + sha(i)
                  + "\"}"),
          100);
      github.pages("/repos/acme/shop/pulls/" + i + "/commits", List.of(commit(i, false)), 100);
      github.json("/repos/acme/shop/commits/" + sha(i), commit(i, true));
    }
    github.pages("/repos/acme/shop/pulls", list, 100);
    github.json("/repos/acme/shop/actions/runs", "{\"total_count\":0,\"workflow_runs\":[]}");
    github.pages("/repos/acme/shop/deployments", List.of(), 100);
    github.pages("/repos/acme/shop/issues", List.of(), 100);
  }

  private static String sha(int i) {
    return String.format("%040x", i);
  }

  private static String at(int i, int minutes) {
    return java.time.Instant.parse("2026-01-05T09:00:00Z")
        .plusSeconds(i * 600L + minutes * 60L)
        .toString();
  }

  private static String pr(int i, boolean single) {
    return "{\"url\":\"{api}/repos/acme/shop/pulls/"
        + i
        + "\",\"id\":"
        + i
        + ",\"number\":"
        + i
        + ",\"state\":\"closed\",\"title\":\"Change "
        + i
        + "\",\"user\":{\"login\":\"dev"
        + (i % 12)
        + "\"},\"body\":null,\"created_at\":\""
        + at(i, 0)
        + "\",\"updated_at\":\""
        + at(i, 60)
        + "\",\"closed_at\":\""
        + at(i, 60)
        + "\",\"merged_at\":\""
        + at(i, 60)
        + "\",\"merge_commit_sha\":\""
        + sha(i + 1_000_000)
        + "\",\"labels\":[],\"draft\":false,"
        + "\"head\":{\"ref\":\"dev"
        + (i % 12)
        + "/c"
        + i
        + "\",\"sha\":\""
        + sha(i)
        + "\"},"
        + "\"base\":{\"ref\":\"main\",\"repo\":{\"full_name\":\"acme/shop\"}}"
        + (single
            ? ",\"merged\":true,\"merged_by\":{\"login\":\"dev0\"},\"additions\":40,\"deletions\":3,"
                + "\"changed_files\":2"
            : "")
        + "}";
  }

  private static String commit(int i, boolean detail) {
    return "{\"sha\":\""
        + sha(i)
        + "\",\"commit\":{\"author\":{\"name\":\"Dev "
        + (i % 12)
        + "\",\"email\":\"dev"
        + (i % 12)
        + "@acme.example\",\"date\":\""
        + at(i, 10)
        + "\"},"
        + "\"committer\":{\"name\":\"Dev "
        + (i % 12)
        + "\",\"email\":\"dev"
        + (i % 12)
        + "@acme.example\",\"date\":\""
        + at(i, 10)
        + "\"},\"message\":\"Change "
        + i
        + "\"},"
        + "\"author\":{\"login\":\"dev"
        + (i % 12)
        + "\"},\"parents\":[{\"sha\":\""
        + sha(i + 2_000_000)
        + "\"}]"
        + (detail
            ? ",\"stats\":{\"additions\":40,\"deletions\":3,\"total\":43},\"files\":["
                + "{\"filename\":\"src/a"
                + i
                + ".py\",\"status\":\"added\",\"additions\":30,\"deletions\":0,\"patch\":\"@@\"},"
                + "{\"filename\":\"src/b.py\",\"status\":\"modified\",\"additions\":10,\"deletions\":3,\"patch\":\"@@\"}]"
            : "")
        + "}";
  }
}
