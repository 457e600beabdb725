package io.podometer.connectors.vendorusage;

import io.podometer.engine.event.CanonicalEvent;
import java.util.List;

/**
 * One page of a vendor's daily usage report: its days as events, and the cursor of the next page
 * (null: the last). A page with a row that breaks the contract is refused whole ({@link
 * Unreadable}), naming each row and field.
 */
public record UsageReport(List<CanonicalEvent> events, String nextPage) {

  /** A page that is not the vendor's report, or rows that cannot be usage days. */
  public static final class Unreadable extends RuntimeException {
    private final List<String> problems;

    public Unreadable(List<String> problems) {
      super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems");
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
