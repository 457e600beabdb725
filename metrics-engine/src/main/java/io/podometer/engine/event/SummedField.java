package io.podometer.engine.event;

import java.math.BigDecimal;

/**
 * A data field that adds up over the distinct events of a fact: each event id counts once (its
 * revisions fold latest-wins among themselves), so a piece of telemetry sent again is not counted
 * twice. A sum never exceeds {@code cap} — the field's own limit, or what its type can hold — so a
 * fact always reads back as the contract's type however many pieces arrive.
 */
public record SummedField(String name, boolean integral, BigDecimal cap) {

  static SummedField of(FieldSpec spec) {
    return switch (spec.kind()) {
      case NON_NEGATIVE_INTEGER ->
          new SummedField(
              spec.name(), true, BigDecimal.valueOf(Math.min(spec.max(), Integer.MAX_VALUE)));
      case NON_NEGATIVE_LONG ->
          new SummedField(
              spec.name(),
              true,
              spec.max() >= Long.MAX_VALUE
                  ? BigDecimal.valueOf(Long.MAX_VALUE)
                  : BigDecimal.valueOf((long) spec.max()));
      case NON_NEGATIVE_NUMBER ->
          new SummedField(spec.name(), false, new BigDecimal(Double.toString(spec.max())));
      default ->
          throw new IllegalArgumentException(
              spec.name() + ": only non-negative numbers add up, not " + spec.kind());
    };
  }
}
