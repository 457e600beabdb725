package io.podometer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.org.OrgValidationException;
import io.podometer.web.org.OrgService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The organization file is re-imported only when its content changes. */
@QuarkusTest
class OrgFileImportIT {

  @Inject TestDatabase db;
  @Inject OrgService orgService;

  @BeforeEach
  void reset() {
    db.reset();
  }

  @Test
  void theFileIsImportedOnceAndAgainOnlyWhenItChanges() throws Exception {
    Path file = Files.createTempFile("org", ".yaml");
    Files.writeString(file, "org: {name: From File}\n");

    orgService.importFileIfChanged(file);
    long first = orgService.current().version();
    assertEquals("From File", orgService.current().model().org().name());
    assertEquals("file", orgService.current().origin());

    orgService.importFileIfChanged(file);
    assertEquals(first, orgService.current().version());
    assertEquals(1, db.count("OrgVersionEntity"));

    Files.writeString(file, "org: {name: Renamed}\n");
    orgService.importFileIfChanged(file);
    assertNotEquals(first, orgService.current().version());
    assertEquals("Renamed", orgService.current().model().org().name());
  }

  @Test
  void aBrokenFileIsRefusedNamingTheFileEntryAndField() throws Exception {
    Path file = Files.createTempFile("broken-org", ".yaml");
    Files.writeString(file, "org: {name: X, privacyFloor: 0}\n");

    OrgValidationException e =
        assertThrows(OrgValidationException.class, () -> orgService.importFileIfChanged(file));

    assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("privacyFloor"), e.getMessage());
    assertEquals(0, db.count("OrgVersionEntity"));
  }
}
