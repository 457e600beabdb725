package io.podometer.engine.detect;

import static io.podometer.engine.figure.MetricId.UNTESTED_AI_PR_SHARE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.testing.FigureBook;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code knowledge_debt} judged in 2026-W10 (defaults: 40 % or more of AI-heavy merged PRs without
 * tests or docs, 2 weeks: W09 and W10).
 *
 * <pre>
 * pod       W09          W10          → expected
 * debt      2 of 5 (40 %) 3 of 6 (50 %) MEDIUM (40 % is "or more")
 * deep      4 of 4       5 of 6 (83 %) HIGH (80 % or more, twice the share, both weeks)
 * edge      1 of 3 (33 %) 4 of 4       near miss: W09 under 40 %
 * gap       none         4 of 4        near miss: W09 without AI-heavy PRs breaks the run
 * thin      2 of 2       2 of 2        near miss: fewer than 3 AI-heavy PRs a week
 * none      no figures                 not evaluated
 * </pre>
 */
class KnowledgeDebtDetectorTest {

  private static final IsoWeek W09 = IsoWeek.parse("2026-W09");
  private static final IsoWeek W10 = IsoWeek.parse("2026-W10");

  @Test
  void flagsTwoWeeksOfUntestedAiWork() {
    FigureBook book =
        new FigureBook()
            .ratio(UNTESTED_AI_PR_SHARE, "debt", W09, 2, 5)
            .ratio(UNTESTED_AI_PR_SHARE, "debt", W10, 3, 6)
            .ratio(UNTESTED_AI_PR_SHARE, "deep", W09, 4, 4)
            .ratio(UNTESTED_AI_PR_SHARE, "deep", W10, 5, 6)
            .ratio(UNTESTED_AI_PR_SHARE, "edge", W09, 1, 3)
            .ratio(UNTESTED_AI_PR_SHARE, "edge", W10, 4, 4)
            .ratio(UNTESTED_AI_PR_SHARE, "gap", W10, 4, 4)
            .ratio(UNTESTED_AI_PR_SHARE, "thin", W09, 2, 2)
            .ratio(UNTESTED_AI_PR_SHARE, "thin", W10, 2, 2);
    Detections found = new Detections();
    new KnowledgeDebtDetector()
        .detect(
            new DetectionContext(
                GoldenData.org(
                    """
                    org: {name: Acme}
                    pods:
                      - {id: debt, name: Debt}
                      - {id: deep, name: Deep}
                      - {id: edge, name: Edge}
                      - {id: gap, name: Gap}
                      - {id: thin, name: Thin}
                      - {id: none, name: None}
                    """),
                book::get,
                W10,
                W10),
            found);
    assertEquals(
        List.of("pod:debt 2026-W10 MEDIUM", "pod:deep 2026-W10 HIGH"),
        found.flags().stream().map(f -> f.scope() + " " + f.week() + " " + f.severity()).toList());
    assertEquals(
        "for 2 consecutive weeks, 40 % or more of the AI-heavy merged PRs (AI share 50 % or more,"
            + " 50 added lines or more) changed no test and no docs: 2026-W09 40 % (2 of 5),"
            + " 2026-W10 50 % (3 of 6)",
        found.flags().get(0).rule());
    assertEquals(
        List.of("knowledge_debt pod:none"),
        found.notEvaluated().stream().map(n -> n.detector() + " " + n.scope()).toList());
  }
}
