package io.podometer.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad-input example of README.md gets its documented status and stores nothing. */
@QuarkusTest
class ReadmeBadInputIT {

  private static final Pattern EXAMPLE =
      Pattern.compile("<!-- bad-input status=(\\d{3}) -->\\s*```bash\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CONTENT_TYPE = Pattern.compile("-H 'Content-Type: ([^']+)'");
  private static final Pattern BODY = Pattern.compile("--data-binary '(.*?)'\\s*$", Pattern.DOTALL);

  static {
    TestHttp.init();
  }

  @Inject TestDatabase db;

  record Example(int status, String contentType, String body) {}

  static List<Example> examples() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<Example> examples = new ArrayList<>();
    Matcher m = EXAMPLE.matcher(readme);
    while (m.find()) {
      String command = m.group(2);
      Matcher type = CONTENT_TYPE.matcher(command);
      Matcher body = BODY.matcher(command.strip());
      assertTrue(type.find(), "no Content-Type in " + command);
      assertTrue(body.find(), "no --data-binary '…' in " + command);
      examples.add(new Example(Integer.parseInt(m.group(1)), type.group(1), body.group(1)));
    }
    return examples;
  }

  @BeforeEach
  void reset() {
    db.reset();
  }

  @Test
  void eachReadmeExampleGetsItsDocumentedStatusAndStoresNothing() throws IOException {
    List<Example> examples = examples();
    assertTrue(examples.size() >= 5, "README lists its bad-input examples");
    for (Example example : examples) {
      Response response =
          given().contentType(example.contentType()).body(example.body()).post("/api/events");
      assertEquals(example.status(), response.statusCode(), example.body());
      assertTrue(
          response.contentType().startsWith("application/problem+json"),
          "problem details for " + example.body());
      assertFalse(response.asString().contains("Exception"), response.asString());
      assertEquals(0, db.count("RawEventEntity"), "nothing stored after " + example.body());
    }
  }
}
