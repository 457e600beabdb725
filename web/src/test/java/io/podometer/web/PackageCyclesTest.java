package io.podometer.web;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The web application's packages depend on one another without a cycle: HTTP answers ({@code http})
 * and configuration sit below everything, security below the organization model, the viewer above
 * both, resources on top.
 */
class PackageCyclesTest {

  @Test
  void theWebApplicationsPackagesHaveNoCycle() {
    JavaClasses web =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.podometer.web");
    assertTrue(web.size() > 50, "the web application's classes were read: " + web.size());
    slices().matching("io.podometer.web.(*)..").should().beFreeOfCycles().check(web);
  }
}
