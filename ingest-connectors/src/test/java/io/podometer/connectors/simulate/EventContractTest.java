package io.podometer.connectors.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract check itself catches what it should, so the simulator's tests mean something. */
class EventContractTest {
  private final ObjectNode merged = DefaultRun.get().ofType("pr.merged").get(0);

  @Test
  void aGoodEventPasses() {
    assertEquals(List.of(), EventContract.violations(merged));
  }

  @Test
  void catchesMissingFieldsWrongIdsAndBadTimestamps() {
    ObjectNode noNumber = merged.deepCopy();
    ((ObjectNode) noNumber.get("data")).remove("mergeCommitSha");
    assertTrue(EventContract.violations(noNumber).toString().contains("lacks data.mergeCommitSha"));

    ObjectNode wrongId = merged.deepCopy();
    wrongId.put("id", "pr:acme/x#1:merged");
    assertTrue(EventContract.violations(wrongId).toString().contains("template"));

    ObjectNode offset = merged.deepCopy();
    ((ObjectNode) offset.get("data")).put("mergedAt", "2026-03-02T09:00:00+01:00");
    assertTrue(EventContract.violations(offset).toString().contains("mergedAt"));

    ObjectNode noRepo = merged.deepCopy();
    noRepo.remove("repo");
    assertTrue(EventContract.violations(noRepo).toString().contains("without repo"));
  }
}
