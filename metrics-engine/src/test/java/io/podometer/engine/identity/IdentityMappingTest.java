package io.podometer.engine.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podometer.engine.org.OrgFixtures;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.OrgModelLoader;
import io.podometer.engine.org.OrgModelWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An admin's decision as a new model, written and read back as the web stores it. */
class IdentityMappingTest {

  private final OrgModel example = OrgFixtures.example();

  /** The model after the mapping, through the writer and the loader (as a stored version). */
  private IdentityDirectory stored(IdentityMapping mapping) {
    OrgModel changed = mapping.applyTo(example);
    String json = new OrgModelWriter().toJson(changed);
    return new IdentityDirectory(
        new OrgModelLoader().load(json, "mapped", "application/json").model());
  }

  @Test
  void aLoginAnEmailOrATelemetryIdJoinsTheMembersListOfItsShape() {
    IdentityDirectory after = stored(new IdentityMapping("ana-laptop", "member", "ana", null));
    assertEquals(new Classification.Member("ana"), after.classify("ANA-LAPTOP"));
    assertTrue(
        after.model().member("ana").orElseThrow().identities().github().contains("ana-laptop"));
    after = stored(new IdentityMapping(" Ana.Lima@Home.Example ", "member", "ana", null));
    assertEquals(
        List.of("ana@acme.example", "Ana.Lima@Home.Example"),
        after.model().member("ana").orElseThrow().identities().emails());
    String uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    after = stored(new IdentityMapping(uuid, "member", "sam", null));
    assertEquals(List.of(uuid), after.model().member("sam").orElseThrow().identities().telemetry());
    assertEquals(new Classification.Member("sam"), after.classify(uuid));
    // nobody else changed
    assertEquals(Classification.UNMAPPED, after.classify("ana-laptop"));
  }

  @Test
  void anAgentsLoginOrEmailExtendsItsToolsPatternOrStartsOne() {
    IdentityDirectory after = stored(new IdentityMapping("acme-ai[bot]", "agent", null, "copilot"));
    assertEquals(new Classification.Agent("copilot"), after.classify("acme-ai[bot]"));
    // the built-in copilot patterns still hold
    assertEquals(new Classification.Agent("copilot"), after.classify("copilot-swe-agent[bot]"));
    after = stored(new IdentityMapping("bot@agents.acme.example", "agent", null, "claude_code"));
    assertEquals(
        new Classification.Agent("claude_code"), after.classify("bot@agents.acme.example"));
    assertEquals(new Classification.Agent("claude_code"), after.classify("noreply@anthropic.com"));
    after = stored(new IdentityMapping("homegrown-bot", "agent", null, "homegrown"));
    assertEquals(new Classification.Agent("homegrown"), after.classify("homegrown-bot"));
  }

  @Test
  void anIgnoredBotJoinsTheIgnoredBots() {
    IdentityDirectory after = stored(new IdentityMapping("ci-runner", "ignoredBot", null, null));
    assertEquals(Classification.IGNORED_BOT, after.classify("ci-runner"));
    assertTrue(after.model().org().ignoredBots().contains("dependabot[bot]"));
  }

  @Test
  void anIdentityAlreadyPlacedIsAConflict() {
    for (String placed :
        List.of("ana-l", "RAJ@acme.example", "copilot-swe-agent[bot]", "dependabot[bot]")) {
      MappingRefused refused =
          assertThrows(
              MappingRefused.class,
              () -> new IdentityMapping(placed, "ignoredBot", null, null).applyTo(example));
      assertTrue(refused.conflict(), placed);
      assertEquals("identity", refused.field());
    }
    assertEquals(
        "identity: 'ana-l' already identifies member 'ana'",
        assertThrows(
                MappingRefused.class,
                () -> new IdentityMapping("ana-l", "member", "raj", null).applyTo(example))
            .getMessage());
  }

  @Test
  void malformedRequestsNameTheFieldAndTheRule() {
    assertRefused("identity: required", new IdentityMapping(null, "member", "ana", null));
    assertRefused("identity: required", new IdentityMapping("  ", "member", "ana", null));
    assertRefused(
        "identity: at most 256 characters, got 257",
        new IdentityMapping("x".repeat(257), "ignoredBot", null, null));
    assertRefused(
        "identity: must not contain white space or control characters",
        new IdentityMapping("a b", "ignoredBot", null, null));
    assertRefused(
        "identity: must not contain '*'",
        new IdentityMapping("*@acme.example", "ignoredBot", null, null));
    assertRefused(
        "identity: an erased member's pseudonym: their history stays apart from any person",
        new IdentityMapping("erased-k3j9x2m4q", "member", "ana", null));
    assertRefused(
        "action: required, one of [member, agent, ignoredBot]",
        new IdentityMapping("x", null, null, null));
    assertRefused(
        "action: must be one of [member, agent, ignoredBot], got 'delete'",
        new IdentityMapping("x", "delete", null, null));
    assertRefused(
        "member: required for the action 'member'", new IdentityMapping("x", "member", null, null));
    assertRefused(
        "member: no member 'zoe' in the organization model",
        new IdentityMapping("x", "member", "zoe", null));
    assertRefused(
        "member: only for the action 'member'",
        new IdentityMapping("x", "agent", "ana", "copilot"));
    assertRefused(
        "tool: required for the action 'agent'", new IdentityMapping("x", "agent", null, null));
    assertRefused(
        "tool: only for the action 'agent'", new IdentityMapping("x", "member", "ana", "copilot"));
    assertRefused(
        "tool: letters, digits, '_', '.' or '-', at most 64, got 'a tool'",
        new IdentityMapping("x", "agent", null, "a tool"));
    assertRefused(
        "identity: an agent is recognised by a login or an e-mail, not a telemetry id",
        new IdentityMapping("0f8fad5b-d9cb-469f-a165-70867728950e", "agent", null, "copilot"));
  }

  private void assertRefused(String message, IdentityMapping mapping) {
    MappingRefused refused = assertThrows(MappingRefused.class, () -> mapping.applyTo(example));
    assertEquals(message, refused.getMessage());
    assertFalse(refused.conflict(), message);
  }
}
