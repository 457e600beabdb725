package io.podometer.web;

/** Canonical events written out for tests. */
public final class Events {

  private Events() {}

  public static String prOpened(String repo, int number, String author, String at) {
    return "{\"id\":\"pr:"
        + repo
        + "#"
        + number
        + ":opened\",\"type\":\"pr.opened\",\"source\":\"api\","
        + "\"occurredAt\":\""
        + at
        + "\",\"repo\":\""
        + repo
        + "\",\"schema\":1,\"data\":{\"number\":"
        + number
        + ",\"title\":\"Change "
        + number
        + "\",\"author\":\""
        + author
        + "\",\"createdAt\":\""
        + at
        + "\"}}";
  }

  public static String prMerged(
      String repo, int number, String author, String at, String sha, int additions) {
    return "{\"id\":\"pr:"
        + repo
        + "#"
        + number
        + ":merged\",\"type\":\"pr.merged\",\"source\":\"api\","
        + "\"occurredAt\":\""
        + at
        + "\",\"repo\":\""
        + repo
        + "\",\"schema\":1,\"data\":{\"number\":"
        + number
        + ",\"author\":\""
        + author
        + "\",\"mergedAt\":\""
        + at
        + "\",\"mergeCommitSha\":\""
        + sha
        + "\",\"additions\":"
        + additions
        + ",\"deletions\":0}}";
  }

  /** A commit of a PR; {@code trailer} is a full trailer line or null. */
  public static String commit(
      String repo,
      String sha,
      String email,
      String at,
      int additions,
      Integer prNumber,
      String trailer) {
    String message = "Work" + (trailer == null ? "" : "\\n\\n" + trailer);
    return "{\"id\":\"commit:"
        + repo
        + "@"
        + sha
        + "\",\"type\":\"commit\",\"source\":\"git\","
        + "\"occurredAt\":\""
        + at
        + "\",\"repo\":\""
        + repo
        + "\",\"schema\":1,\"data\":{\"sha\":\""
        + sha
        + "\",\"author\":{\"name\":\"Someone\",\"email\":\""
        + email
        + "\"},\"authoredAt\":\""
        + at
        + "\",\"committedAt\":\""
        + at
        + "\",\"message\":\""
        + message
        + "\",\"files\":[{\"path\":\"src/x"
        + sha
        + ".py\",\"additions\":"
        + additions
        + ",\"deletions\":0}]"
        + (prNumber == null ? "" : ",\"prNumber\":" + prNumber)
        + "}}";
  }

  /** A production deployment of a service ({@code status} success or failure). */
  public static String deployment(String id, String service, String status, String at) {
    return "{\"id\":\"deploy:"
        + id
        + "\",\"type\":\"deployment.finished\",\"source\":\"api\",\"occurredAt\":\""
        + at
        + "\",\"schema\":1,\"data\":{\"deploymentId\":\""
        + id
        + "\",\"service\":\""
        + service
        + "\",\"environment\":\"production\",\"status\":\""
        + status
        + "\",\"finishedAt\":\""
        + at
        + "\"}}";
  }

  public static String ndjson(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  /** Posts the events as one NDJSON batch (as the bootstrap admin) and expects them accepted. */
  public static void send(String... lines) {
    io.restassured.RestAssured.given()
        .contentType("application/x-ndjson")
        .body(ndjson(lines))
        .post("/api/events")
        .then()
        .statusCode(202);
  }
}
