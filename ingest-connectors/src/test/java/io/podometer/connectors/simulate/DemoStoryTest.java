package io.podometer.connectors.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.simulate.Org.Member;
import io.podometer.connectors.simulate.Org.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default demo tells the stories the dashboards and detectors are there to find. */
class DemoStoryTest {
  private final DefaultRun run = DefaultRun.get();
  private final Org org = run.demo.org();

  @Test
  void volumesPerEngineerWeekAreBelievable() {
    double engineerWeeks = 40 * 25.4;
    assertBetween(run.ofType("pr.merged").size() / engineerWeeks, 2.2, 3.2, "merged PRs");
    assertBetween(run.ofType("commit").size() / engineerWeeks, 7, 11, "commits");
    double serviceWeeks = org.services.size() * 25.4;
    long production =
        run.ofType("deployment.finished").stream()
            .filter(e -> data(e, "environment").equals("production"))
            .count();
    assertBetween(
        run.ofType("deployment.finished").size() / serviceWeeks, 6, 10, "deployments per service");
    assertTrue(production > run.ofType("deployment.finished").size() / 2);
  }

  @Test
  void pullRequestsGoThroughDraftsReviewsRelabelsAndSomeClose() {
    long drafts =
        run.ofType("pr.opened").stream()
            .filter(e -> e.get("data").get("draft").asBoolean())
            .count();
    assertTrue(drafts > 50);
    assertEquals(drafts, run.ofType("pr.ready_for_review").size(), 10.0);
    Set<String> actions = new HashSet<>();
    run.ofType("pr.updated").forEach(e -> actions.add(data(e, "action")));
    assertTrue(
        actions.containsAll(Set.of("labeled", "synchronize", "review_requested", "edited")),
        actions.toString());
    assertTrue(run.ofType("pr.closed").size() > 30);
    Set<String> states = new HashSet<>();
    run.ofType("pr.review_submitted").forEach(e -> states.add(data(e, "state")));
    assertTrue(states.containsAll(Set.of("approved", "changes_requested", "commented")));
  }

  @Test
  void mergedPullRequestsCarryTheirFilesLabelsAndFirstCommit() {
    Set<String> labels = new HashSet<>();
    int betLinked = 0;
    for (ObjectNode e : run.ofType("pr.merged")) {
      JsonNode d = e.get("data");
      int additions = 0;
      for (JsonNode f : d.get("files")) {
        additions += f.get("additions").asInt();
      }
      assertEquals(d.get("additions").asInt(), additions, e.toString());
      assertEquals(d.get("changedFiles").asInt(), d.get("files").size());
      assertTrue(d.get("firstCommitAt").asText().compareTo(d.get("mergedAt").asText()) <= 0);
      d.get("labels").forEach(l -> labels.add(l.asText().startsWith("bet:") ? "bet:" : l.asText()));
      boolean linked =
          d.get("labels").toString().contains("bet:")
              || d.get("headBranch").asText().startsWith("bet/")
              || d.get("title").asText().startsWith("[");
      betLinked += linked ? 1 : 0;
    }
    assertTrue(
        labels.containsAll(Set.of("bet:", "hotfix", "ai-assisted", "dependencies")),
        labels.toString());
    assertTrue(betLinked > 200, "bet-linked merges " + betLinked);
  }

  @Test
  void oneReviewerCarriesTheBottleneckPodAndPicksUpSlowly() {
    Pod pod =
        org.pods.stream().filter(p -> p.traits().reviewBottleneck()).findFirst().orElseThrow();
    Set<String> logins = new HashSet<>();
    org.members.stream()
        .filter(m -> m.memberships().get(0).pod().equals(pod.id()))
        .forEach(m -> logins.add(m.github()));
    Map<String, Integer> reviews = new HashMap<>();
    Map<String, String> ready = readyTimes();
    List<Long> pickups = new ArrayList<>();
    List<Long> pickupsElsewhere = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ObjectNode e : run.ofType("pr.review_submitted")) {
      String key = e.get("repo").asText() + "#" + data(e, "number");
      boolean inPod = e.get("repo").asText().startsWith("acme/" + pod.id() + "-");
      if (inPod) {
        reviews.merge(data(e, "reviewer"), 1, Integer::sum);
      }
      if (seen.add(key) && ready.containsKey(key)) {
        long wait = seconds(data(e, "submittedAt")) - seconds(ready.get(key));
        (inPod ? pickups : pickupsElsewhere).add(wait);
      }
    }
    int total = reviews.values().stream().mapToInt(Integer::intValue).sum();
    int top = Collections.max(reviews.values());
    assertTrue(top > 0.5 * total, "top reviewer share " + top + "/" + total);
    assertTrue(median(pickups) > 24 * 3600, "median pickup " + median(pickups) / 3600.0 + " h");
    assertTrue(
        median(pickupsElsewhere) < 6 * 3600,
        "elsewhere " + median(pickupsElsewhere) / 3600.0 + " h");
  }

  @Test
  void someBigPullRequestsAreRubberStamped() {
    Map<String, String> ready = readyTimes();
    Map<String, Integer> size = new HashMap<>();
    for (ObjectNode e : run.ofType("pr.merged")) {
      size.put(
          e.get("repo").asText() + "#" + data(e, "number"),
          e.get("data").get("additions").asInt() + e.get("data").get("deletions").asInt());
    }
    int stamps = 0;
    for (ObjectNode e : run.ofType("pr.review_submitted")) {
      String key = e.get("repo").asText() + "#" + data(e, "number");
      if (data(e, "state").equals("approved")
          && ready.containsKey(key)
          && size.getOrDefault(key, 0) > 300
          && seconds(data(e, "submittedAt")) - seconds(ready.get(key)) <= 120) {
        stamps++;
      }
    }
    assertTrue(stamps >= 10, "rubber stamps " + stamps);
  }

  @Test
  void commitsShowEveryKindOfAuthorshipSignal() {
    Set<String> trailerKeys = new HashSet<>();
    Set<String> authors = new HashSet<>();
    int footers = 0;
    int copilotCoAuthors = 0;
    int direct = 0;
    int merges = 0;
    Set<String> mergeShas = new HashSet<>();
    run.ofType("pr.merged").forEach(e -> mergeShas.add(data(e, "mergeCommitSha")));
    List<String> reverted = new ArrayList<>();
    for (ObjectNode e : run.ofType("commit")) {
      JsonNode d = e.get("data");
      d.path("trailers").forEach(t -> trailerKeys.add(t.get("key").asText()));
      String message = d.get("message").asText();
      footers +=
          message.contains(
                  "\uD83E\uDD16 Generated with [Claude Code](https://claude.com/claude-code)")
              ? 1
              : 0;
      copilotCoAuthors +=
          message.contains("Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>")
              ? 1
              : 0;
      authors.add(
          d.get("author").path("login").asText() + " " + d.get("author").get("email").asText());
      merges += d.get("parents").size() == 2 ? 1 : 0;
      if (!d.has("prNumber")) {
        direct++;
        assertEquals("main", d.get("branch").asText());
      }
      if (message.startsWith("Revert \"")) {
        reverted.add(
            message.substring(
                message.indexOf("This reverts commit ") + 20,
                message.indexOf("This reverts commit ") + 60));
      }
    }
    assertTrue(trailerKeys.size() >= 3, "trailer key spellings " + trailerKeys);
    assertTrue(
        footers > 20 && copilotCoAuthors > 20,
        footers + " footers, " + copilotCoAuthors + " Copilot co-authors");
    assertTrue(
        authors.contains("copilot-swe-agent[bot] 198982749+Copilot@users.noreply.github.com"));
    assertTrue(
        authors.contains(
            "devin-ai-integration[bot] 158243242+devin-ai-integration[bot]@users.noreply.github.com"));
    assertTrue(
        authors.contains("dependabot[bot] 49699333+dependabot[bot]@users.noreply.github.com"));
    assertTrue(direct >= 10, "direct pushes " + direct);
    assertEquals(run.ofType("pr.merged").size(), merges);
    assertTrue(reverted.size() >= 3, "reverts " + reverted.size());
    assertTrue(mergeShas.containsAll(reverted), "reverts name merged shas");
    assertTrue(run.ofType("commit.attribution").size() >= 20);
  }

  @Test
  void ciRunsOnPullRequestHeadsAndMerges() {
    Set<String> heads = new HashSet<>();
    run.ofType("ci.run_completed").forEach(e -> heads.add(data(e, "headSha")));
    for (ObjectNode e : run.ofType("pr.merged")) {
      if (e.get("occurredAt").asText().compareTo("2026-03-03") < 0) {
        assertTrue(heads.contains(data(e, "mergeCommitSha")), "CI on the merge of " + e.get("id"));
      }
    }
  }

  @Test
  void deploymentsShipTheNewestMergeAndSomeFailOrRollBack() {
    Set<String> mainShas = new HashSet<>();
    for (ObjectNode e : run.ofType("commit")) {
      if (data(e, "branch").equals("main")) {
        mainShas.add(data(e, "sha"));
      }
    }
    int failures = 0;
    int rollbacks = 0;
    int shippedMerges = 0;
    for (ObjectNode e : run.ofType("deployment.finished")) {
      failures += data(e, "status").equals("failure") ? 1 : 0;
      rollbacks += e.get("data").has("rollbackOf") ? 1 : 0;
      shippedMerges += mainShas.contains(data(e, "sha")) ? 1 : 0;
    }
    assertTrue(
        failures >= 20 && rollbacks >= 5, failures + " failures, " + rollbacks + " rollbacks");
    assertTrue(shippedMerges > 0.9 * run.ofType("deployment.finished").size());
    long caused =
        run.ofType("incident.opened").stream()
            .filter(e -> e.get("data").has("causedByDeploymentId"))
            .count();
    long unexplained = run.ofType("incident.opened").size() - caused;
    assertTrue(
        caused >= 5 && unexplained >= 3, caused + " caused, " + unexplained + " without a cause");
  }

  @Test
  void thePromptCopyingPodAcceptsLittle() {
    Pod pod = org.pods.stream().filter(p -> p.traits().poorAcceptance()).findFirst().orElseThrow();
    Set<String> users = new HashSet<>();
    for (Member m : org.members) {
      if (m.memberships().get(0).pod().equals(pod.id())) {
        users.add(m.email());
        users.add(m.github());
        if (m.telemetry() != null) {
          users.add(m.telemetry());
        }
      }
    }
    double[] pod2 = new double[4];
    double[] rest = new double[4];
    for (ObjectNode e : run.ofType("agent.usage")) {
      JsonNode d = e.get("data");
      double[] sums = users.contains(d.get("user").asText()) ? pod2 : rest;
      sums[0] += d.get("acceptances").asDouble();
      sums[1] += d.get("suggestions").asDouble();
      sums[2] += d.get("editRejects").asDouble();
      sums[3] += d.get("editAccepts").asDouble();
    }
    assertTrue(pod2[0] / pod2[1] < 0.2, "acceptance " + pod2[0] / pod2[1]);
    assertTrue(rest[0] / rest[1] > 0.25, "elsewhere " + rest[0] / rest[1]);
    assertTrue(pod2[2] / (pod2[2] + pod2[3]) > 0.5, "reject rate");
  }

  @Test
  void peopleAnswerThePulseAndReportMeetingsEveryWeek() {
    int people = run.org.get("members").size();
    assertEquals(people * 25, run.ofType("meeting.summary").size());
    int pulses = run.ofType("pulse.score").size();
    assertBetween(pulses / (3.0 * people * 25), 0.75, 0.9, "pulse response rate");
    assertTrue(run.ofType("bet.signal").size() > 200);
    assertTrue(run.ofType("bet.learning").size() >= 5);
  }

  private Map<String, String> readyTimes() {
    Map<String, String> ready = new HashMap<>();
    for (ObjectNode e : run.ofType("pr.opened")) {
      if (!e.get("data").get("draft").asBoolean()) {
        ready.put(e.get("repo").asText() + "#" + data(e, "number"), data(e, "createdAt"));
      }
    }
    for (ObjectNode e : run.ofType("pr.ready_for_review")) {
      ready.put(e.get("repo").asText() + "#" + data(e, "number"), data(e, "at"));
    }
    return ready;
  }

  private static String data(ObjectNode e, String field) {
    return e.get("data").get(field).asText();
  }

  private static long seconds(String iso) {
    return Instant.parse(iso).getEpochSecond();
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void assertBetween(double value, double low, double high, String what) {
    assertTrue(value >= low && value <= high, what + ": " + value);
  }
}
