package io.podometer.connectors.agenttrace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.commits.AgentToolNames;
import io.podometer.connectors.commits.LineRanges;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventLimits;
import io.podometer.engine.event.EventProblem;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Agent Trace records — a JSON array, one record, or JSON Lines as the reference implementation
 * appends them to {@code .agent-trace/traces.jsonl} — read into one {@code commit.attribution}
 * event per git revision they name: each file's lines of contributor type {@code ai} (a range's own
 * contributor overriding its conversation's), united across the revision's records and
 * conversations so that a line counts once, with the tool and model behind most of them. A line any
 * record of the revision names {@code human} or {@code mixed} (human-edited AI output, or the
 * reverse) is not counted as AI, whatever else names it — a lower bound, as trailers are; {@code
 * unknown} lines are not AI either. A file named only with lines that are not AI counts 0. The
 * whole input is checked first: one record that breaks the format and nothing is read, every
 * problem named by record and field.
 */
public final class AgentTraceRecords {

  /** Longer than any source file: a range past it is a mistake, not a file. */
  static final int MAX_LINE = 10_000_000;

  private static final int PROBLEMS_SHOWN = 50;
  private static final ObjectMapper JSON = EventCodec.mapper();
  // 0.1.0 in the specification's own example, 1.0 in its schema's pattern and reference code
  private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+(\\.[0-9]+)?");
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Set<String> CONTRIBUTOR_TYPES = Set.of("human", "ai", "mixed", "unknown");
  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  /**
   * The repository records are read for, stripped.
   *
   * @throws IllegalArgumentException naming {@code repo} when it is not {@code owner/name}
   */
  public static String repository(String repo) {
    if (repo == null || !REPOSITORY.matcher(repo.strip()).matches()) {
      throw new IllegalArgumentException(
          "repo: " + (repo == null ? "missing" : "'" + repo + "' is not owner/name"));
    }
    return repo.strip();
  }

  /** Input that breaks the format: every problem, by record and field. */
  public static final class Unreadable extends Exception {
    private final List<String> problems;

    Unreadable(List<String> problems) {
      super(
          problems.size()
              + " problem"
              + (problems.size() == 1 ? "" : "s")
              + " in the Agent Trace records: "
              + String.join("; ", problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())))
              + (problems.size() > PROBLEMS_SHOWN ? "; …" : ""));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** The events read, and how many records and revisions were behind them. */
  public record Read(List<CanonicalEvent> events, int records) {}

  /** What the records of one revision add up to. */
  private static final class Revision {
    final String sha;
    Instant latest;
    final Map<String, LineRanges> files = new LinkedHashMap<>();
    final Map<String, LineRanges> notAi = new HashMap<>();
    final Map<String, Long> linesByTool = new HashMap<>();
    final Map<String, Long> linesByModel = new HashMap<>();

    Revision(String sha) {
      this.sha = sha;
    }
  }

  private final CanonicalEventBuilder events;
  private final String repo;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Revision> revisions = new LinkedHashMap<>();

  private AgentTraceRecords(CanonicalEventBuilder events, String repo) {
    this.events = events;
    this.repo = repo;
  }

  /**
   * @param repo the repository ({@code owner/name}) the revisions are commits of: a record does not
   *     name it
   * @throws Unreadable naming every record and field that breaks the format
   * @throws IllegalArgumentException when {@code repo} is not {@code owner/name}
   */
  public static Read read(String text, String repo) throws Unreadable {
    AgentTraceRecords reader =
        new AgentTraceRecords(
            new CanonicalEventBuilder(new EventCodec(), "agent-trace"), repository(repo));
    int records = reader.readAll(text);
    if (reader.problems.isEmpty() && records == 0) {
      reader.problems.add("no trace record found");
    }
    List<CanonicalEvent> read = reader.problems.isEmpty() ? reader.events() : List.of();
    if (!reader.problems.isEmpty()) {
      throw new Unreadable(reader.problems);
    }
    return new Read(read, records);
  }

  private int readAll(String text) {
    int records = 0;
    try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(text)) {
      while (values.hasNextValue()) {
        JsonLocation at = values.getParser().currentTokenLocation();
        JsonNode value = values.nextValue();
        if (value.isArray()) {
          for (int i = 0; i < value.size(); i++) {
            record(value.get(i), "record " + (records + 1) + " ([" + i + "])");
            records++;
          }
        } else {
          record(value, "record " + (records + 1) + " (line " + at.getLineNr() + ")");
          records++;
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(
          (at == null ? "" : "line " + at.getLineNr() + ": ")
              + "not JSON: "
              + e.getOriginalMessage());
    } catch (IOException e) {
      problems.add("not JSON: " + e.getMessage());
    }
    return records;
  }

  private void record(JsonNode record, String where) {
    if (!record.isObject()) {
      problems.add(where + ": not a JSON object");
      return;
    }
    String id = record.path("id").isTextual() ? record.get("id").asText() : null;
    String label = id == null ? where : where + ", id " + CanonicalEventBuilder.upTo(id, 80);
    int before = problems.size();
    String version = text(record, "version", label);
    if (version != null && !VERSION.matcher(version).matches()) {
      problems.add(label + ": version: '" + version + "' is no version like 0.1.0 or 1.0");
    }
    if (id == null || id.isBlank()) {
      problems.add(label + ": id: missing");
    }
    Instant timestamp = timestamp(record, label);
    String sha = revision(record, label);
    String tool = null;
    if (record.path("tool").path("name").isTextual()
        && !record.get("tool").get("name").asText().isBlank()) {
      tool = AgentToolNames.toolId(record.get("tool").get("name").asText());
    }
    JsonNode files = record.get("files");
    if (files == null || !files.isArray()) {
      problems.add(label + ": files: missing or not an array");
      return;
    }
    List<Attributed> attributed = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      file(files.get(f), label + ": files[" + f + "]", attributed);
    }
    if (problems.size() > before || sha == null) {
      return;
    }
    Revision revision = revisions.computeIfAbsent(sha, Revision::new);
    if (revision.latest == null || timestamp.isAfter(revision.latest)) {
      revision.latest = timestamp;
    }
    for (Attributed a : attributed) {
      LineRanges lines = revision.files.computeIfAbsent(a.path, p -> new LineRanges());
      if (a.human) {
        revision.notAi.computeIfAbsent(a.path, p -> new LineRanges()).add(a.from, a.to);
      }
      if (a.ai) {
        lines.add(a.from, a.to);
        long count = (long) a.to - a.from + 1;
        if (tool != null) {
          revision.linesByTool.merge(tool, count, Long::sum);
        }
        if (a.model != null) {
          revision.linesByModel.merge(a.model, count, Long::sum);
        }
      }
    }
  }

  /** One range of a file, as its contributor left it. */
  private record Attributed(
      String path, int from, int to, boolean ai, boolean human, String model) {}

  private void file(JsonNode file, String where, List<Attributed> into) {
    if (!file.isObject()) {
      problems.add(where + ": not a JSON object");
      return;
    }
    String path = text(file, "path", where);
    if (path != null && (path.isBlank() || path.length() > EventLimits.PATH)) {
      problems.add(where + ".path: blank or longer than " + EventLimits.PATH + " characters");
      path = null;
    }
    JsonNode conversations = file.get("conversations");
    if (conversations == null || !conversations.isArray()) {
      problems.add(where + ".conversations: missing or not an array");
      return;
    }
    for (int c = 0; c < conversations.size(); c++) {
      String at = where + ".conversations[" + c + "]";
      JsonNode conversation = conversations.get(c);
      if (!conversation.isObject()) {
        problems.add(at + ": not a JSON object");
        continue;
      }
      String[] contributor = contributor(conversation.get("contributor"), at + ".contributor");
      JsonNode ranges = conversation.get("ranges");
      if (ranges == null || !ranges.isArray()) {
        problems.add(at + ".ranges: missing or not an array");
        continue;
      }
      for (int r = 0; r < ranges.size(); r++) {
        String rangeAt = at + ".ranges[" + r + "]";
        JsonNode range = ranges.get(r);
        Integer from = line(range, "start_line", rangeAt);
        Integer to = line(range, "end_line", rangeAt);
        if (from != null && to != null && to < from) {
          problems.add(rangeAt + ".end_line: " + to + " is before start_line " + from);
          continue;
        }
        String[] own = contributor(range.get("contributor"), rangeAt + ".contributor");
        String[] effective = own != null ? own : contributor;
        if (path != null && from != null && to != null) {
          into.add(
              new Attributed(
                  path,
                  from,
                  to,
                  effective != null && effective[0].equals("ai"),
                  effective != null
                      && (effective[0].equals("human") || effective[0].equals("mixed")),
                  effective == null ? null : effective[1]));
        }
      }
    }
  }

  /** {type, model_id or null}, or null when absent (a problem is noted when it is malformed). */
  private String[] contributor(JsonNode contributor, String where) {
    if (contributor == null || contributor.isNull()) {
      return null;
    }
    String type = contributor.path("type").isTextual() ? contributor.get("type").asText() : null;
    if (type == null || !CONTRIBUTOR_TYPES.contains(type)) {
      problems.add(
          where
              + ".type: "
              + (type == null ? "missing" : "'" + type + "'")
              + " — one of ai, human, mixed, unknown");
      return null;
    }
    String model =
        contributor.path("model_id").isTextual() ? contributor.get("model_id").asText() : null;
    if (model != null && model.length() > 250) {
      problems.add(where + ".model_id: longer than 250 characters");
      model = null;
    }
    return new String[] {type, model == null || model.isBlank() ? null : model.strip()};
  }

  private Integer line(JsonNode range, String field, String where) {
    JsonNode value = range.get(field);
    if (value == null || !value.isIntegralNumber()) {
      problems.add(where + "." + field + ": missing or not a whole number");
      return null;
    }
    if (!value.canConvertToInt() || value.asInt() < 1 || value.asInt() > MAX_LINE) {
      problems.add(where + "." + field + ": " + value.asText() + " is outside 1.." + MAX_LINE);
      return null;
    }
    return value.asInt();
  }

  private Instant timestamp(JsonNode record, String where) {
    String text = text(record, "timestamp", where);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(where + ": timestamp: '" + text + "' is no RFC 3339 date-time");
      return null;
    }
  }

  /** The git commit the record describes; a trace without one cannot be tied to a commit. */
  private String revision(JsonNode record, String where) {
    JsonNode vcs = record.get("vcs");
    if (vcs == null || !vcs.isObject()) {
      problems.add(where + ": vcs: missing — a record must name the git revision it describes");
      return null;
    }
    String type = vcs.path("type").asText("");
    if (!type.equals("git")) {
      problems.add(
          where + ": vcs.type: '" + type + "' — only git revisions can be tied to commits");
      return null;
    }
    String revision = vcs.path("revision").asText("").strip().toLowerCase(Locale.ROOT);
    if (!SHA.matcher(revision).matches()) {
      problems.add(where + ": vcs.revision: not a full git commit sha (40 hex digits)");
      return null;
    }
    return revision;
  }

  private String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      problems.add(where + ": " + field + ": missing or not a string");
      return null;
    }
    return value.asText();
  }

  private List<CanonicalEvent> events() {
    List<CanonicalEvent> read = new ArrayList<>();
    List<EventProblem> contract = new ArrayList<>();
    for (Revision revision : revisions.values()) {
      revision.notAi.forEach((path, lines) -> lines.forEach(revision.files.get(path)::remove));
      ObjectNode data = CanonicalEventBuilder.data();
      data.put("sha", revision.sha);
      data.put("source", "line");
      String tool = most(revision.linesByTool);
      if (tool != null) {
        data.put("tool", CanonicalEventBuilder.upTo(tool, EventLimits.NAME));
      }
      String model = most(revision.linesByModel);
      if (model != null) {
        data.put("model", CanonicalEventBuilder.upTo(model, EventLimits.NAME));
      }
      ArrayNode files = data.putArray("files");
      revision.files.entrySet().stream()
          .limit(EventLimits.ITEMS)
          .forEach(
              file -> {
                ObjectNode entry =
                    files
                        .addObject()
                        .put("path", file.getKey())
                        .put("aiLines", (int) Math.min(Integer.MAX_VALUE, file.getValue().lines()));
                if (!file.getValue().isEmpty()) {
                  entry.put(
                      "ranges",
                      CanonicalEventBuilder.upTo(file.getValue().toString(), EventLimits.TEXT));
                }
              });
      CanonicalEvent event =
          events.build(
              "attribution:" + repo + "@" + revision.sha + ":line",
              "commit.attribution",
              revision.latest,
              repo,
              null,
              data,
              0,
              contract);
      if (event != null) {
        read.add(event);
      }
    }
    contract.forEach(p -> problems.add("revision event: " + p));
    return read;
  }

  /** The key with the most lines (the first in name order on a tie), or null. */
  private static String most(Map<String, Long> lines) {
    return lines.entrySet().stream()
        .max(
            Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElse(null);
  }
}
