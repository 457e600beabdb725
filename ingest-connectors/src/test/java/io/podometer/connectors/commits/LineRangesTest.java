package io.podometer.connectors.commits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineRangesTest {

  @Test
  void linesNamedTwiceCountOnceAndAdjacentRangesJoin() {
    LineRanges lines = new LineRanges();
    lines.add("1-4,9-10");
    lines.add(3, 6);
    lines.add(7, 8);
    // 1..10
    assertEquals("1-10", lines.toString());
    assertEquals(10, lines.lines());
  }

  @Test
  void removedLinesLeaveTheRestWhereverTheyFall() {
    LineRanges lines = new LineRanges();
    lines.add("1-20,30-39,50");
    lines.remove(6, 10); // inside one range: 1-5,11-20
    lines.remove(18, 32); // across two: 11-17,33-39
    lines.remove(50, 60); // a whole range and lines not held
    lines.remove(1, 1); // an edge
    assertEquals("2-5,11-17,33-39", lines.toString());
    // 4 + 7 + 7
    assertEquals(18, lines.lines());
    lines.remove(100, 200);
    assertEquals(18, lines.lines());
  }
}
