package io.podometer.connectors.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SimulateCommand.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void writesOneCompactEventPerLineAndTheOrganizationToAFile(@TempDir Path dir) throws Exception {
    Path org = dir.resolve("org.yaml");
    int status =
        run(
            "--engineers",
            "12",
            "--weeks",
            "2",
            "--seed",
            "5",
            "--now",
            "2026-03-04T12:00:00Z",
            "--org-out",
            org.toString());
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\n"));
    String[] lines = text.split("\n");
    assertTrue(lines.length > 500, "lines " + lines.length);
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode event = json.readTree(line);
      assertEquals(line, json.writeValueAsString(event), "compact JSON");
      assertTrue(EventContract.violations(event).isEmpty(), line);
    }
    assertTrue(text.contains("\uD83E\uDD16 Generated with [Claude Code]"), "UTF-8, not escaped");
    JsonNode yaml = new YAMLMapper().readTree(Files.readString(org));
    assertEquals(3, yaml.get("pods").size());
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void sameArgumentsSameBytes() {
    String[] args = {"--engineers", "12", "--weeks", "1", "--now", "2026-03-04T12:00:00Z"};
    run(args);
    byte[] first = out.toByteArray();
    out.reset();
    run(args);
    assertEquals(new String(first, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void badArgumentsExitWithTwoAndAMessageOnStderrOnly() {
    assertEquals(2, run("--engineers", "many"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains("--engineers must be a whole number, got 'many'"));
    assertEquals(2, run("--weeks", "0"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("weeks must be between 1 and 260"));
    assertEquals(2, run("--colour", "blue"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --colour"));
    assertEquals(2, run("--seed"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--seed needs a value"));
    assertEquals(2, run("--now", "yesterday"));
    assertEquals(2, run("stray"));
    assertEquals(0, out.size(), "nothing on stdout");
  }

  @Test
  void helpDescribesTheOptions() {
    assertEquals(0, run("--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : new String[] {"--engineers", "--weeks", "--seed", "--org-out", "--now"}) {
      assertTrue(help.contains(option), option);
    }
  }
}
