package io.podometer.engine.figure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
