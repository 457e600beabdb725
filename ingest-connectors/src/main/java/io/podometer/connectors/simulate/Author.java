package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Org.Member;

/** Who writes a commit or opens a pull request: a member, an agent account or an ignored bot. */
record Author(String name, String email, String login, Member member) {

  static final Author COPILOT_AGENT =
      new Author(
          "Copilot", "198982749+Copilot@users.noreply.github.com", "copilot-swe-agent[bot]", null);
  static final Author DEVIN =
      new Author(
          "devin-ai-integration[bot]",
          "158243242+devin-ai-integration[bot]@users.noreply.github.com",
          "devin-ai-integration[bot]",
          null);
  static final Author DEPENDABOT =
      new Author(
          "dependabot[bot]",
          "49699333+dependabot[bot]@users.noreply.github.com",
          "dependabot[bot]",
          null);
  static final Author GITHUB = new Author("GitHub", "noreply@github.com", null, null);

  static Author of(Member member) {
    return new Author(member.name(), member.email(), member.github(), member);
  }

  boolean human() {
    return member != null;
  }
}
