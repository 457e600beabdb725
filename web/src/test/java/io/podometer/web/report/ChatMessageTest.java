package io.podometer.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report posted to a chat: whole when it fits, else cut at a line saying where the rest is. */
class ChatMessageTest {

  private static final WeeklyReport REPORT =
      new WeeklyReport(
          "org",
          "Acme",
          "2026-W47",
          "2026-11-16",
          2,
          Instant.EPOCH,
          "scheduler",
          null,
          List.of(),
          List.of(),
          null,
          null,
          List.of(),
          null,
          List.of(),
          List.of(),
          List.of());

  @Test
  void aReportThatFitsIsPostedWhole() {
    String markdown = "# Weekly learn-and-kill report\n- one\n- two\n";
    assertEquals(markdown, WeeklyReportService.forChat(markdown, REPORT, 100));
  }

  @Test
  void aLongReportIsCutAtALineAndSaysWhereTheRestIs() {
    StringBuilder markdown = new StringBuilder("# Weekly learn-and-kill report\n");
    for (int i = 0; i < 100; i++) {
      markdown.append("- bet ").append(i).append(" owned by someone\n");
    }
    String message = WeeklyReportService.forChat(markdown.toString(), REPORT, 1_000);
    assertTrue(message.length() <= 1_000, message.length() + " characters");
    String[] lines = message.split("\n");
    assertTrue(
        lines[lines.length - 2].matches("- bet \\d+ owned by someone"), lines[lines.length - 2]);
    assertEquals(
        "… the report goes on: /reports/weekly?scope=org&week=2026-W47&revision=2 (or ./podometer"
            + " report weekly --scope org --week 2026-W47)",
        lines[lines.length - 1]);
  }
}
