package io.podometer.connectors.commits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.connectors.commits.CommitMessage.Trailer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommitMessageTest {

  @Test
  void trailersAreTheLastParagraphsKeyValueLinesVerbatimAndInOrder() {
    String message =
        "Add cart API\n\nBody text: not a trailer block, as it goes on\nwith prose.\n\n"
            + "Co-Authored-By: Claude <noreply@anthropic.com>\n"
            + "Signed-off-by: Ana Lima <ana@acme.example>\n"
            + "co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\n";
    assertEquals(
        List.of(
            new Trailer("Co-Authored-By", "Claude <noreply@anthropic.com>"),
            new Trailer("Signed-off-by", "Ana Lima <ana@acme.example>"),
            new Trailer("co-authored-by", "Copilot <175728472+Copilot@users.noreply.github.com>")),
        CommitMessage.trailers(message));
  }

  @Test
  void aLastParagraphOfProseOrASubjectAloneHasNoTrailers() {
    assertEquals(List.of(), CommitMessage.trailers("Fix: the cart total"));
    assertEquals(
        List.of(),
        CommitMessage.trailers(
            "Fix cart\n\nCo-Authored-By: Claude <noreply@anthropic.com>\nthanks"));
    assertEquals(List.of(), CommitMessage.trailers(null));
    assertEquals(List.of(), CommitMessage.trailers(""));
  }

  @Test
  void continuationLinesJoinTheirTrailer() {
    assertEquals(
        List.of(new Trailer("Reviewed-by", "Sam Ito <sam@acme.example> and Raj")),
        CommitMessage.trailers("Fix\n\nReviewed-by: Sam Ito <sam@acme.example>\n  and Raj"));
  }

  @Test
  void thePullRequestComesFromGitHubsMergeOrSquashSubject() {
    assertEquals(
        Optional.of(41),
        CommitMessage.pullRequestNumber("Merge pull request #41 from ana-l/cart\n\nAdd cart"));
    assertEquals(
        Optional.of(1234), CommitMessage.pullRequestNumber("Add cart API (#1234)\n\nbody"));
    assertEquals(Optional.empty(), CommitMessage.pullRequestNumber("Fix #12 in the cart"));
    // only the subject names it: a body mentioning (#7) is no merge
    assertEquals(Optional.empty(), CommitMessage.pullRequestNumber("Fix cart\n\nSee (#7)"));
    assertEquals(Optional.empty(), CommitMessage.pullRequestNumber(null));
  }
}
