package io.podometer.engine.metric.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first fact of an engineer's week names the week's evidence: the earliest, and among facts at
 * the same instant the one with the smaller reference, whatever the order they are offered in.
 */
class EngineerWeeksTest {

  private static final Instant AT = Instant.parse("2026-03-03T10:00:00Z");

  @Test
  void theEarliestFactComesFirst() {
    EngineerWeeks.FirstFact first = new EngineerWeeks.FirstFact();
    first.offer(AT, pr("acme/shop", 7));
    first.offer(AT.minusSeconds(1), commit("acme/shop", "bbb"));
    first.offer(AT.plusSeconds(1), commit("acme/shop", "aaa"));
    assertEquals("commit:acme/shop@bbb", first.ref());
  }

  @Test
  void atOneInstantTheSmallerReferenceComesFirstInEitherOrder() {
    // "commit:…" < "pr:…", and among commits "…@aaa" < "…@bbb"
    List<Object> facts =
        List.of(pr("acme/shop", 7), commit("acme/shop", "bbb"), commit("acme/shop", "aaa"));
    for (int rotation = 0; rotation < facts.size(); rotation++) {
      EngineerWeeks.FirstFact first = new EngineerWeeks.FirstFact();
      for (int i = 0; i < facts.size(); i++) {
        first.offer(AT, facts.get((i + rotation) % facts.size()));
      }
      assertEquals("commit:acme/shop@aaa", first.ref(), "rotation " + rotation);
    }
    EngineerWeeks.FirstFact prs = new EngineerWeeks.FirstFact();
    prs.offer(AT, pr("acme/shop", 9));
    prs.offer(AT, pr("acme/shop", 10));
    // references compare as text: "#10" < "#9"
    assertEquals("pr:acme/shop#10", prs.ref());
  }

  private static PullRequestFact pr(String repo, int number) {
    return new PullRequestFact(
        repo, number, null, "ana", AT, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null);
  }

  private static CommitFact commit(String repo, String sha) {
    return new CommitFact(
        repo, sha, null, AT, AT, null, null, null, null, null, null, null, null, null);
  }
}
