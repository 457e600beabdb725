package io.podometer.engine.metric.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Evidence writes instants exactly as {@link Instant#toString()} would. */
class MomentsTest {

  private static String written(Instant instant) {
    StringBuilder text = new StringBuilder();
    Moments.append(text, instant);
    return text.toString();
  }

  @Test
  void writesInstantsLikeInstantToString() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      // 1970 … 2100, whole seconds, and some with nanoseconds
      Instant instant = Instant.ofEpochSecond(Math.floorMod(random.nextLong(), 4_102_444_800L));
      if (i % 10 == 0) {
        instant = instant.plusNanos(random.nextInt(1_000_000_000));
      }
      assertEquals(instant.toString(), written(instant));
    }
    assertEquals("2026-12-31T23:59:59Z", written(Instant.parse("2026-12-31T23:59:59Z")));
    assertEquals("2027-01-04T03:00:00Z", written(Instant.parse("2027-01-04T03:00:00Z")));
    assertEquals("1969-12-31T23:59:59Z", written(Instant.parse("1969-12-31T23:59:59Z")));
  }

  @Test
  void writesHoursRoundedToHundredths() {
    assertEquals("55 h", Hours.text(55));
    assertEquals("1.5 h", Hours.text(1.5));
    assertEquals("0.33 h", Hours.text(1 / 3.0));
    assertEquals("0.05 h", Hours.text(0.05));
    assertEquals("211 h", Hours.text(211.0000001));
  }
}
