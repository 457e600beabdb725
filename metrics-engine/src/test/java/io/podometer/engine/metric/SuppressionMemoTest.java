package io.podometer.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a suppression's fingerprint reads, and what it leaves out. */
class SuppressionMemoTest {

  private static final IsoWeek WEEK = IsoWeek.parse("2026-W10");
  private static final ScopeId BIG = ScopeId.pod("big");
  private static final ScopeId TINY = ScopeId.pod("tiny");
  private static final ScopeId COMMERCE = ScopeId.pillar("commerce");
  private static final List<ScopeId> BIG_ATOM = List.of(ScopeId.ORG, COMMERCE, BIG);
  private static final List<ScopeId> TINY_ATOM = List.of(ScopeId.ORG, COMMERCE, TINY);

  @Test
  void theOrderOfTheAtomsDoesNotCount() {
    assertEquals(
        fingerprint(List.of(BIG_ATOM, TINY_ATOM), cells(5, 2), Set.of(), false),
        fingerprint(List.of(TINY_ATOM, BIG_ATOM), cells(5, 2), Set.of(), false));
    assertEquals(
        fingerprint(List.of(BIG_ATOM), cells(5, 2), Set.of(), false),
        fingerprint(List.of(List.of(BIG, COMMERCE, ScopeId.ORG)), cells(5, 2), Set.of(), false));
  }

  @Test
  void everythingTheAlgebraReadsCounts() {
    SuppressionMemo.Fingerprint base =
        fingerprint(List.of(BIG_ATOM, TINY_ATOM), cells(5, 2), Set.of(), false);
    // other atoms
    assertNotEquals(base, fingerprint(List.of(BIG_ATOM), cells(5, 2), Set.of(), false));
    assertNotEquals(
        base,
        fingerprint(List.of(BIG_ATOM, List.of(ScopeId.ORG, TINY)), cells(5, 2), Set.of(), false));
    // other people in a cell
    assertNotEquals(base, fingerprint(List.of(BIG_ATOM, TINY_ATOM), cells(6, 2), Set.of(), false));
    // a cell hidden beside an earlier metric
    assertNotEquals(
        base, fingerprint(List.of(BIG_ATOM, TINY_ATOM), cells(5, 2), Set.of(BIG), false));
    // members in no pod to protect
    assertNotEquals(base, fingerprint(List.of(BIG_ATOM, TINY_ATOM), cells(5, 2), Set.of(), true));
  }

  @Test
  void aFullMemoIsEmptiedAndKeepsAnswering() {
    SuppressionMemo memo = new SuppressionMemo();
    for (long i = 0; i < SuppressionMemo.CAPACITY; i++) {
      memo.answer(new SuppressionMemo.Fingerprint(i, i), List::of);
    }
    assertEquals(SuppressionMemo.CAPACITY, memo.size());
    List<ScopeId> answer = memo.answer(new SuppressionMemo.Fingerprint(-1, -1), () -> List.of(BIG));
    assertEquals(List.of(BIG), answer);
    assertEquals(1, memo.size());
    assertEquals(
        List.of(BIG), memo.answer(new SuppressionMemo.Fingerprint(-1, -1), () -> List.of(TINY)));
    assertEquals(1, memo.hits());
  }

  private static SuppressionMemo.Fingerprint fingerprint(
      List<List<ScopeId>> atoms, Map<ScopeId, Figure> cells, Set<ScopeId> chosen, boolean guard) {
    List<ScopeId> scopes = new ArrayList<>(cells.keySet());
    scopes.sort(null);
    return SuppressionMemo.Fingerprint.of(new LinkedHashSet<>(atoms), scopes, cells, chosen, guard);
  }

  /** Unreviewed merges of the organization, commerce, big and tiny (tiny withheld under 3). */
  private static Map<ScopeId, Figure> cells(int bigPeople, int tinyPeople) {
    int all = bigPeople + tinyPeople;
    return Map.of(
        ScopeId.ORG,
        figure(ScopeId.ORG, all, null),
        COMMERCE,
        figure(COMMERCE, all, null),
        BIG,
        figure(BIG, bigPeople, null),
        TINY,
        figure(TINY, tinyPeople, "withheld: fewer than 3 people"));
  }

  private static Figure figure(ScopeId scope, int people, String withheld) {
    return new Figure(
        MetricId.UNREVIEWED_MERGES,
        scope,
        WEEK,
        0.0,
        0.0,
        (double) people,
        people,
        people,
        null,
        null,
        null,
        null,
        withheld,
        false);
  }
}
