package io.podometer.connectors.csv;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A CSV file of one kind, read whole and checked before anything of it is used: a header row first
 * (names case-insensitive, each known to the kind, none twice, every required one present), then
 * rows of exactly as many values as the header has columns. Fields are comma-separated and may be
 * quoted with {@code "} (a quote inside doubled); blank lines are skipped. Every problem is
 * reported with its line, up to {@link CsvRejected#MAX_PROBLEMS}.
 */
public final class CsvTable {

  private static final CsvMapper MAPPER = new CsvMapper();

  private final CsvKind kind;
  private final List<String> header;
  private final List<CsvRow> rows;
  private final List<CsvProblem> problems;

  private CsvTable(
      CsvKind kind, List<String> header, List<CsvRow> rows, List<CsvProblem> problems) {
    this.kind = kind;
    this.header = header;
    this.rows = rows;
    this.problems = problems;
  }

  /**
   * @throws CsvRejected when the text is not well-formed CSV or its header does not fit the kind
   */
  public static CsvTable parse(String text, CsvKind kind) {
    List<CsvProblem> problems = new ArrayList<>();
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    read(text.startsWith("\uFEFF") ? text.substring(1) : text, records, lines);
    if (records.isEmpty()) {
      throw new CsvRejected(
          0, null, "no header row (the first line names the columns: " + names(kind) + ")");
    }
    List<String> header = header(kind, records.get(0), lines.get(0), problems);
    List<CsvRow> rows = new ArrayList<>();
    for (int i = 1; i < records.size() && problems.size() < CsvRejected.MAX_PROBLEMS; i++) {
      List<String> values = records.get(i);
      int line = lines.get(i);
      if (values.size() != header.size()) {
        problems.add(
            new CsvProblem(
                line,
                null,
                "has " + values.size() + " values; the header has " + header.size() + " columns"));
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        cells.put(header.get(c), values.get(c).strip());
      }
      rows.add(new CsvRow(line, cells, problems));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new CsvProblem(0, null, "no rows after the header"));
    }
    CsvTable table = new CsvTable(kind, header, rows, problems);
    table.stopOnProblems();
    return table;
  }

  public CsvKind kind() {
    return kind;
  }

  /** The columns the file has, as normalized names, in file order. */
  public List<String> header() {
    return header;
  }

  public List<CsvRow> rows() {
    return rows;
  }

  public boolean hasColumn(String column) {
    return header.contains(column);
  }

  /** Problems reported by rows as they were read; a mapper adds its own and then stops on them. */
  List<CsvProblem> problems() {
    return problems;
  }

  /** Refuses the file when any problem was reported. */
  void stopOnProblems() {
    if (problems.isEmpty()) {
      return;
    }
    List<CsvProblem> reported = new ArrayList<>(problems);
    reported.sort(
        java.util.Comparator.comparingInt(CsvProblem::line)
            .thenComparing(p -> p.column() == null ? "" : p.column()));
    if (reported.size() > CsvRejected.MAX_PROBLEMS) {
      reported = new ArrayList<>(reported.subList(0, CsvRejected.MAX_PROBLEMS));
      reported.add(
          new CsvProblem(0, null, "more than " + CsvRejected.MAX_PROBLEMS + " problems; stopped"));
    }
    throw new CsvRejected(reported);
  }

  private static void read(String text, List<List<String>> records, List<Integer> lines) {
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(',').withQuoteChar('"');
    int line = 1;
    LineStarts starts = lines(text);
    try (CsvParser parser = (CsvParser) MAPPER.reader(schema).createParser(text)) {
      parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      List<String> record = null;
      int first = 1;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        // by character offset: the parser's own line count leaves out breaks inside quotes;
        // a row's line is that of its first value (its start token lies at the previous row's end)
        line = starts.lineAt(parser.currentTokenLocation().getCharOffset());
        if (token == JsonToken.START_ARRAY) {
          record = new ArrayList<>();
        } else if (token == JsonToken.END_ARRAY) {
          if (!record.isEmpty() && !(record.size() == 1 && record.get(0).isBlank())) {
            records.add(record);
            lines.add(first);
          }
          record = null;
        } else if (record != null && token == JsonToken.VALUE_STRING) {
          if (record.isEmpty()) {
            first = line;
          }
          record.add(parser.getText());
        }
      }
    } catch (JsonParseException e) {
      int at = e.getLocation() == null ? line : starts.lineAt(e.getLocation().getCharOffset());
      throw new CsvRejected(at, null, "not well-formed CSV: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CsvRejected(line, null, "not well-formed CSV: " + e.getMessage());
    }
  }

  /** Where each physical line of the text starts, to name the line of a character offset. */
  private record LineStarts(int[] starts) {
    int lineAt(long offset) {
      int found = java.util.Arrays.binarySearch(starts, (int) Math.max(0, offset));
      return found >= 0 ? found + 1 : -found - 1;
    }
  }

  private static LineStarts lines(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return new LineStarts(starts.stream().mapToInt(Integer::intValue).toArray());
  }

  private static List<String> header(
      CsvKind kind, List<String> names, int line, List<CsvProblem> problems) {
    Set<String> known = kind.columns().stream().map(CsvColumn::name).collect(Collectors.toSet());
    Map<String, Integer> seen = new HashMap<>();
    List<String> header = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip().toLowerCase(Locale.ROOT);
      header.add(name);
      if (name.isEmpty()) {
        problems.add(
            new CsvProblem(line, null, "column " + (i + 1) + " of the header has no name"));
      } else if (!known.contains(name)) {
        problems.add(
            new CsvProblem(
                line,
                names.get(i).strip(),
                "unknown column (a " + kind.wireName() + " file has " + names(kind) + ")"));
      } else if (seen.putIfAbsent(name, i + 1) != null) {
        problems.add(new CsvProblem(line, name, "named twice in the header"));
      }
    }
    for (CsvColumn column : kind.columns()) {
      if (column.required() && !header.contains(column.name())) {
        problems.add(
            new CsvProblem(line, column.name(), "required column missing from the header"));
      }
    }
    return header;
  }

  private static String names(CsvKind kind) {
    return kind.columns().stream()
        .map(c -> c.name() + (c.required() ? "" : " (optional)"))
        .collect(Collectors.joining(", "));
  }
}
