package io.podometer.connectors.agenttrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.podometer.engine.event.CanonicalEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Agent Trace records shaped as the specification (agent-trace.dev 0.1.0, its example record and
 * its schema) and its reference implementation (one JSON line per edit, version "1.0", tool
 * "claude-code") write them, one case and one trap each.
 */
class AgentTraceRecordsTest {

  private static final String REPO = "acme/shop";
  private static final String SHA = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0";
  private static final String OTHER = "0123456789abcdef0123456789abcdef01234567";

  /** The specification's example record (6.2), as a file holding just it. */
  private static final String SPEC_EXAMPLE =
      """
      {
        "version": "0.1.0",
        "id": "550e8400-e29b-41d4-a716-446655440000",
        "timestamp": "2026-01-23T14:30:00Z",
        "vcs": { "type": "git", "revision": "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0" },
        "tool": { "name": "cursor", "version": "2.4.0" },
        "files": [
          {
            "path": "src/utils/parser.ts",
            "conversations": [
              {
                "url": "https://api.cursor.com/v1/conversations/12345",
                "contributor": { "type": "ai", "model_id": "anthropic/claude-opus-4-5-20251101" },
                "ranges": [ { "start_line": 42, "end_line": 67, "content_hash": "murmur3:9f2e8a1b" } ],
                "related": [ { "type": "session", "url": "https://api.cursor.com/v1/sessions/67890" } ]
              }
            ]
          },
          {
            "path": "src/utils/helpers.ts",
            "conversations": [
              {
                "url": "https://api.cursor.com/v1/conversations/12345",
                "contributor": { "type": "ai", "model_id": "openai/gpt-4o" },
                "ranges": [ { "start_line": 10, "end_line": 25 } ]
              }
            ]
          }
        ],
        "metadata": { "confidence": 0.95, "dev.cursor": { "workspace_id": "ws-abc123" } }
      }
      """;

  @Test
  void theSpecificationsExampleBecomesTheCommitsLineLevelAttribution() throws Exception {
    AgentTraceRecords.Read read = AgentTraceRecords.read(SPEC_EXAMPLE, REPO);
    assertEquals(1, read.records());
    CanonicalEvent event = read.events().get(0);
    assertEquals("attribution:acme/shop@" + SHA + ":line", event.id());
    assertEquals("2026-01-23T14:30:00Z", event.occurredAt().toString());
    assertEquals(REPO, event.repo());
    JsonNode data = event.dataTree();
    assertEquals(SHA, data.get("sha").asText());
    assertEquals("line", data.get("source").asText());
    assertEquals("cursor", data.get("tool").asText());
    // 42..67 is 26 lines of opus, 10..25 is 16 lines of gpt-4o: opus is behind most lines
    assertEquals("anthropic/claude-opus-4-5-20251101", data.get("model").asText());
    assertEquals("src/utils/parser.ts", data.get("files").get(0).get("path").asText());
    assertEquals(26, data.get("files").get(0).get("aiLines").asInt());
    assertEquals("42-67", data.get("files").get(0).get("ranges").asText());
    assertEquals(16, data.get("files").get(1).get("aiLines").asInt());
  }

  @Test
  void theReferenceHooksJsonLinesOfOneRevisionAreUnitedALineCountingOnce() throws Exception {
    // three edits of one session on one revision, as .agent-trace/traces.jsonl holds them; the
    // second re-touches lines 5..12 of the first: 1..12 and 20..21 is 12 + 2 = 14 lines
    String jsonl =
        record(
                "1.0",
                "11111111-1111-4111-8111-111111111111",
                "2026-03-02T09:00:00Z",
                SHA,
                "claude-code",
                "src/cart.py",
                "ai",
                "claude-sonnet-4",
                1,
                10)
            + "\n"
            + record(
                "1.0",
                "22222222-2222-4222-8222-222222222222",
                "2026-03-02T09:05:00Z",
                SHA,
                "claude-code",
                "src/cart.py",
                "ai",
                "claude-sonnet-4",
                5,
                12)
            + "\n\n"
            + record(
                "1.0",
                "33333333-3333-4333-8333-333333333333",
                "2026-03-02T09:07:00Z",
                SHA,
                "claude-code",
                "src/cart.py",
                "ai",
                "claude-sonnet-4",
                20,
                21)
            + "\n"
            + record(
                "1.0",
                "44444444-4444-4444-8444-444444444444",
                "2026-03-03T10:00:00Z",
                OTHER,
                "claude-code",
                "src/pay.py",
                "ai",
                null,
                3,
                3)
            + "\n";
    AgentTraceRecords.Read read = AgentTraceRecords.read(jsonl, REPO);
    assertEquals(4, read.records());
    assertEquals(2, read.events().size());
    JsonNode first = read.events().get(0).dataTree();
    assertEquals(14, first.get("files").get(0).get("aiLines").asInt());
    assertEquals("1-12,20-21", first.get("files").get(0).get("ranges").asText());
    // the tool name of the reference hook is the agent pattern's tool id
    assertEquals("claude_code", first.get("tool").asText());
    // the revision's latest record
    assertEquals("2026-03-02T09:07:00Z", read.events().get(0).occurredAt().toString());
    assertEquals(1, read.events().get(1).dataTree().get("files").get(0).get("aiLines").asInt());
    assertFalse(read.events().get(1).dataTree().has("model"));
  }

  @Test
  void aRangesOwnContributorOverridesItsConversationsAndOnlyAiLinesCount() throws Exception {
    // conversation ai over 1..20, of which 6..10 handed to a human; mixed 30..39 and unknown
    // 40..49 are not AI; a file named with human lines only counts 0 AI lines:
    // 1..5 + 11..20 = 15 lines
    String json =
        """
        [{"version":"1.0","id":"55555555-5555-4555-8555-555555555555",
          "timestamp":"2026-03-04T12:00:00+01:00",
          "vcs":{"type":"git","revision":"A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6E7F8A9B0"},
          "files":[
            {"path":"src/a.py","conversations":[
              {"contributor":{"type":"ai"},
               "ranges":[{"start_line":1,"end_line":20},
                         {"start_line":6,"end_line":10,"contributor":{"type":"human"}}]},
              {"contributor":{"type":"mixed"},"ranges":[{"start_line":30,"end_line":39}]},
              {"ranges":[{"start_line":40,"end_line":49}]}]},
            {"path":"README.md","conversations":[
              {"contributor":{"type":"human"},"ranges":[{"start_line":1,"end_line":3}]}]}]}]
        """;
    AgentTraceRecords.Read read = AgentTraceRecords.read(json, REPO);
    JsonNode data = read.events().get(0).dataTree();
    // an upper-case sha is the same commit
    assertEquals(SHA, data.get("sha").asText());
    assertEquals("2026-03-04T11:00:00Z", read.events().get(0).occurredAt().toString());
    assertEquals(15, data.get("files").get(0).get("aiLines").asInt());
    assertEquals("1-5,11-20", data.get("files").get(0).get("ranges").asText());
    assertEquals("README.md", data.get("files").get(1).get("path").asText());
    assertEquals(0, data.get("files").get(1).get("aiLines").asInt());
    assertFalse(data.get("files").get(1).has("ranges"));
  }

  @Test
  void everyProblemIsNamedByRecordAndFieldAndNothingIsRead() {
    String jsonl =
        // the specification's minimal record has no vcs: it cannot be tied to a commit
        """
        {"version":"0.1.0","id":"550e8400-e29b-41d4-a716-446655440000","timestamp":"2026-01-25T10:00:00Z","files":[{"path":"src/app.ts","conversations":[{"contributor":{"type":"ai"},"ranges":[{"start_line":1,"end_line":50}]}]}]}
        {"version":"1.0","id":"j","timestamp":"2026-01-25T10:00:00Z","vcs":{"type":"jj","revision":"kkmpptxz"},"files":[]}
        {"version":"v1","id":"x","timestamp":"yesterday","vcs":{"type":"git","revision":"abc123"},"files":[{"path":"a","conversations":[{"contributor":{"type":"robot"},"ranges":[{"start_line":9,"end_line":4},{"start_line":0,"end_line":"3"}]}]}]}
        """
            + record("1.0", "ok", "2026-03-02T09:00:00Z", SHA, "cursor", "b.py", "ai", null, 1, 2);
    AgentTraceRecords.Unreadable refused =
        assertThrows(AgentTraceRecords.Unreadable.class, () -> AgentTraceRecords.read(jsonl, REPO));
    List<String> problems = refused.problems();
    assertTrue(
        problems.contains(
            "record 1 (line 1), id 550e8400-e29b-41d4-a716-446655440000: vcs: missing — a record"
                + " must name the git revision it describes"),
        problems::toString);
    assertTrue(
        problems.contains(
            "record 2 (line 2), id j: vcs.type: 'jj' — only git revisions can be tied to commits"),
        problems::toString);
    assertTrue(
        problems.contains("record 3 (line 3), id x: version: 'v1' is no version like 0.1.0 or 1.0"),
        problems::toString);
    assertTrue(
        problems.contains(
            "record 3 (line 3), id x: timestamp: 'yesterday' is no RFC 3339 date-time"),
        problems::toString);
    assertTrue(
        problems.contains(
            "record 3 (line 3), id x: vcs.revision: not a full git commit sha (40 hex digits)"),
        problems::toString);
    assertTrue(
        problems.contains(
            "record 3 (line 3), id x: files[0].conversations[0].contributor.type: 'robot' — one of"
                + " ai, human, mixed, unknown"),
        problems::toString);
    assertTrue(
        problems.contains(
            "record 3 (line 3), id x: files[0].conversations[0].ranges[0].end_line: 4 is before"
                + " start_line 9"),
        problems::toString);
    assertTrue(
        problems.contains(
            "record 3 (line 3), id x: files[0].conversations[0].ranges[1].start_line: 0 is outside"
                + " 1..10000000"),
        problems::toString);
    assertTrue(
        problems.contains(
            "record 3 (line 3), id x: files[0].conversations[0].ranges[1].end_line: missing or not"
                + " a whole number"),
        problems::toString);
    assertEquals(9, problems.size(), problems::toString);
  }

  @Test
  void brokenJsonEmptyInputAndAnIllFormedRepositoryAreRefused() {
    AgentTraceRecords.Unreadable broken =
        assertThrows(
            AgentTraceRecords.Unreadable.class,
            () ->
                AgentTraceRecords.read(
                    record("1.0", "a", "2026-03-02T09:00:00Z", SHA, null, "b.py", "ai", null, 1, 2)
                        + "\n{\"version\": \"1.0\", \"id\": ",
                    REPO));
    assertTrue(broken.problems().get(0).startsWith("line 2: not JSON: "), broken::getMessage);
    AgentTraceRecords.Unreadable empty =
        assertThrows(AgentTraceRecords.Unreadable.class, () -> AgentTraceRecords.read(" \n", REPO));
    assertEquals(List.of("no trace record found"), empty.problems());
    // the repository is checked before any record: it names the events of every commit
    IllegalArgumentException badRepo =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AgentTraceRecords.read(
                    record("1.0", "a", "2026-03-02T09:00:00Z", SHA, null, "b.py", "ai", null, 1, 2),
                    "not a repository"));
    assertEquals("repo: 'not a repository' is not owner/name", badRepo.getMessage());
  }

  @Test
  void pathsModelsAndLinesPastTheContractsLimitsAreRefused() {
    String longPath = "src/" + "a".repeat(1_000);
    String longModel = "m".repeat(251);
    AgentTraceRecords.Unreadable refused =
        assertThrows(
            AgentTraceRecords.Unreadable.class,
            () ->
                AgentTraceRecords.read(
                    record(
                            "1.0",
                            "a",
                            "2026-03-02T09:00:00Z",
                            SHA,
                            null,
                            longPath,
                            "ai",
                            null,
                            1,
                            2)
                        + "\n"
                        + record(
                            "1.0",
                            "b",
                            "2026-03-02T09:00:00Z",
                            SHA,
                            null,
                            "b.py",
                            "ai",
                            longModel,
                            1,
                            10_000_001),
                    REPO));
    assertEquals(
        List.of(
            "record 1 (line 1), id a: files[0].path: blank or longer than 1000 characters",
            "record 2 (line 2), id b: files[0].conversations[0].contributor.model_id: longer than"
                + " 250 characters",
            "record 2 (line 2), id b: files[0].conversations[0].ranges[0].end_line: 10000001 is"
                + " outside 1..10000000"),
        refused.problems());
  }

  static String record(
      String version,
      String id,
      String timestamp,
      String sha,
      String tool,
      String path,
      String type,
      String model,
      int from,
      int to) {
    return "{\"version\":\""
        + version
        + "\",\"id\":\""
        + id
        + "\",\"timestamp\":\""
        + timestamp
        + "\",\"vcs\":{\"type\":\"git\",\"revision\":\""
        + sha
        + "\"}"
        + (tool == null ? "" : ",\"tool\":{\"name\":\"" + tool + "\"}")
        + ",\"files\":[{\"path\":\""
        + path
        + "\",\"conversations\":[{\"url\":\"file:///tmp/transcript.jsonl\",\"contributor\":{\"type\":\""
        + type
        + "\""
        + (model == null ? "" : ",\"model_id\":\"" + model + "\"")
        + "},\"ranges\":[{\"start_line\":"
        + from
        + ",\"end_line\":"
        + to
        + "}]}]}]}";
  }
}
