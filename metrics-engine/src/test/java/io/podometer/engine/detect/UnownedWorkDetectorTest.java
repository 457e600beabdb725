package io.podometer.engine.detect;

import static io.podometer.engine.figure.MetricId.UNLINKED_PR_SHARE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.testing.FigureBook;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code unowned_work} over 2026-W08..W10 (default: over 50 % of merged PRs linked to no bet).
 *
 * <pre>
 * pod      W10 unlinked PRs   → expected
 * loose    6 of 10 (60 %)     MEDIUM
 * adrift   5 of 5 (100 %)     HIGH: no PR linked at all
 * few      4 of 4 (100 %)     near miss: fewer than 5 merged PRs
 * edge     5 of 10 (50 %)     near miss: not over 50 %
 * quiet    no merged PRs      not evaluated
 *
 * bet      STOs         status      started       → expected
 * owned    ana          exploring   —             no flag
 * orphan   none         exploring   2026-02-23    HIGH in W09 and W10 (from its start)
 * crowded  ana, ben     scaling     —             MEDIUM in W08, W09, W10
 * buried   none         killed      —             no flag: no longer in play
 * </pre>
 */
class UnownedWorkDetectorTest {

  private static final IsoWeek W08 = IsoWeek.parse("2026-W08");
  private static final IsoWeek W10 = IsoWeek.parse("2026-W10");

  private static final String ORG =
      """
      org: {name: Acme}
      pods:
        - {id: loose, name: Loose}
        - {id: adrift, name: Adrift}
        - {id: edge, name: Edge}
        - {id: few, name: Few}
        - {id: quiet, name: Quiet}
      members:
        - {id: ana, name: Ana, role: engineer, memberships: [{pod: loose, from: 2026-01-05}]}
        - {id: ben, name: Ben, role: engineer, memberships: [{pod: loose, from: 2026-01-05}]}
      bets:
        - {id: owned, title: Owned, sto: ana}
        - {id: orphan, title: Orphan, started: 2026-02-23}
        - {id: crowded, title: Crowded, sto: [ana, ben], status: scaling}
        - {id: buried, title: Buried, status: killed}
      """;

  @Test
  void flagsUnlinkedWorkAndBetsWithoutASingleOwner() {
    FigureBook book =
        new FigureBook()
            .ratio(UNLINKED_PR_SHARE, "loose", W10, 6, 10)
            .ratio(UNLINKED_PR_SHARE, "adrift", W10, 5, 5)
            .ratio(UNLINKED_PR_SHARE, "few", W10, 4, 4)
            .ratio(UNLINKED_PR_SHARE, "edge", W10, 5, 10);
    Detections found = new Detections();
    new UnownedWorkDetector()
        .detect(new DetectionContext(GoldenData.org(ORG), book::get, W08, W10), found);

    assertEquals(
        List.of(
            "pod:loose 2026-W10 MEDIUM",
            "pod:adrift 2026-W10 HIGH",
            "bet:orphan 2026-W09 HIGH",
            "bet:orphan 2026-W10 HIGH",
            "bet:crowded 2026-W08 MEDIUM",
            "bet:crowded 2026-W09 MEDIUM",
            "bet:crowded 2026-W10 MEDIUM"),
        found.flags().stream().map(f -> f.scope() + " " + f.week() + " " + f.severity()).toList());
    assertEquals(
        "60 % of the week's merged PRs (6 of 10) link to no bet (over 50 %)",
        found.flags().get(0).rule());
    assertEquals(
        "bet crowded (scaling) has 2 single task owners: a bet has exactly one",
        found.flags().get(4).rule());
    assertEquals(
        List.of("unowned_work pod:quiet"),
        found.notEvaluated().stream().map(n -> n.detector() + " " + n.scope()).toList());
  }

  @Test
  void withoutBetsThePodsAreNotEvaluated() {
    Detections found = new Detections();
    new UnownedWorkDetector()
        .detect(
            new DetectionContext(
                GoldenData.org("org: {name: Acme}\npods: [{id: loose, name: Loose}]"),
                new FigureBook()::get,
                W08,
                W10),
            found);
    assertEquals(List.of(), found.flags());
    assertEquals(
        "bets: the organization model declares none, so no PR can be linked to one",
        found.notEvaluated().get(0).missing());
  }
}
