package io.podometer.connectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Connectors feed the engine's canonical events through their port: they never reach into the web
 * application, and their packages depend on one another without a cycle.
 */
class ConnectorBoundariesTest {

  static final JavaClasses CONNECTORS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.podometer.connectors");

  @Test
  void noConnectorDependsOnTheWebApplication() {
    assertTrue(CONNECTORS.size() > 10, "the connectors' classes were read: " + CONNECTORS.size());
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.podometer.web..")
        .check(CONNECTORS);
  }

  @Test
  void theirPackagesHaveNoCycle() {
    slices().matching("io.podometer.connectors.(*)..").should().beFreeOfCycles().check(CONNECTORS);
  }
}
