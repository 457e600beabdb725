package io.podometer.engine.metric.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.podometer.engine.event.EventData.AgentUsage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Usage days are ordered by day, tool and user, equal ones as given: the order cost sums are added
 * in, so it must not depend on the order events arrived in.
 */
class UsageOrderTest {

  @Test
  void ordersByDayToolAndUserKeepingEqualOnesAsGiven() {
    Random random = new Random(7);
    List<AgentUsage> usage = new ArrayList<>();
    String[] tools = {"copilot", "claude_code", "cursor"};
    String[] users = {"ana", "Ana", "bo", "bo@acme.test", "carla"};
    for (int i = 0; i < 400; i++) {
      usage.add(
          day(
              tools[random.nextInt(tools.length)],
              users[random.nextInt(users.length)],
              LocalDate.of(2026, 3, 1).plusDays(random.nextInt(20)),
              i));
    }
    // the same (day, tool, user) twice: kept in the order given
    usage.add(day("copilot", "ana", LocalDate.of(2026, 3, 5), 1000));
    usage.add(day("copilot", "ana", LocalDate.of(2026, 3, 5), 1001));

    assertSameOrder(stableSorted(usage), UsageOrder.sorted(usage));
  }

  @Test
  void ordersDaysFarApartAsWell() {
    // days from the first to the last representable one, with more (tool, user) pairs than
    // packed keys have room for
    List<AgentUsage> usage = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      LocalDate day = i % 3 == 0 ? LocalDate.MIN : i % 3 == 1 ? LocalDate.MAX : LocalDate.EPOCH;
      usage.add(day("tool" + (i % 2), "user" + (i % 1200), day, i));
    }
    Collections.shuffle(usage, new Random(3));

    assertSameOrder(stableSorted(usage), UsageOrder.sorted(usage));
  }

  private static List<AgentUsage> stableSorted(List<AgentUsage> usage) {
    List<AgentUsage> sorted = new ArrayList<>(usage);
    sorted.sort(UsageOrder.STABLE);
    return sorted;
  }

  private static void assertSameOrder(List<AgentUsage> expected, List<AgentUsage> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertSame(expected.get(i), actual.get(i), "usage day at " + i);
    }
  }

  /** A usage day told apart from equal ones by its session count. */
  private static AgentUsage day(String tool, String user, LocalDate day, int sessions) {
    return new AgentUsage(
        tool, user, day, null, true, null, null, null, null, null, null, sessions, null, null, null,
        null, null, null, null, null);
  }
}
