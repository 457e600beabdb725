package io.podometer.engine.org;

import java.util.List;

/** How a member appears in sources: GitHub logins, e-mail addresses, agent-telemetry user ids. */
public record Identities(List<String> github, List<String> emails, List<String> telemetry) {

  public static final Identities NONE = new Identities(List.of(), List.of(), List.of());

  public Identities {
    github = github == null ? List.of() : List.copyOf(github);
    emails = emails == null ? List.of() : List.copyOf(emails);
    telemetry = telemetry == null ? List.of() : List.copyOf(telemetry);
  }
}
