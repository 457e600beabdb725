package io.podometer.engine.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.org.OrgFixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one classifier, on the example organization (ana, raj, sam; built-in agents; bots). */
class IdentityDirectoryTest {

  private final IdentityDirectory identities = new IdentityDirectory(OrgFixtures.example());

  @Test
  void membersAreFoundByLoginAndEmailIgnoringCaseAndByTelemetryIdExactly() {
    assertEquals(new Classification.Member("ana"), identities.classify("ana-l"));
    assertEquals(new Classification.Member("ana"), identities.classify("Ana-L"));
    assertEquals(new Classification.Member("ana"), identities.classify("ANA@Acme.Example"));
    assertEquals(new Classification.Member("ana"), identities.classify("5e1f0c2a-uuid"));
    assertEquals(new Classification.Member("raj"), identities.classify(" rajp "));
    assertEquals(
        new Classification.Member("sam"),
        identities.classify("1234+sam-ito@users.noreply.github.com"));
    assertEquals(
        new Classification.Member("sam"), identities.classify("sam-ito@users.noreply.github.com"));
    assertEquals(Optional.of("ana"), identities.memberOf("ana-l"));
    // a member's display name or id is no identity of theirs
    assertEquals(Classification.UNMAPPED, identities.classify("ana"));
    assertEquals(Classification.UNMAPPED, identities.classify("Ana Lima"));
  }

  @Test
  void agentsAreFoundByLoginOrAddressWithTheirTool() {
    assertEquals(
        new Classification.Agent("copilot"), identities.classify("copilot-swe-agent[bot]"));
    assertEquals(
        new Classification.Agent("claude_code"), identities.classify("noreply@anthropic.com"));
    assertEquals(
        new Classification.Agent("copilot"),
        identities.classify("198982749+Copilot@users.noreply.github.com"));
    assertEquals(Optional.of("devin"), identities.classify("devin-ai-integration[bot]").tool());
    assertEquals("agent", identities.classify("cursor[bot]").kind());
  }

  @Test
  void aHumanAtAnAiCompanysDomainStaysAHuman() {
    assertEquals(Classification.UNMAPPED, identities.classify("jane@anthropic.com"));
    assertEquals(Classification.UNMAPPED, identities.classify("dev@cursor.com"));
    // and only an author's name carries aider's suffix: a plain identity never does
    assertEquals(Classification.UNMAPPED, identities.classify("Jane (aider)"));
  }

  @Test
  void ignoredBotsAreNeitherPeopleNorAgentsWhateverAddressTheyUse() {
    assertSame(Classification.IGNORED_BOT, identities.classify("dependabot[bot]"));
    assertSame(Classification.IGNORED_BOT, identities.classify("Renovate[bot]"));
    assertSame(
        Classification.IGNORED_BOT,
        identities.classify("49699333+dependabot[bot]@users.noreply.github.com"));
    assertTrue(identities.isIgnoredBot("github-actions[bot]"));
    assertFalse(identities.isIgnoredBot("ana-l"));
    assertEquals("ignoredBot", identities.classify("dependabot[bot]").kind());
  }

  @Test
  void anIdentityNobodyClaimsIsUnmappedAndNothingIsThrownForNothing() {
    assertEquals(Classification.UNMAPPED, identities.classify("stranger"));
    assertEquals(Classification.UNMAPPED, identities.classify("stranger@acme.example"));
    assertEquals(Classification.UNMAPPED, identities.classify(null));
    assertEquals(Classification.UNMAPPED, identities.classify("  "));
    assertEquals("unmapped", identities.classify("stranger").kind());
    assertEquals(Optional.empty(), identities.memberOf(null));
  }

  @Test
  void anIgnoredBotWinsOverAMemberAndAMemberOverAnAgentPattern() {
    IdentityDirectory odd =
        new IdentityDirectory(
            OrgFixtures.load(
                """
                org: {name: Acme, ignoredBots: ["ci@acme.example"]}
                members:
                  - {id: ci, name: CI, identities: {emails: [ci@acme.example]}}
                  - {id: bo, name: Bo, identities: {github: ["cursor[bot]"]}}
                """));
    assertSame(Classification.IGNORED_BOT, odd.classify("ci@acme.example"));
    assertEquals(new Classification.Member("bo"), odd.classify("cursor[bot]"));
  }

  @Test
  void aCommitAuthorIsReadWhole() {
    // by login first, then by e-mail
    assertEquals(
        new Classification.Member("ana"),
        identities.classifyAuthor("Ana", "unknown@acme.example", "ana-l"));
    assertEquals(
        new Classification.Member("raj"),
        identities.classifyAuthor("Raj", "raj@acme.example", null));
    // aider's suffix marks an author whose address is nobody's
    assertEquals(
        new Classification.Agent("aider"),
        identities.classifyAuthor("Jane Doe (aider)", "jane@elsewhere.example", null));
    // …but a member's address keeps the commit the member's (the attribution reads the suffix)
    assertEquals(
        new Classification.Member("ana"),
        identities.classifyAuthor("Ana Lima (aider)", "ana@acme.example", null));
    assertSame(
        Classification.IGNORED_BOT,
        identities.classifyAuthor(
            "dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", null));
    assertEquals(
        Classification.UNMAPPED,
        identities.classifyAuthor("Claude", "claude@example.org", "someone"));
  }

  @Test
  void aPersonSigningInIsAMemberByExactEmailOnly() {
    assertEquals(Optional.of("ana"), identities.memberBySignInEmail("Ana@Acme.Example"));
    // a login, telemetry id or no-reply address proves nothing about who signed in
    assertEquals(Optional.empty(), identities.memberBySignInEmail("ana-l"));
    assertEquals(Optional.empty(), identities.memberBySignInEmail("5e1f0c2a-uuid"));
    assertEquals(
        Optional.empty(), identities.memberBySignInEmail("1234+sam-ito@users.noreply.github.com"));
    assertEquals(Optional.empty(), identities.memberBySignInEmail(null));
  }
}
