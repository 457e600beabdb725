package io.podometer.connectors.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.OrgModelLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deployments, incidents and meeting hours as canonical events, and every bad cell named. */
class CsvEventsTest {

  static final OrgModel ORG =
      new OrgModelLoader()
          .load(
              """
              org: {name: Acme, timeZone: Europe/Paris}
              pods: [{id: checkout, name: Checkout}]
              members:
                - {id: ana, name: Ana, identities: {github: [ana-l], emails: [ana@acme.example]}, memberships: [{pod: checkout, from: 2026-01-05}]}
              services: [{id: shop-api, pod: checkout, repos: [acme/shop]}]
              """,
              "org.yaml")
          .model();

  // events arriving "now" (2026-03-20) may name moments up to a day later, as on the server
  static final EventCodec CODEC =
      new EventCodec(
          Clock.fixed(Instant.parse("2026-03-20T12:00:00Z"), ZoneOffset.UTC), Duration.ofDays(1));

  private static CsvEvents.Batch map(CsvKind kind, String text) {
    return new CsvEvents(CODEC, ORG).map(CsvTable.parse(text, kind));
  }

  private static List<String> problems(CsvKind kind, String text) {
    CsvRejected e = assertThrows(CsvRejected.class, () -> map(kind, text));
    return e.problems().stream().map(CsvProblem::toString).toList();
  }

  @Test
  void deploymentsBecomeDeploymentFinishedEventsWithTheContractsIds() {
    CsvEvents.Batch batch =
        map(
            CsvKind.DEPLOYMENTS,
            """
            deployment_id,service,environment,status,finished_at,started_at,sha,rollback_of,labels
            7731,shop-api,production,Success,2026-03-04T16:00:00Z,,c0ffee,,hotfix;urgent
            7732,shop-api,production,failure,2026-03-05 09:30,2026-03-05 09:00,,7731,
            """);
    assertEquals(2, batch.rows());
    assertEquals(List.of(), batch.warnings());
    CanonicalEvent first = batch.events().get(0);
    assertEquals("deploy:shop-api:7731", first.id());
    assertEquals("csv", first.source());
    assertEquals("deployment.finished", first.type().wireName());
    assertEquals(Instant.parse("2026-03-04T16:00:00Z"), first.occurredAt());
    assertEquals("success", first.dataTree().get("status").asText());
    assertEquals("c0ffee", first.dataTree().get("sha").asText());
    assertEquals("[\"hotfix\",\"urgent\"]", first.dataTree().get("labels").toString());
    CanonicalEvent second = batch.events().get(1);
    // without an offset: Paris time, an hour ahead of UTC in March before the clocks change
    assertEquals("2026-03-05T08:30:00Z", second.dataTree().get("finishedAt").asText());
    assertEquals("2026-03-05T08:00:00Z", second.dataTree().get("startedAt").asText());
    assertEquals("7731", second.dataTree().get("rollbackOf").asText());
  }

  @Test
  void aServiceTheModelLacksIsAWarningNotARefusal() {
    CsvEvents.Batch batch =
        map(
            CsvKind.DEPLOYMENTS,
            "deployment_id,service,environment,status,finished_at\n"
                + "1,shop-api,production,success,2026-03-04\n"
                + "2,billing,production,success,2026-03-04\n"
                + "3,billing,production,success,2026-03-05\n");
    assertEquals(3, batch.events().size());
    assertEquals(
        List.of(
            "service 'billing' (first on line 3) is not in the organization model: its"
                + " deployments count for no pod until the model has a service of that id"),
        batch.warnings());
  }

  @Test
  void everyBadCellOfTheFileIsNamedByLineColumnAndRule() {
    List<String> problems =
        problems(
            CsvKind.DEPLOYMENTS,
            """
            deployment_id,service,environment,status,finished_at,started_at
            1,shop-api,production,success,yesterday,
            2,,production,success,2026-03-04T16:00:00Z,
            3,shop-api,production,done,2026-03-04T16:00:00Z,
            4,shop-api,production,success,2026-03-04T16:00:00Z,2026-03-04T17:00:00Z
            5,shop-api,production,success,2026-02-30,
            6,shop-api,production,success,2027-01-01T00:00:00Z,
            7,shop-api,production,success,2026-03-04T16:00:00Z,
            7,shop-api,staging,success,2026-03-04T16:00:00Z,
            """);
    assertEquals(7, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith("line 2, column finished_at: not an ISO-8601 date-time: 'yesterday'"),
        problems.get(0));
    assertEquals("line 3, column service: missing (a required value)", problems.get(1));
    assertEquals("line 4, column status: must be success or failure, got 'done'", problems.get(2));
    assertEquals(
        "line 5, column started_at: after finished_at (2026-03-04T16:00:00Z)", problems.get(3));
    assertTrue(
        problems.get(4).startsWith("line 6, column finished_at: not a valid date-time"),
        problems.get(4));
    // beyond the contract's horizon (now + 1 day): the contract's own words, named by column
    assertTrue(
        problems
            .get(5)
            .startsWith("line 7, column finished_at: must be between 1970-01-01T00:00:00Z and"),
        problems.get(5));
    assertEquals("line 9: the same deployment '7' as line 8", problems.get(6));
  }

  @Test
  void incidentsAreOpenedAndResolvedWhenTheyHaveAResolution() {
    CsvEvents.Batch batch =
        map(
            CsvKind.INCIDENTS,
            """
            incident_id,service,opened_at,resolved_at,severity,title,caused_by_deployment
            INC-1,shop-api,2026-03-04T17:00:00Z,2026-03-04T18:30:00Z,sev2,"Checkout down, 502s",7731
            INC-2,shop-api,2026-03-06,,,,
            """);
    assertEquals(
        List.of("incident:INC-1:opened", "incident:INC-1:resolved", "incident:INC-2:opened"),
        batch.events().stream().map(CanonicalEvent::id).toList());
    assertEquals("7731", batch.events().get(0).dataTree().get("causedByDeploymentId").asText());
    assertEquals("Checkout down, 502s", batch.events().get(0).dataTree().get("title").asText());
    assertEquals("2026-03-04T18:30:00Z", batch.events().get(1).dataTree().get("at").asText());
    assertEquals(
        List.of("line 2, column resolved_at: before opened_at (2026-03-04T17:00:00Z)"),
        problems(
            CsvKind.INCIDENTS,
            "incident_id,service,opened_at,resolved_at\nINC-1,shop-api,2026-03-04T17:00:00Z,2026-03-04T16:00:00Z\n"));
  }

  @Test
  void meetingHoursByWeekOrByItsMondayAtTheWeeksStartInTheOrganizationsZone() {
    CsvEvents.Batch batch =
        map(
            CsvKind.MEETINGS,
            """
            member,week,week_start,hours
            ana@acme.example,2026-w10,,6.5
            ana-l,,2026-03-09,4
            """);
    CanonicalEvent w10 = batch.events().get(0);
    assertEquals("meeting:ana@acme.example:2026-W10", w10.id());
    assertEquals(6.5, w10.dataTree().get("hours").asDouble());
    // Monday 2026-03-02 00:00 in Paris is 23:00 UTC the day before
    assertEquals(Instant.parse("2026-03-01T23:00:00Z"), w10.occurredAt());
    assertEquals("meeting:ana-l:2026-W11", batch.events().get(1).id());
    assertEquals(List.of(), batch.warnings());
  }

  @Test
  void badMeetingRowsAreNamed() {
    List<String> problems =
        problems(
            CsvKind.MEETINGS,
            """
            member,week,week_start,hours
            ana@acme.example,2026-W10,,200
            ana@acme.example,2026-W11,,four
            ana@acme.example,,2026-03-08,3
            ana@acme.example,2026-W54,,3
            ana@acme.example,,,3
            ,2026-W12,,3
            ana@acme.example,2026-W13,2026-03-23,3
            """);
    assertEquals(
        List.of(
            "line 2, column hours: must be between 0 and 168 (the hours of a week), got 200",
            "line 3, column hours: not a number: 'four' (digits, with '.' for decimals)",
            "line 4, column week_start: 2026-03-08 is a Sunday; ISO weeks start on a Monday",
            "line 5, column week: no week 54 in 2026 (it has 53 ISO weeks)",
            "line 6, column week: missing (give week, e.g. 2026-W10, or week_start, its Monday)",
            "line 7, column member: missing (a required value)",
            "line 8, column week_start: give week or week_start, not both"),
        problems);
  }

  @Test
  void aMemberIdInPlaceOfAnIdentityIsAWarning() {
    CsvEvents.Batch batch = map(CsvKind.MEETINGS, "member,week,hours\nana,2026-W10,3\n");
    assertEquals(1, batch.events().size());
    assertTrue(
        batch.warnings().get(0).contains("it is a member's id"), batch.warnings().toString());
  }
}
