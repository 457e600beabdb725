package io.podometer.engine.figure;

import java.util.Set;

/**
 * Why an item counts in a figure: the fact behind it ({@code ref}, e.g. {@code pr:acme/shop#41},
 * {@code deploy:7731}) and the rule that tied it in, in words.
 */
public record Evidence(String ref, String rule) {

  /**
   * Kinds of fact about work rather than a person: the only items a drill-down lists one by one.
   */
  private static final Set<String> ABOUT_WORK =
      Set.of("pr", "commit", "deploy", "incident", "service");

  /**
   * Whether the item may be about one person: drill-downs sum such items into one line and never
   * list them one by one. Fails closed: only an item whose fact is of a kind known to be about work
   * (a pull request, a commit, a deployment, an incident, a service) is listed; any other — a
   * person's agent use, pulse answers, reviews given, meetings, activity, or a kind a new source
   * brings that nobody classified — is summed.
   */
  public boolean aboutAPerson() {
    int colon = ref.indexOf(':');
    return colon <= 0 || !ABOUT_WORK.contains(ref.substring(0, colon));
  }
}
