package io.podometer.engine.org;

import java.util.List;
import java.util.Objects;

/**
 * A loaded organization model with what is odd but allowed about it, e.g. {@code bet 'checkout-v2'
 * has 2 STOs (ana, raj); a bet has exactly one}.
 */
public record OrgLoadResult(OrgModel model, List<String> warnings) {

  public OrgLoadResult {
    Objects.requireNonNull(model, "model");
    warnings = List.copyOf(warnings);
  }
}
