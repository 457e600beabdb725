package io.podometer.engine.org;

/**
 * One thing wrong with an organization file. {@code entry} names the entry ({@code members[1]
 * (raj)}, {@code org}) and {@code field} the field inside it ({@code memberships[0].from}); either
 * is empty when the problem is not inside one.
 */
public record OrgProblem(String source, String entry, String field, String message) {

  /** As shown to a user: {@code org.yaml: members[1] (raj): memberships[0].from: not a date: …}. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(source);
    for (String part : new String[] {entry, field}) {
      if (part != null && !part.isEmpty()) {
        line.append(": ").append(part);
      }
    }
    return line.append(": ").append(message).toString();
  }
}
