package io.podometer.engine.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.event.EventData.Person;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts read with one pool share their equal people, days, moments, counts and strings. */
class SharedFactValuesTest {

  private static FoldedFact fact(FactKind kind, String id, String json) throws Exception {
    ObjectNode fields = (ObjectNode) EventCodec.mapper().readTree(json);
    return new FoldedFact(new FactKey(kind, id), fields, List.of("e-" + id), Instant.EPOCH);
  }

  private static String commit(String sha, int additions) {
    return """
        {"repo":"acme/api","sha":"%s",
         "author":{"name":"Ada Lovelace","email":"ada@acme.test","login":"ada"},
         "authoredAt":"2026-03-02T10:00:00Z","committedAt":"2026-03-02T10:00:00Z",
         "committer":{"name":"Ada Lovelace","email":"ada@acme.test","login":"ada"},
         "parents":[],"message":"fix: retry","trailers":[],"files":[],
         "additions":%d,"deletions":1000000,"branch":"main"}
        """
        .formatted(sha, additions);
  }

  @Test
  void commitsReadWithOnePoolShareTheirPeopleMomentsAndCounts() throws Exception {
    StringPool pool = new StringPool();
    ObjectReader reader = FoldedFact.reader(CommitFact.class, pool);
    CommitFact first = fact(FactKind.COMMIT, "a", commit("a1", 300)).as(CommitFact.class, reader);
    CommitFact second = fact(FactKind.COMMIT, "b", commit("b2", 300)).as(CommitFact.class, reader);

    assertEquals(new Person("Ada Lovelace", "ada@acme.test", "ada"), first.author());
    assertSame(first.author(), second.author());
    assertSame(first.author(), first.committer());
    assertEquals(Instant.parse("2026-03-02T10:00:00Z"), first.authoredAt());
    assertSame(first.authoredAt(), second.committedAt());
    assertSame(first.repo(), second.repo());
    // 300 is beyond the JDK's own cache of boxed integers (-128..127): shared here
    assertEquals(300, first.additions());
    assertSame(first.additions(), second.additions());
    // beyond the table of counts: read as it is
    assertEquals(1_000_000, first.deletions());
    assertNotSame(first.deletions(), second.deletions());
    assertNull(first.prNumber());
  }

  @Test
  void agentUsageDaysShareTheirDay() throws Exception {
    StringPool pool = new StringPool();
    ObjectReader reader = FoldedFact.reader(AgentUsage.class, pool);
    String usage =
        """
        {"tool":"%s","user":"ada","day":"2026-03-02","period":"day","active":true,
         "suggestions":1200,"acceptances":900,"activeSeconds":3600,"costUsd":0.37}
        """;
    AgentUsage copilot =
        fact(FactKind.AGENT_USAGE_DAY, "c", usage.formatted("copilot"))
            .as(AgentUsage.class, reader);
    AgentUsage claude =
        fact(FactKind.AGENT_USAGE_DAY, "d", usage.formatted("claude-code"))
            .as(AgentUsage.class, reader);

    assertEquals(LocalDate.of(2026, 3, 2), copilot.day());
    assertSame(copilot.day(), claude.day());
    assertSame(copilot.suggestions(), claude.suggestions());
    assertEquals(900, claude.acceptances());
    // whole amounts are shared through the pool; others are read as they are
    assertEquals(3600.0, copilot.activeSeconds());
    assertSame(copilot.activeSeconds(), claude.activeSeconds());
    assertEquals(0.37, claude.costUsd());
  }

  @Test
  void withoutAPoolValuesAreReadAsTheyAre() throws Exception {
    CommitFact first = fact(FactKind.COMMIT, "a", commit("a1", 300)).as(CommitFact.class);
    CommitFact second = fact(FactKind.COMMIT, "b", commit("b2", 300)).as(CommitFact.class);

    assertEquals(first.author(), second.author());
    assertNotSame(first.author(), second.author());
    assertEquals(first.authoredAt(), second.authoredAt());
    // counts come from the table whatever the reader
    assertSame(first.additions(), second.additions());
  }
}
