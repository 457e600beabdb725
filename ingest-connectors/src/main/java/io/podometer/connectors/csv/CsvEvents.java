package io.podometer.connectors.csv;

import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.org.OrgModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file of deployments, incidents or meeting hours as canonical events ({@code "source":
 * "csv"}, ids as docs/EVENTS.md's templates, so a re-import gives the same ids: duplicates, nothing
 * doubled). The whole file is checked first: one bad cell and none of it is used.
 */
public final class CsvEvents {

  /** The {@code source} of every event a CSV file gives. */
  public static final String SOURCE = "csv";

  /** What a file gave: its events, and warnings about values nothing in the model knows. */
  public record Batch(CsvKind kind, int rows, List<CanonicalEvent> events, List<String> warnings) {}

  /** How one kind's rows become events. */
  interface RowMapper {
    /** The row's events, or none after reporting its problems on the row. */
    List<CanonicalEvent> events(CsvRow row);

    /** Warnings once every row is mapped. */
    default List<String> warnings() {
      return List.of();
    }
  }

  private final EventCodec codec;
  private final OrgModel org;

  /**
   * @param codec the contract the events are checked against (with the server's time horizon)
   * @param org the model in force: its time zone reads dates without an offset, its services and
   *     members tell which values nothing knows yet
   */
  public CsvEvents(EventCodec codec, OrgModel org) {
    this.codec = codec;
    this.org = org;
  }

  /**
   * @throws CsvRejected naming every bad line, column and rule; nothing of the file is to be used
   * @throws IllegalArgumentException for the members kind, which is no events (see {@link
   *     MembersImport})
   */
  public Batch map(CsvTable table) {
    CsvMoments moments = new CsvMoments(org.org().timeZone());
    CanonicalEventBuilder builder = new CanonicalEventBuilder(codec, SOURCE);
    RowMapper mapper =
        switch (table.kind()) {
          case DEPLOYMENTS -> new DeploymentRows(builder, moments, org);
          case INCIDENTS -> new IncidentRows(builder, moments, org);
          case MEETINGS -> new MeetingRows(builder, moments, org);
          case MEMBERS ->
              throw new IllegalArgumentException("a members file changes the model, not events");
        };
    List<CanonicalEvent> events = new ArrayList<>();
    Map<String, Integer> lineOfKey = new HashMap<>();
    for (CsvRow row : table.rows()) {
      int before = row.problemCount();
      List<CanonicalEvent> rowEvents = mapper.events(row);
      if (row.problemCount() > before) {
        continue;
      }
      if (rowEvents.isEmpty()) {
        continue;
      }
      // two rows of one file about the same fact contradict each other, or one repeats the other
      FactKey fact = rowEvents.get(0).factKey();
      Integer earlier = lineOfKey.putIfAbsent(fact.toString(), row.line());
      if (earlier != null) {
        row.problem(null, "the same " + describe(fact) + " as line " + earlier);
        continue;
      }
      events.addAll(rowEvents);
      if (row.problemCount() >= CsvRejected.MAX_PROBLEMS) {
        break;
      }
    }
    table.stopOnProblems();
    return new Batch(table.kind(), table.rows().size(), events, mapper.warnings());
  }

  private static String describe(FactKey fact) {
    String kind = fact.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return kind + " '" + fact.key() + "'";
  }

  /** Values of a column that name nothing in the model, with the first line of each. */
  static final class Unknown {
    private final Map<String, Integer> firstLine = new LinkedHashMap<>();

    void seen(String value, int line) {
      firstLine.putIfAbsent(value, line);
    }

    Map<String, Integer> firstLines() {
      return firstLine;
    }

    List<String> warnings(String what, String consequence) {
      return firstLine.entrySet().stream()
          .map(
              e ->
                  what
                      + " '"
                      + e.getKey()
                      + "' (first on line "
                      + e.getValue()
                      + ") is not in the organization model: "
                      + consequence)
          .toList();
    }
  }
}
