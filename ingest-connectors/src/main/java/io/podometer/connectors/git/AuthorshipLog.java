package io.podometer.connectors.git;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.connectors.commits.AgentToolNames;
import io.podometer.connectors.commits.LineRanges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A git-ai authorship log (the note under {@code refs/notes/ai}, schema {@code authorship/3.0.0}):
 * file paths, each followed by {@code <session key> <line ranges>} lines indented by two spaces, a
 * {@code ---} line, then JSON metadata whose {@code prompts} name each session's agent tool and
 * model. Read into the AI lines of each file, a line named by several sessions counted once, and
 * the tool and model behind most of them.
 */
record AuthorshipLog(
    Map<String, LineRanges> files, String tool, String model, Map<String, Long> linesByTool) {

  static final String SCHEMA = "authorship/3.0.0";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A note this reader does not understand; the message says where. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message);
    }
  }

  static AuthorshipLog parse(String note) throws Unreadable {
    String[] lines = note.split("\\R", -1);
    int divider = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].equals("---")) {
        divider = i;
        break;
      }
    }
    if (divider < 0) {
      throw new Unreadable("no '---' line between attestations and metadata");
    }
    Map<String, String> toolBySession = new HashMap<>();
    Map<String, String> modelBySession = new HashMap<>();
    readPrompts(join(lines, divider + 1), toolBySession, modelBySession);

    Map<String, LineRanges> files = new LinkedHashMap<>();
    Map<String, Map<String, LineRanges>> sessionFiles = new HashMap<>();
    String file = null;
    for (int i = 0; i < divider; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      if (!line.startsWith(" ")) {
        file = unquote(line.strip());
        continue;
      }
      if (file == null) {
        throw new Unreadable("line " + (i + 1) + ": an attestation before any file path");
      }
      String entry = line.strip();
      int space = entry.indexOf(' ');
      if (space <= 0) {
        throw new Unreadable("line " + (i + 1) + ": no '<session> <ranges>' entry");
      }
      String session = entry.substring(0, space);
      try {
        files.computeIfAbsent(file, f -> new LineRanges()).add(entry.substring(space + 1));
        sessionFiles
            .computeIfAbsent(session, s -> new HashMap<>())
            .computeIfAbsent(file, f -> new LineRanges())
            .add(entry.substring(space + 1));
      } catch (IllegalArgumentException e) {
        throw new Unreadable("line " + (i + 1) + ": " + e.getMessage());
      }
    }
    // a tool's lines are the union over its sessions, so overlapping sessions count once
    Map<String, Map<String, LineRanges>> toolFiles = new TreeMap<>();
    Map<String, Map<String, LineRanges>> modelFiles = new TreeMap<>();
    sessionFiles.forEach(
        (session, byFile) -> {
          String tool = toolBySession.getOrDefault(session, "unknown");
          String model = modelBySession.get(session);
          byFile.forEach(
              (path, ranges) -> {
                merge(toolFiles.computeIfAbsent(tool, t -> new HashMap<>()), path, ranges);
                if (model != null) {
                  merge(modelFiles.computeIfAbsent(model, m -> new HashMap<>()), path, ranges);
                }
              });
        });
    Map<String, Long> linesByTool = new TreeMap<>();
    toolFiles.forEach((tool, byFile) -> linesByTool.put(tool, total(byFile)));
    return new AuthorshipLog(files, most(toolFiles), most(modelFiles), linesByTool);
  }

  private static void merge(Map<String, LineRanges> into, String path, LineRanges ranges) {
    into.computeIfAbsent(path, p -> new LineRanges()).add(ranges.toString());
  }

  private static long total(Map<String, LineRanges> byFile) {
    return byFile.values().stream().mapToLong(LineRanges::lines).sum();
  }

  /** The name with the most lines (ties: the first in name order), or null when none is known. */
  private static String most(Map<String, Map<String, LineRanges>> byName) {
    String best = null;
    long bestLines = -1;
    for (var entry : byName.entrySet()) {
      long lines = total(entry.getValue());
      if (!"unknown".equals(entry.getKey()) && lines > bestLines) {
        best = entry.getKey();
        bestLines = lines;
      }
    }
    return best;
  }

  private static void readPrompts(
      String metadata, Map<String, String> toolBySession, Map<String, String> modelBySession)
      throws Unreadable {
    JsonNode root;
    try {
      root = JSON.readTree(metadata);
    } catch (JsonProcessingException e) {
      throw new Unreadable("metadata is no JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new Unreadable("metadata is no JSON object");
    }
    String schema = root.path("schema_version").asText("");
    if (!schema.startsWith("authorship/3.")) {
      throw new Unreadable("schema_version '" + schema + "' is not " + SCHEMA);
    }
    root.path("prompts")
        .properties()
        .forEach(
            prompt -> {
              JsonNode agent = prompt.getValue().path("agent_id");
              String tool = agent.path("tool").asText(null);
              if (tool != null && !tool.isBlank()) {
                toolBySession.put(prompt.getKey(), toolId(tool));
              }
              String model = agent.path("model").asText(null);
              if (model != null && !model.isBlank()) {
                modelBySession.put(prompt.getKey(), model.strip());
              }
            });
  }

  /** The agent-pattern tool id for a git-ai tool name. */
  static String toolId(String gitAiTool) {
    return AgentToolNames.toolId(gitAiTool);
  }

  private static String unquote(String path) {
    if (path.length() >= 2 && path.startsWith("\"") && path.endsWith("\"")) {
      return path.substring(1, path.length() - 1);
    }
    return path;
  }

  private static String join(String[] lines, int from) {
    List<String> rest = new ArrayList<>();
    for (int i = from; i < lines.length; i++) {
      rest.add(lines[i]);
    }
    return String.join("\n", rest);
  }
}
