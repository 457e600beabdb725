package io.podometer.connectors.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** git-ai's authorship log (authorship/3.0.0) as its standard writes it, and what is refused. */
class AuthorshipLogTest {

  static final String META =
      """
      {"schema_version":"authorship/3.0.0","base_commit_sha":"7734793b","prompts":{
        "abcd1234abcd1234":{"agent_id":{"tool":"cursor","id":"s1","model":"claude-4.5-opus"},"messages":[],
          "total_additions":25,"total_deletions":5,"accepted_lines":20,"overriden_lines":0},
        "efab5678efab5678":{"agent_id":{"tool":"copilot","id":"s2","model":"gpt-5"},"messages":[],
          "total_additions":6,"total_deletions":0,"accepted_lines":6,"overriden_lines":0},
        "1234567":{"agent_id":{"tool":"claude","id":"s3"},"messages":[],
          "total_additions":1,"total_deletions":0,"accepted_lines":1,"overriden_lines":0}}}
      """;

  @Test
  void theStandardsExampleWithAQuotedPathAndAnOldShortKey() throws Exception {
    AuthorshipLog log =
        AuthorshipLog.parse(
            """
            src/main.rs
              abcd1234abcd1234 1-10,15-20
              efab5678efab5678 25,30-35
            "src/my file.rs"
              abcd1234abcd1234 1-50
              1234567 50-51
            ---
            """
                + META);
    // main.rs: 10 + 6 + 1 + 6 = 23; my file.rs: 1-50 ∪ 50-51 = 51
    assertEquals(23, log.files().get("src/main.rs").lines());
    assertEquals("1-10,15-20,25,30-35", log.files().get("src/main.rs").toString());
    assertEquals(51, log.files().get("src/my file.rs").lines());
    // per tool: cursor 16 + 50 = 66, copilot 1 + 6 = 7, claude_code 50-51 = 2 (line 50 is
    // cursor's too: a tool counts its lines, the file counts each line once)
    assertEquals(Map.of("cursor", 66L, "copilot", 7L, "claude_code", 2L), log.linesByTool());
    assertEquals("cursor", log.tool());
    assertEquals("claude-4.5-opus", log.model());
  }

  @Test
  void aSessionTheMetadataDoesNotNameHasNoTool() throws Exception {
    AuthorshipLog log =
        AuthorshipLog.parse(
            "a.txt\n  ffffffffffffffff 1-3\n---\n"
                + "{\"schema_version\":\"authorship/3.0.0\",\"base_commit_sha\":\"x\",\"prompts\":{}}");
    assertEquals(3, log.files().get("a.txt").lines());
    assertNull(log.tool());
  }

  @Test
  void whatIsNotTheFormatIsNamed() {
    assertTrue(
        assertThrows(AuthorshipLog.Unreadable.class, () -> AuthorshipLog.parse("a.txt\n  k 1-2\n"))
            .getMessage()
            .contains("'---'"));
    assertTrue(
        assertThrows(
                AuthorshipLog.Unreadable.class,
                () -> AuthorshipLog.parse("a.txt\n  k 4-2\n---\n" + META))
            .getMessage()
            .startsWith("line 2: '4-2'"));
    assertTrue(
        assertThrows(
                AuthorshipLog.Unreadable.class, () -> AuthorshipLog.parse("  k 1\n---\n" + META))
            .getMessage()
            .contains("before any file path"));
    assertTrue(
        assertThrows(
                AuthorshipLog.Unreadable.class,
                () ->
                    AuthorshipLog.parse(
                        "a\n  k 1\n---\n{\"schema_version\":\"authorship/2.0.0\",\"prompts\":{}}"))
            .getMessage()
            .contains("authorship/2.0.0"));
    assertTrue(
        assertThrows(AuthorshipLog.Unreadable.class, () -> AuthorshipLog.parse("a\n  k 1\n---\n{"))
            .getMessage()
            .startsWith("metadata is no JSON"));
  }
}
