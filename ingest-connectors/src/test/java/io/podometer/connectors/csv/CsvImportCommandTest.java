package io.podometer.connectors.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./podometer import csv} against a stand-in for Podometer's CSV route. */
class CsvImportCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<String> received = new ArrayList<>();
  private HttpServer server;
  private int status = 200;
  private String answer;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " | "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " | "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " | "
                  + body);
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int run(Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("PODOMETER_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    return CsvImportCommand.run(
        args,
        all,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void postsTheFileWithTheCliTokenAndPrintsWhatBecameOfIt() throws IOException {
    Path file = dir.resolve("deploys march.csv");
    Files.writeString(
        file,
        "deployment_id,service,environment,status,finished_at\n1,a,prod,success,2026-03-04\n");
    Files.writeString(dir.resolve("cli-token"), "pdm_cli\n");
    answer =
        "{\"kind\":\"deployments\",\"name\":\"deploys march.csv\",\"rows\":1,\"events\":1,"
            + "\"accepted\":1,\"duplicates\":0,\"revisions\":0,"
            + "\"warnings\":[\"service 'a' (first on line 2) is not in the organization model\"]}";
    int code = run(Map.of("PODOMETER_DATA", dir.toString()), "deployments", file.toString());
    assertEquals(0, code, err.toString());
    assertEquals(
        List.of(
            "POST /api/sources/csv/deployments?name=deploys+march.csv | Bearer pdm_cli"
                + " | text/csv; charset=utf-8 | deployment_id,service,environment,status,finished_at\n"
                + "1,a,prod,success,2026-03-04\n"),
        received);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        printed.startsWith(
            "deploys march.csv: 1 rows, 1 events: 1 accepted, 0 duplicates, 0 revisions\n"
                + "  warning: service 'a'"),
        printed);
  }

  @Test
  void membersGoAsTheAdminAndTheNewModelVersionIsPrinted() throws IOException {
    Path file = dir.resolve("members.csv");
    Files.writeString(file, "member_id,name\nmo,Mo\n");
    Files.writeString(dir.resolve("admin-password"), "s3cret\n");
    answer =
        "{\"kind\":\"members\",\"name\":\"people\",\"rows\":1,\"orgVersion\":7,\"orgChanged\":true,"
            + "\"members\":{\"added\":[\"mo\"],\"updated\":[],\"moved\":[],\"podsAdded\":[]}}";
    int code =
        run(
            Map.of("PODOMETER_DATA", dir.toString()),
            "members",
            file.toString(),
            "--name",
            "people");
    assertEquals(0, code, err.toString());
    assertTrue(
        received.get(0).contains("?name=people | Basic YWRtaW46czNjcmV0 |"), received.toString());
    assertEquals(
        "people: 1 rows; organization model version 7 stored (1 members added, 0 updated, 0 moved,"
            + " pods added: none)\n",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aRefusalPrintsTheServersReasonsAndExitsOne() throws IOException {
    Path file = dir.resolve("m.csv");
    Files.writeString(file, "member,week,hours\nana,2026-W10,200\n");
    status = 400;
    answer =
        "{\"title\":\"Invalid CSV\",\"status\":400,\"detail\":\"2 problems; nothing was stored\","
            + "\"errors\":[{\"message\":\"line 2, column hours: must be between 0 and 168\"},"
            + "{\"message\":\"line 3: has 2 values; the header has 3 columns\"}]}";
    int code = run(Map.of("PODOMETER_TOKEN", "pdm_x"), "meetings", file.toString());
    assertEquals(1, code);
    String printed = err.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("refused (400): 2 problems; nothing was stored"), printed);
    assertTrue(printed.contains("  line 2, column hours: must be between 0 and 168\n"), printed);
    assertTrue(printed.contains("nothing of the file was stored"), printed);
  }

  @Test
  void badArgumentsAMissingFileAndAnUnreachableServerHaveTheirExitCodes() throws IOException {
    Map<String, String> token = Map.of("PODOMETER_TOKEN", "pdm_x");
    assertEquals(2, run(token));
    assertEquals(2, run(token, "rotas", "x.csv"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown kind 'rotas'"));
    assertEquals(2, run(token, "incidents", dir.resolve("nope.csv").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no file "));
    Path file = dir.resolve("i.csv");
    Files.writeString(file, "incident_id,service,opened_at\nI-1,a,2026-03-04\n");
    // no token anywhere
    assertEquals(2, run(Map.of("PODOMETER_DATA", dir.toString()), "incidents", file.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no API token"));
    server.stop(0);
    Map<String, String> gone = new HashMap<>(token);
    gone.put("PODOMETER_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    assertEquals(1, run(gone, "incidents", file.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot reach"), err.toString());
    assertEquals(0, run(token, "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: ./podometer import csv"));
  }
}
