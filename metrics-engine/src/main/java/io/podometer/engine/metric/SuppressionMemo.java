package io.podometer.engine.metric;

import io.podometer.engine.fact.FactKeyHash;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.scope.ScopeId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The cells complementary suppression chose for a week's metric, kept by a fingerprint of all it
 * read: the items' scope lists, and each cell's scope, whether it is hidden and how many people it
 * has. A full recomputation of facts that did not change meets every week's question again with the
 * same input, and takes the answer instead of working the algebra out once more. The answer is a
 * function of that input alone ({@link CellAlgebra} is deterministic), so a stored one is the one
 * it would give. Thread-safe; bounded (emptied when full).
 */
final class SuppressionMemo {

  /** A few times the questions of a two-year range (weeks × metrics with a withheld cell). */
  static final int CAPACITY = 20_000;

  private final ConcurrentHashMap<Fingerprint, List<ScopeId>> answers = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();

  /** The answer for this input: the one kept, else {@code workOut}'s (then kept). */
  List<ScopeId> answer(Fingerprint input, Supplier<List<ScopeId>> workOut) {
    List<ScopeId> known = answers.get(input);
    if (known != null) {
      hits.increment();
      return known;
    }
    List<ScopeId> answer = List.copyOf(workOut.get());
    if (answers.size() >= CAPACITY) {
      answers.clear();
    }
    answers.put(input, answer);
    return answer;
  }

  /** How many questions were answered from what was kept. */
  long hits() {
    return hits.sum();
  }

  /** How many answers are kept. */
  int size() {
    return answers.size();
  }

  /**
   * 128 bits summing up a question: two 64-bit hashes with different constants, so that a collision
   * would need both to collide at once.
   */
  record Fingerprint(long first, long second) {

    /**
     * @param atoms the distinct scope lists of the week's items (order does not matter)
     * @param scopes the cells' scopes, in the order the algebra numbers them
     * @param cells each scope's figure (its people, and whether it is withheld)
     * @param alreadyChosen cells withheld beside earlier metrics (hidden here too)
     * @param guardRemainder whether members in no pod are a group to protect
     */
    static Fingerprint of(
        Set<List<ScopeId>> atoms,
        List<ScopeId> scopes,
        Map<ScopeId, Figure> cells,
        Set<ScopeId> alreadyChosen,
        boolean guardRemainder) {
      long first = guardRemainder ? 1 : 2;
      long second = first;
      // the atoms as a set of sets: summed, so neither order counts
      long atomsFirst = 0;
      long atomsSecond = 0;
      for (List<ScopeId> atom : atoms) {
        long atomFirst = 0;
        long atomSecond = 0;
        for (ScopeId scope : atom) {
          atomFirst += Hash.scope(scope, Hash.FIRST);
          atomSecond += Hash.scope(scope, Hash.SECOND);
        }
        atomsFirst += Hash.mix(atomFirst + Hash.FIRST);
        atomsSecond += Hash.mix(atomSecond + Hash.SECOND);
      }
      first = Hash.step(first, atomsFirst, atoms.size());
      second = Hash.step(second, atomsSecond, atoms.size());
      // the cells in the order they are numbered: the order breaks the algebra's last ties
      for (ScopeId scope : scopes) {
        Figure figure = cells.get(scope);
        long state =
            ((long) figure.people() << 1)
                | (figure.withheld() != null || alreadyChosen.contains(scope) ? 1 : 0);
        first = Hash.step(first, Hash.scope(scope, Hash.FIRST), state);
        second = Hash.step(second, Hash.scope(scope, Hash.SECOND), state);
      }
      return new Fingerprint(Hash.mix(first), Hash.mix(second));
    }
  }

  /** 64-bit hashing of scopes (a {@code String}'s own hash has 32 bits). */
  private static final class Hash {
    static final long FIRST = 0x9E3779B97F4A7C15L;
    static final long SECOND = 0xC2B2AE3D27D4EB4FL;

    static long scope(ScopeId scope, long seed) {
      long h = seed ^ (scope.kind().ordinal() + 1) * 0xFF51AFD7ED558CCDL;
      String id = scope.id();
      long multiplier = seed == FIRST ? 0x100000001B3L : 0x5851F42D4C957F2DL;
      for (int i = 0; i < id.length(); i++) {
        h = (h ^ id.charAt(i)) * multiplier;
      }
      return mix(h ^ id.length());
    }

    static long step(long h, long value, long state) {
      return mix(mix(h * 31 + value) + state);
    }

    static long mix(long h) {
      return FactKeyHash.mix(h);
    }
  }
}
