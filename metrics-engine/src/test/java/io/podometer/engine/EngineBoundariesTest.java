package io.podometer.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine is the domain in plain Java: no framework, database or broker type reaches it, by
 * import or by a fully qualified name (the rules read the compiled classes), and its packages
 * depend on one another without a cycle.
 */
class EngineBoundariesTest {

  static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.podometer.engine");

  @Test
  void noClassDependsOnAFrameworkDatabaseOrBroker() {
    assertTrue(ENGINE.size() > 100, "the engine's classes were read: " + ENGINE.size());
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "javax.persistence..",
            "java.sql..",
            "javax.sql..",
            "org.hibernate..",
            "org.apache.kafka..",
            "io.smallrye..",
            "io.vertx..",
            "org.jboss..")
        .check(ENGINE);
  }

  @Test
  void itsPackagesHaveNoCycle() {
    slices().matching("io.podometer.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
  }
}
