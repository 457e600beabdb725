package io.podometer.engine.identity;

import java.util.Objects;

/**
 * A member an unmapped identity is likely to be, with the rule that says so ({@code githubNoReply},
 * {@code sameAuthor}, {@code sameEmailLocalPart}, {@code sameName}, strongest first) and what
 * matched, in words.
 */
public record Suggestion(String member, String name, String rule, String because) {

  public Suggestion {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(rule, "rule");
  }
}
