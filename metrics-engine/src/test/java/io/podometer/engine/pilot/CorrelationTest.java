package io.podometer.engine.pilot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationTest {

  private static List<Correlation.Point> points(double... xy) {
    java.util.ArrayList<Correlation.Point> list = new java.util.ArrayList<>();
    for (int i = 0; i < xy.length; i += 2) {
      list.add(new Correlation.Point(xy[i], xy[i + 1]));
    }
    return list;
  }

  @Test
  void fivePodsGiveRAndAWideInterval() {
    // x 1 2 3 4 5 (mean 3), y 2 4 5 4 5 (mean 4)
    // dx -2 -1 0 1 2, dy -2 0 1 0 1: sxy = 4 + 0 + 0 + 0 + 2 = 6, sxx = 10, syy = 4 + 0 + 1 + 0 + 1
    // = 6
    // r = 6 / sqrt(60) = 0.774597
    // z = atanh(0.774597) = 1.031718, se = 1 / sqrt(2) = 0.707107, 1.959964 × se = 1.385904
    // low = tanh(-0.354185) = -0.340082, high = tanh(2.417622) = 0.984236
    Correlation c = Correlation.of(points(1, 2, 2, 4, 3, 5, 4, 4, 5, 5));
    assertEquals(5, c.n());
    assertEquals(0.774597, c.r(), 1e-6);
    assertEquals(-0.340082, c.low(), 1e-6);
    assertEquals(0.984236, c.high(), 1e-6);
    assertFalse(c.signKnown(), "five pods cannot tell even the sign");
  }

  @Test
  void aPerfectlyFallingLineOverManyPodsTellsItsSign() {
    // y = 10 − x over 10 pods: r = −1 exactly, no interval to compute
    Correlation c =
        Correlation.of(points(1, 9, 2, 8, 3, 7, 4, 6, 5, 5, 6, 4, 7, 3, 8, 2, 9, 1, 10, 0));
    assertEquals(-1.0, c.r(), 1e-12);
    assertNull(c.low());
  }

  @Test
  void tooFewPodsOrNoSpreadGiveNoR() {
    assertNull(Correlation.of(points(1, 2, 2, 3)).r());
    assertNull(Correlation.of(points(1, 2, 1, 3, 1, 4)).r(), "x does not vary");
    // three pods: r, but no interval (n − 3 = 0)
    Correlation three = Correlation.of(points(1, 1, 2, 3, 3, 2));
    // dx -1 0 1, dy -1 1 0: sxy = 1 + 0 + 0 = 1, sxx = 2, syy = 2, r = 0.5
    assertEquals(0.5, three.r(), 1e-12);
    assertNull(three.high());
    assertTrue(
        Correlation.of(points(1, 1, 2, 2, 3, 3.1, 4, 3.9, 5, 5.2, 6, 5.8, 7, 7.1, 8, 8))
            .signKnown());
  }
}
