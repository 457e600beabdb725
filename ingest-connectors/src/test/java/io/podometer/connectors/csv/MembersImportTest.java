package io.podometer.connectors.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.org.Member;
import io.podometer.engine.org.Membership;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.OrgModelLoader;
import io.podometer.engine.org.OrgModelWriter;
import io.podometer.engine.org.Role;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A members file applied to the model: added, updated and moved members, new pods and pillars. */
class MembersImportTest {

  static final OrgModel ORG =
      new OrgModelLoader()
          .load(
              """
              org: {name: Acme}
              pillars: [{id: commerce, name: Commerce}]
              pods: [{id: checkout, name: Checkout, pillar: commerce}, {id: search, name: Search, pillar: commerce}]
              members:
                - {id: ana, name: Ana Lima, level: L5, identities: {github: [ana-l], emails: [ana@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
                - {id: raj, name: Raj Patel, identities: {emails: [raj@acme.example]}, memberships: [{pod: search, from: 2025-06-01}]}
              """,
              "org.yaml")
          .model();

  private static MembersImport.Result apply(String text) {
    return MembersImport.apply(ORG, CsvTable.parse(text, CsvKind.MEMBERS));
  }

  private static List<String> problems(String text) {
    CsvRejected e = assertThrows(CsvRejected.class, () -> apply(text));
    return e.problems().stream().map(CsvProblem::toString).toList();
  }

  @Test
  void addsUpdatesAndMovesMembersAndAddsPodsAndPillars() {
    MembersImport.Result result =
        apply(
            """
            member_id,name,emails,logins,role,level,pod,pillar,from
            ana,,ana.lima@acme.example,,,l6,search,,2026-03-02
            raj,,,rajp,PM,,search,,2026-03-02
            mo,Mo Diallo,mo@acme.example; mo@old.example,mo-d,,L3,payments,money,2026-03-09
            """);
    assertEquals(List.of("mo"), result.added());
    assertEquals(List.of("ana", "raj"), result.updated());
    assertEquals(List.of("ana"), result.moved());
    assertEquals(List.of("payments"), result.podsAdded());
    assertEquals(List.of("money"), result.pillarsAdded());
    assertTrue(result.changed());
    OrgModel model = result.model();
    Member ana = model.member("ana").orElseThrow();
    // the stay in checkout ends the day the one in search starts
    assertEquals(
        List.of(
            new Membership("checkout", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 2)),
            new Membership("search", LocalDate.of(2026, 3, 2), null)),
        ana.memberships());
    assertEquals("L6", ana.level());
    assertEquals("Ana Lima", ana.name());
    assertEquals(List.of("ana@acme.example", "ana.lima@acme.example"), ana.identities().emails());
    // raj is in search already: his stay is unchanged; his role and login are new
    Member raj = model.member("raj").orElseThrow();
    assertEquals(ORG.member("raj").orElseThrow().memberships(), raj.memberships());
    assertEquals(Role.PM, raj.role());
    assertEquals(List.of("rajp"), raj.identities().github());
    Member mo = model.member("mo").orElseThrow();
    assertEquals(List.of("mo@acme.example", "mo@old.example"), mo.identities().emails());
    assertEquals(Role.ENGINEER, mo.role());
    assertEquals("money", model.pod("payments").orElseThrow().pillar());
    assertEquals("money", model.pillar("money").orElseThrow().name());
    assertEquals(4, result.lineOfMember().get("mo"));
    assertEquals(4, result.lineOfPod().get("payments"));
    // what the server stores: the model written out loads back the same
    OrgModel reloaded =
        new OrgModelLoader()
            .load(new OrgModelWriter().toJson(model), "next", "application/json")
            .model();
    assertEquals(model.members(), reloaded.members());
    assertEquals(model.pods(), reloaded.pods());
  }

  @Test
  void theSameFileAgainChangesNothing() {
    String text = "member_id,pod,from,emails\nana,checkout,2026-03-02,ana@acme.example\n";
    MembersImport.Result result = apply(text);
    assertFalse(result.changed());
    assertEquals(List.of(), result.updated());
  }

  @Test
  void aNewPodWithoutPillarBelongsToNoPillar() {
    OrgModel model = apply("member_id,name,pod,from\nzoe,Zoe,labs,2026-03-02\n").model();
    assertNull(model.pod("labs").orElseThrow().pillar());
  }

  @Test
  void everyBadRowIsNamedAndTheModelIsUntouched() {
    List<String> problems =
        problems(
            """
            member_id,name,emails,logins,role,level,pod,pillar,from
            zed,,,,,,,,
            ana,,raj@acme.example,,,,,,
            cy,Cy,,,chef,L,,,
            bo bo,Bo,,,,,,,
            ana,,,,,,,,
            mo,Mo,not-an-email,,,,payments,,
            raj,,,,,,checkout,,2025-01-01
            kim,Kim,,,,,checkout,other,2026-03-02
            lu,Lu,,,,,,commerce,2026-03-02
            """);
    assertEquals(
        List.of(
            "line 2, column name: missing (a new member needs a name)",
            "line 3, column emails: 'raj@acme.example' already identifies member 'raj'",
            "line 4, column level: not a level: 'L' (expected L<number>, e.g. L5)",
            "line 4, column role: unknown role 'chef' (one of engineer, pm, designer, data, manager)",
            "line 5, column member_id: not a valid id: 'bo bo' (letters, digits, '.', '_', '-', at most 256 characters)",
            "line 6, column member_id: member 'ana' is already on line 3",
            "line 7, column emails: not an e-mail address: 'not-an-email'",
            "line 7, column from: missing (the day the member joins pod 'payments')",
            "line 8, column from: must be after 2025-06-01, when the member joined pod 'search'",
            "line 9, column pillar: pod 'checkout' is in pillar 'commerce'; a pod changes pillar"
                + " through the organization model (PUT /api/org)",
            "line 10, column from: the day the member joins a pod: give the pod too",
            "line 10, column pillar: the pillar of a new pod: give the pod too"),
        problems);
  }
}
