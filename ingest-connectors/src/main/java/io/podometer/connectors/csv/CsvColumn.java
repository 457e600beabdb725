package io.podometer.connectors.csv;

/** A column a kind of CSV file may have: its header name, and whether every row must fill it. */
public record CsvColumn(String name, boolean required) {

  static CsvColumn required(String name) {
    return new CsvColumn(name, true);
  }

  static CsvColumn optional(String name) {
    return new CsvColumn(name, false);
  }
}
