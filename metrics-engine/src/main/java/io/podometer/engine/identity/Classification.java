package io.podometer.engine.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * What an identity seen in the events is (SPEC §2, §5): a member of the organization, an agent, an
 * ignored bot (counted for nobody) or an unmapped identity (kept, counted for the pod owning the
 * repository, and listed so an admin can map it).
 */
public sealed interface Classification {

  /** An ignored bot: neither human nor agent figures. */
  Classification IGNORED_BOT = new IgnoredBot();

  /** An identity no member, agent pattern or ignored bot names. */
  Classification UNMAPPED = new Unmapped();

  /** The member's id, for a member. */
  default Optional<String> memberId() {
    return Optional.empty();
  }

  /** The agent tool, for an agent. */
  default Optional<String> tool() {
    return Optional.empty();
  }

  /**
   * How the API names this kind: {@code member}, {@code agent}, {@code ignoredBot}, {@code
   * unmapped}.
   */
  String kind();

  /** The identity is one of the organization's members. */
  record Member(String id) implements Classification {
    public Member {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public Optional<String> memberId() {
      return Optional.of(id);
    }

    @Override
    public String kind() {
      return "member";
    }
  }

  /** The identity is an agent's account or address. */
  record Agent(String name) implements Classification {
    public Agent {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public Optional<String> tool() {
      return Optional.of(name);
    }

    @Override
    public String kind() {
      return "agent";
    }
  }

  /** The identity is a configured ignored bot. */
  record IgnoredBot() implements Classification {
    @Override
    public String kind() {
      return "ignoredBot";
    }
  }

  /** The identity maps to nothing the organization model knows. */
  record Unmapped() implements Classification {
    @Override
    public String kind() {
      return "unmapped";
    }
  }
}
