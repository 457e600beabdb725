package io.podometer.engine.org;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The comparator of a kill signal: the signal fires when {@code value <op> threshold}. */
public enum Comparison {
  LESS("<"),
  LESS_OR_EQUAL("<="),
  GREATER(">"),
  GREATER_OR_EQUAL(">=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public boolean holds(double value, double threshold) {
    return switch (this) {
      case LESS -> value < threshold;
      case LESS_OR_EQUAL -> value <= threshold;
      case GREATER -> value > threshold;
      case GREATER_OR_EQUAL -> value >= threshold;
    };
  }

  public static Optional<Comparison> fromSymbol(String symbol) {
    return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
  }

  static String allSymbols() {
    return Arrays.stream(values()).map(Comparison::symbol).collect(Collectors.joining(" "));
  }
}
