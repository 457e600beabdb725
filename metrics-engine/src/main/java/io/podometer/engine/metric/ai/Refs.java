package io.podometer.engine.metric.ai;

import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.fact.PullRequestFact;
import io.podometer.engine.fact.ReviewFact;
import io.podometer.engine.metric.ai.SourcedAttribution.Part;
import java.util.Locale;

/** Evidence references and the wording of evidence rules. */
final class Refs {

  private static final String PR = "pr:";
  private static final String COMMIT = "commit:";
  private static final String REVIEW = "review:";
  private static final String USAGE = "usage:";

  private Refs() {}

  static String of(Object fact) {
    if (fact instanceof PullRequestFact pr) {
      return PR + pr.repo() + "#" + pr.number();
    } else if (fact instanceof CommitFact commit) {
      return COMMIT + commit.repo() + "@" + commit.sha();
    } else if (fact instanceof ReviewFact review) {
      return REVIEW
          + review.repo()
          + "#"
          + review.number()
          + ":"
          + (review.reviewId() != null
              ? review.reviewId()
              : review.reviewer() + "@" + review.submittedAt());
    } else if (fact instanceof AgentUsage usage) {
      return usage(usage.tool(), usage.user(), String.valueOf(usage.day()));
    }
    throw new IllegalArgumentException("no reference for " + fact);
  }

  /**
   * Compares the references of facts of different kinds as {@link String#compareTo} compares them,
   * without writing them: their prefixes differ from the first letter. 0 for facts of one kind.
   */
  static int compareKinds(Object a, Object b) {
    return prefix(a).compareTo(prefix(b));
  }

  private static String prefix(Object fact) {
    if (fact instanceof PullRequestFact) {
      return PR;
    } else if (fact instanceof CommitFact) {
      return COMMIT;
    } else if (fact instanceof ReviewFact) {
      return REVIEW;
    } else if (fact instanceof AgentUsage) {
      return USAGE;
    }
    throw new IllegalArgumentException("no reference for " + fact);
  }

  /** The reference of a usage day, the day written {@code 2026-03-03}. */
  static String usage(String tool, String user, String day) {
    return USAGE + tool + ":" + user + ":" + day;
  }

  /** "60 of 100 added lines AI by trailer (claude_code)", parts listed strongest first. */
  static String aiLines(SourcedAttribution a) {
    StringBuilder rule =
        new StringBuilder().append(a.aiLines()).append(" of ").append(a.addedLines());
    rule.append(" added lines AI");
    if (a.parts().isEmpty()) {
      return rule.append(" (human)").toString();
    }
    rule.append(" by ");
    for (int i = 0; i < a.parts().size(); i++) {
      Part part = a.parts().get(i);
      if (i > 0) {
        rule.append(", ");
      }
      if (a.parts().size() > 1) {
        rule.append(part.aiLines()).append(' ');
      }
      rule.append(part.source().id());
      if (part.tool() != null) {
        rule.append(" (").append(part.tool()).append(')');
      }
    }
    return rule.toString();
  }

  // Locale.US writes these patterns as Locale.ROOT does (digits 0-9, '.', no grouping) and
  // spares the formatter a look-up of the locale's symbols on every call

  static String percent(double share) {
    return String.format(Locale.US, "%.1f %%", share * 100);
  }

  static String amount(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : String.format(Locale.US, "%.2f", value);
  }
}
