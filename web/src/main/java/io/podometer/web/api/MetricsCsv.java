package io.podometer.web.api;

import java.util.Locale;

/** The figures of a metrics answer as CSV, one row per metric and week (RFC 4180 quoting). */
final class MetricsCsv {

  static final String HEADER =
      "scope,metric,unit,week,from,value,num,den,n,people,exact,tier,withheld,partial,no_data";

  private MetricsCsv() {}

  static String of(MetricsResource.MetricsAnswer answer) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (MetricsResource.MetricSeries series : answer.metrics()) {
      for (FigureView f : series.figures()) {
        csv.append(field(answer.scope())).append(',');
        csv.append(field(series.metric())).append(',');
        csv.append(field(series.unit())).append(',');
        csv.append(field(f.week())).append(',');
        csv.append(field(f.from())).append(',');
        csv.append(number(f.value())).append(',');
        csv.append(number(f.num())).append(',');
        csv.append(number(f.den())).append(',');
        csv.append(f.n() == null ? "" : f.n()).append(',');
        csv.append(f.people() == null ? "" : f.people()).append(',');
        csv.append(number(f.exact())).append(',');
        csv.append(field(f.tier())).append(',');
        csv.append(field(f.withheld())).append(',');
        csv.append(Boolean.TRUE.equals(f.partial())).append(',');
        csv.append(Boolean.TRUE.equals(f.noData())).append("\r\n");
      }
    }
    return csv.toString();
  }

  private static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%s", value);
  }

  private static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
