package io.podometer.engine.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.engine.org.OrgFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each suggestion rule, and identities that suggest nobody. */
class MatchSuggesterTest {

  private final MatchSuggester suggester =
      new MatchSuggester(
          new IdentityDirectory(
              OrgFixtures.load(
                  """
                  org: {name: Acme}
                  members:
                    - {id: ana, name: Ana Lima, identities: {github: [ana-l], emails: [ana@acme.example]}}
                    - {id: raj, name: Raj Patel, identities: {emails: [raj.patel@acme.example, 77+rajp@users.noreply.github.com]}}
                    - {id: sam, name: Sam Ito, identities: {github: [sam-ito]}}
                  """)));

  private List<String> members(String identity, List<String> names, List<String> beside) {
    return suggester.suggest(identity, names, beside).stream()
        .map(s -> s.member() + ":" + s.rule())
        .toList();
  }

  @Test
  void theSameNameAsAMembersNameCaseAndSpacingAside() {
    assertEquals(
        List.of("ana:sameName"), members("al@home.example.org", List.of(" ana  LIMA "), List.of()));
    // aider's author-name suffix is not part of the name
    assertEquals(
        List.of("sam:sameName"),
        members("s.ito@else.example", List.of("Sam Ito (aider)"), List.of()));
  }

  @Test
  void theSameEmailLocalPartAsOneOfAMembersEmails() {
    List<Suggestion> found =
        suggester.suggest("Raj.Patel@old-company.example", List.of(), List.of());
    assertEquals(List.of("raj"), found.stream().map(Suggestion::member).toList());
    assertEquals("sameEmailLocalPart", found.get(0).rule());
    assertEquals("Raj Patel", found.get(0).name());
  }

  @Test
  void aGitHubNoReplyAddressOfAMembersLoginAndALoginOfAMembersNoReplyAddress() {
    assertEquals(
        List.of("sam:githubNoReply"),
        members("4242+Sam-Ito@users.noreply.github.com", List.of(), List.of()));
    assertEquals(
        List.of("ana:githubNoReply"),
        members("ana-l@users.noreply.github.com", List.of(), List.of()));
    assertEquals(List.of("raj:githubNoReply"), members("RajP", List.of(), List.of()));
  }

  @Test
  void aCommitAuthorCarryingAMembersIdentityBesideIt() {
    assertEquals(List.of("ana:sameAuthor"), members("ana-laptop", List.of(), List.of("ana")));
  }

  @Test
  void oneSuggestionPerMemberStrongestRuleFirst() {
    assertEquals(
        List.of("raj:githubNoReply", "ana:sameName"),
        members("rajp", List.of("Ana Lima", "Raj Patel"), List.of()));
  }

  @Test
  void nearMissesSuggestNobody() {
    // another name, another local part, a no-reply address of an unknown login, a bare first name
    assertEquals(
        List.of(), members("someone@acme.example", List.of("Ana Limas", "Ana"), List.of()));
    assertEquals(List.of(), members("99+stranger@users.noreply.github.com", List.of(), List.of()));
    assertEquals(List.of(), members("ana", List.of(), List.of()));
    // a no-reply address is not compared by its local part
    assertEquals(List.of(), members("77+rajp@acme.example", List.of(), List.of()));
    assertEquals(List.of(), members("x@y.example", List.of(""), List.of("nobody-such")));
  }
}
