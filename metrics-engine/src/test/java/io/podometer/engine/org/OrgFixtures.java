package io.podometer.engine.org;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/** Shared fixtures: the example organization file and the lines of a failed load. */
public final class OrgFixtures {

  private OrgFixtures() {}

  public static String exampleYaml() {
    try (InputStream in = OrgFixtures.class.getResourceAsStream("org.example.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static OrgModel example() {
    return new OrgModelLoader().load(exampleYaml(), "org.yaml").model();
  }

  public static OrgModel load(String yaml) {
    return new OrgModelLoader().load(yaml, "org.yaml").model();
  }

  /** The problem lines of a load that must fail. */
  static List<String> problems(String yaml) {
    OrgValidationException failure =
        Assertions.assertThrows(
            OrgValidationException.class,
            () ->
                new OrgModelLoader()
                    .checkingNewVersions(
                        id -> io.podometer.engine.figure.MetricId.fromId(id).isPresent())
                    .load(yaml, "org.yaml"));
    List<String> lines = Arrays.asList(failure.getMessage().split("\n"));
    Assertions.assertEquals(failure.problems().stream().map(OrgProblem::toString).toList(), lines);
    return lines;
  }
}
