package io.podometer.connectors.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a CSV file: its header, its rows and their lines, and what is not CSV at all. */
class CsvTableTest {

  private static List<String> problems(String text, CsvKind kind) {
    CsvRejected e = assertThrows(CsvRejected.class, () -> CsvTable.parse(text, kind));
    return e.problems().stream().map(CsvProblem::toString).toList();
  }

  @Test
  void headersAreCaseInsensitiveOptionalColumnsMayBeAbsentAndRowsKeepTheirLines() {
    String text =
        "\uFEFFDeployment_ID, Service ,environment,STATUS,finished_at\r\n"
            + "7731,shop-api,production,success,2026-03-04T16:00:00Z\r\n"
            + "\r\n"
            + "\"7732\",\"shop, the api\",production,failure,\"2026-03-05\n"
            + "\"\n"
            + "7733,shop-api,production,success,2026-03-06\n";
    CsvTable table = CsvTable.parse(text, CsvKind.DEPLOYMENTS);
    assertEquals(
        List.of("deployment_id", "service", "environment", "status", "finished_at"),
        table.header());
    assertEquals(3, table.rows().size());
    // a blank line is skipped; a quoted value may hold a comma and a line break
    assertEquals(List.of(2, 4, 6), table.rows().stream().map(CsvRow::line).toList());
    assertEquals("shop, the api", table.rows().get(1).text("service"));
    assertEquals(null, table.rows().get(0).text("sha"));
  }

  @Test
  void anUnknownMisspeltOrRepeatedColumnAndAMissingRequiredOneAreRefusedByName() {
    List<String> problems =
        problems(
            "deployment_id,service,enviroment,status,status\n1,a,prod,success,success\n",
            CsvKind.DEPLOYMENTS);
    assertTrue(
        problems.get(0).startsWith("line 1, column enviroment: unknown column"),
        problems.toString());
    assertTrue(
        problems.contains("line 1, column status: named twice in the header"), problems.toString());
    assertTrue(
        problems.contains("line 1, column environment: required column missing from the header"),
        problems.toString());
    assertTrue(
        problems.contains("line 1, column finished_at: required column missing from the header"),
        problems.toString());
  }

  @Test
  void aRowWithTooFewOrTooManyValuesIsNamedByItsLine() {
    List<String> problems =
        problems(
            "member,week,hours\nana@acme.example,2026-W10\nbo,2026-W10,3,4\n", CsvKind.MEETINGS);
    assertEquals(
        List.of(
            "line 2: has 2 values; the header has 3 columns",
            "line 3: has 4 values; the header has 3 columns"),
        problems);
  }

  @Test
  void anUnbalancedQuoteIsNotCsv() {
    List<String> problems =
        problems("member,week,hours\nana,2026-W10,3\n\"bo,2026-W10,4\n", CsvKind.MEETINGS);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("line "), problems.toString());
    assertTrue(problems.get(0).contains("not well-formed CSV"), problems.toString());
  }

  @Test
  void anEmptyFileOrAHeaderAloneIsRefused() {
    assertTrue(problems("", CsvKind.MEETINGS).get(0).startsWith("no header row"));
    assertEquals(
        List.of("no rows after the header"), problems("member,week,hours\n", CsvKind.MEETINGS));
  }

  @Test
  void bytesThatAreNotUtf8AndNulCharactersAreNamedByLine() {
    byte[] latin1 =
        "member,week,hours\nJos\u00e9,2026-W10,3\n".getBytes(StandardCharsets.ISO_8859_1);
    CsvRejected notUtf8 = assertThrows(CsvRejected.class, () -> CsvText.decode(latin1));
    assertEquals("line 2: not valid UTF-8 at byte 21", notUtf8.problems().get(0).toString());
    CsvRejected nul =
        assertThrows(
            CsvRejected.class,
            () ->
                CsvText.decode(
                    "member,week,hours\n\nana\u0000,2026-W10,3\n"
                        .getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        "line 3: a NUL character (U+0000) is not allowed", nul.problems().get(0).toString());
    assertEquals("a,b", CsvText.decode("\uFEFFa,b".getBytes(StandardCharsets.UTF_8)));
  }
}
