package io.podometer.engine.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberDirectoryTest {

  private final MemberDirectory directory = new MemberDirectory(OrgFixtures.example());

  @Test
  void aMemberWhoChangesPodCountsForEachPodOnItsDays() {
    assertEquals(Optional.of("search"), directory.podOf("raj", LocalDate.of(2025, 6, 1)));
    assertEquals(Optional.of("search"), directory.podOf("raj", LocalDate.of(2026, 2, 1)));
    assertEquals(Optional.of("checkout"), directory.podOf("raj", LocalDate.of(2026, 2, 2)));
    assertEquals(Optional.of("checkout"), directory.podOf("raj", LocalDate.of(2030, 1, 1)));
    assertEquals(Optional.empty(), directory.podOf("raj", LocalDate.of(2025, 5, 31)));
    assertEquals(
        Optional.of("search"), directory.podOf("raj", Instant.parse("2026-02-01T23:59:59Z")));
    assertEquals(
        Optional.of("checkout"), directory.podOf("raj", Instant.parse("2026-02-02T00:00:00Z")));
    assertEquals(Optional.empty(), directory.podOf("nobody", LocalDate.of(2026, 2, 2)));
  }

  @Test
  void anInstantCountsOnTheOrganizationsCalendarDay() {
    MemberDirectory newYork =
        new MemberDirectory(
            OrgFixtures.load(
                """
                org: {name: Acme, timeZone: America/New_York}
                pods: [{id: search, name: Search}, {id: checkout, name: Checkout}]
                members:
                  - id: raj
                    name: Raj
                    memberships: [{pod: search, from: 2025-06-01, until: 2026-02-02}, {pod: checkout, from: 2026-02-02}]
                """));
    // 03:00 UTC on the 2nd is still the evening of the 1st in New York
    assertEquals(
        Optional.of("search"), newYork.podOf("raj", Instant.parse("2026-02-02T03:00:00Z")));
    assertEquals(
        Optional.of("checkout"), newYork.podOf("raj", Instant.parse("2026-02-02T05:00:00Z")));
  }

  @Test
  void juniorsAreAtOrUnderTheConfiguredLevel() {
    MemberDirectory levels =
        new MemberDirectory(
            OrgFixtures.load(
                """
                org: {name: Acme, juniorLevelAtMost: L3}
                members:
                  - {id: two, name: Two, level: L2}
                  - {id: three, name: Three, level: L3}
                  - {id: four, name: Four, level: L4}
                  - {id: ten, name: Ten, level: L10}
                  - {id: none, name: None, role: pm}
                """));
    assertTrue(levels.isJunior("two"));
    assertTrue(levels.isJunior("three"));
    assertFalse(levels.isJunior("four"));
    assertFalse(levels.isJunior("ten"));
    assertFalse(levels.isJunior("none"));
    assertFalse(levels.isJunior("unknown"));
    assertFalse(directory.isJunior("ana"));
  }

  @Test
  void membersOfAPodOverAPeriod() {
    assertEquals(
        Set.of("raj", "sam"),
        directory.membersOfPod("search", LocalDate.of(2026, 1, 26), LocalDate.of(2026, 2, 2)));
    assertEquals(
        Set.of("sam"),
        directory.membersOfPod("search", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 9)));
    assertEquals(
        Set.of("ana", "raj"),
        directory.membersOfPod("checkout", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 9)));
    assertEquals(
        Set.of(),
        directory.membersOfPod("checkout", LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 5)));
    assertEquals(
        Set.of("ana"),
        directory.membersOfPod("checkout", LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 6)));
  }

  @Test
  void repositoriesBelongToServicesAndTheirPods() {
    assertEquals("checkout-api", directory.serviceForRepo("acme/checkout-api"));
    assertEquals("checkout-api", directory.serviceForRepo("ACME/Checkout-API"));
    assertEquals(Optional.of("checkout"), directory.podOwningRepo("acme/checkout-api"));
    assertEquals(Optional.of("search"), directory.podOwningRepo("acme/search"));
    assertEquals("acme/unknown", directory.serviceForRepo("acme/unknown"));
    assertEquals(Optional.empty(), directory.podOwningRepo("acme/unknown"));
    assertEquals(Optional.of("search"), directory.podOfService("search-svc"));
    assertEquals(Optional.empty(), directory.podOfService("acme/unknown"));
  }
}
