package io.podometer.engine.detect;

import static io.podometer.engine.figure.MetricId.SECURITY_SHORTCUTS;
import static io.podometer.engine.figure.MetricId.THROUGHPUT_PER_ENGINEER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.testing.FigureBook;
import io.podometer.engine.testing.GoldenData;
import io.podometer.engine.time.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code security_shortcuts} over 2026-W09..W10.
 *
 * <pre>
 * pod       merged PRs   shortcuts W09 / W10   → expected
 * careless  yes          1 / 3                 W09 MEDIUM, W10 HIGH
 * careful   yes          none                  near miss: no shortcut, no flag
 * trusted   yes          2 / 2                 requireHumanApproval false: not judged
 * idle      no           none                  not evaluated
 * </pre>
 */
class SecurityShortcutsDetectorTest {

  private static final IsoWeek W09 = IsoWeek.parse("2026-W09");
  private static final IsoWeek W10 = IsoWeek.parse("2026-W10");

  @Test
  void flagsEveryWeekWithAShortcut() {
    FigureBook book = new FigureBook();
    for (String pod : List.of("careless", "careful", "trusted")) {
      book.put(THROUGHPUT_PER_ENGINEER, pod, W09, 2).put(THROUGHPUT_PER_ENGINEER, pod, W10, 2);
    }
    book.put(SECURITY_SHORTCUTS, "careless", W09, 1)
        .put(SECURITY_SHORTCUTS, "careless", W10, 3)
        .put(SECURITY_SHORTCUTS, "trusted", W09, 2)
        .put(SECURITY_SHORTCUTS, "trusted", W10, 2);
    Detections found = new Detections();
    new SecurityShortcutsDetector()
        .detect(
            new DetectionContext(
                GoldenData.org(
                    """
                    org: {name: Acme}
                    pods:
                      - {id: careless, name: Careless}
                      - {id: careful, name: Careful}
                      - {id: trusted, name: Trusted, thresholds: {security_shortcuts: {requireHumanApproval: false}}}
                      - {id: idle, name: Idle}
                    """),
                book::get,
                W09,
                W10),
            found);
    assertEquals(
        List.of("pod:careless 2026-W09 MEDIUM", "pod:careless 2026-W10 HIGH"),
        found.flags().stream().map(f -> f.scope() + " " + f.week() + " " + f.severity()).toList());
    assertEquals(
        "3 security shortcuts in the week: agent work merged without a human approval, sensitive"
            + " paths changed without a security reviewer, AI commits pushed past review, or agents"
            + " run with their permissions bypassed",
        found.flags().get(1).rule());
    assertEquals(
        List.of("security_shortcuts pod:idle"),
        found.notEvaluated().stream().map(n -> n.detector() + " " + n.scope()).toList());
  }
}
