package io.podometer.engine.metric.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevertMentionTest {

  private static final String SHA = "9f2c1a0b9f2c1a0b9f2c1a0b9f2c1a0b9f2c1a0b";

  @Test
  void gitRevertOfASquashMergeNamesTheShaTitleAndNumber() {
    RevertMention m =
        RevertMention.parse(
            "Revert \"Add cart API (#41)\"\n\nThis reverts commit " + SHA + ".", true);
    assertEquals(List.of(SHA), m.shas());
    assertEquals(List.of(new RevertMention.Reference(null, 41)), m.numbers());
    assertEquals("Add cart API (#41)", m.title());
    assertEquals("Add cart API", m.titleWithoutNumber());
  }

  @Test
  void theSquashSuffixOfTheRevertItselfIsNotWhatItReverts() {
    RevertMention m = RevertMention.parse("Revert \"Add cart API (#41)\" (#45)", true);
    assertEquals(List.of(new RevertMention.Reference(null, 41)), m.numbers());
    assertEquals(
        List.of(new RevertMention.Reference(null, 41)),
        RevertMention.parse("Revert #41 (#45)", true).numbers());
  }

  @Test
  void gitHubRevertPullRequestBodyNamesTheRepositoryAndNumber() {
    RevertMention m = RevertMention.parse("Revert \"Speed up\"\n\nReverts acme/shop#41", false);
    assertEquals(List.of(new RevertMention.Reference("acme/shop", 41)), m.numbers());
    assertEquals("Speed up", m.title());
  }

  @Test
  void issuesMentionedInsideTheRevertedTitleAreNotPullRequests() {
    RevertMention m = RevertMention.parse("Revert \"Fix #12 crash\"", false);
    assertEquals(List.of(), m.numbers());
  }

  @Test
  void aShortShaCountsAndOtherTextIsNoRevert() {
    assertEquals(
        List.of("abcdef1"),
        RevertMention.parse("Undo retry\n\nThis reverts commit ABCDEF1.", true).shas());
    assertNull(RevertMention.parse("Add revert button (#12)", true));
    assertNull(RevertMention.parse("Fix #41", false));
  }
}
