package io.podometer.engine.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which drill-down items may be listed one by one: those about work; anything else is summed. */
class EvidenceTest {

  @Test
  void itemsAboutWorkAreListed() {
    for (String ref :
        new String[] {
          "pr:acme/shop#41",
          "commit:acme/shop@9f1f6b4",
          "deploy:7731",
          "incident:INC-12",
          "service:checkout-api"
        }) {
      assertFalse(new Evidence(ref, "rule").aboutAPerson(), ref);
    }
  }

  @Test
  void itemsAboutAPersonAreSummed() {
    for (String ref :
        new String[] {
          "usage:claude_code:ana@acme.example:2026-09-25",
          "pulse:2026-W39:flow",
          "review:acme/shop#41:2004299",
          "meeting:ana:2026-W39",
          "member:ana",
          "engineer:ana:2026-W39",
          "identity:someone@example.com"
        }) {
      assertTrue(new Evidence(ref, "rule").aboutAPerson(), ref);
    }
  }

  @Test
  void aKindNobodyClassifiedIsSummedNotListed() {
    // a new source's evidence (say a seat of an agent licence) is about a person until classified
    assertTrue(new Evidence("seat:copilot:ana", "a seat assigned").aboutAPerson());
    assertTrue(new Evidence("ana", "no kind at all").aboutAPerson());
    assertTrue(new Evidence(":x", "an empty kind").aboutAPerson());
  }

  @Test
  void wordsPutTogetherWhenReadAreTheWordsOnceAndForAll() {
    AtomicInteger made = new AtomicInteger();
    Evidence lazy =
        Evidence.lazily(
            "deploy:7731",
            () -> {
              made.incrementAndGet();
              return "production deployment (success) finished " + 1_700_000_000L;
            });
    // a full recomputation never reads them: nothing is put together
    assertFalse(lazy.aboutAPerson());
    assertEquals("deploy:7731", lazy.ref());
    assertEquals(0, made.get());
    Evidence eager =
        new Evidence("deploy:7731", "production deployment (success) finished 1700000000");
    assertEquals(eager.rule(), lazy.rule());
    assertEquals(eager, lazy);
    assertEquals(eager.hashCode(), lazy.hashCode());
    lazy.rule();
    assertEquals(1, made.get(), "put together once, then kept");
    assertFalse(lazy.equals(new Evidence("deploy:7731", "another rule")));
  }
}
