package io.podometer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine is the domain in plain Java: no framework, database or broker types leak in. */
class EngineIsPlainJavaTest {

  static final List<String> FORBIDDEN =
      List.of(
          "io.quarkus",
          "jakarta.",
          "javax.persistence",
          "java.sql",
          "javax.sql",
          "org.hibernate",
          "org.apache.kafka",
          "io.smallrye",
          "io.vertx",
          "org.jboss");

  @Test
  void noSourceFileImportsAFrameworkDatabaseOrBroker() throws IOException {
    Path sources = Path.of("src/main/java");
    List<String> offenders = new ArrayList<>();
    int files;
    try (Stream<Path> walk = Files.walk(sources)) {
      List<Path> javaFiles = walk.filter(p -> p.toString().endsWith(".java")).toList();
      files = javaFiles.size();
      for (Path file : javaFiles) {
        for (String line : Files.readAllLines(file)) {
          String trimmed = line.strip();
          if (trimmed.startsWith("import ")
              && FORBIDDEN.stream()
                  .anyMatch(p -> trimmed.contains(" " + p) || trimmed.contains("static " + p))) {
            offenders.add(sources.relativize(file) + ": " + trimmed);
          }
        }
      }
    }
    assertTrue(files > 20, "the engine's sources were found");
    assertEquals(List.of(), offenders);
  }
}
