package io.podometer.web.report;

import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.MetricId;
import io.podometer.web.bet.BetViews;
import java.util.Locale;

/** How the report writes figures: shares in percent, hours with one decimal, withheld as such. */
final class ReportText {

  static final String NO_DATA = "no data";

  private ReportText() {}

  static WeeklyReport.Cell cell(Figure figure) {
    if (figure == null || (figure.value() == null && figure.withheld() == null)) {
      return new WeeklyReport.Cell(null, NO_DATA, null);
    }
    if (figure.withheld() != null) {
      return new WeeklyReport.Cell(null, figure.withheld(), figure.withheld());
    }
    return new WeeklyReport.Cell(figure.value(), value(figure.metric(), figure.value()), null);
  }

  static String value(MetricId metric, double value) {
    return switch (metric.unit()) {
      case "share" -> percent(value);
      case "hours" -> String.format(Locale.ROOT, "%.1f h", value);
      case "score 1-5" -> String.format(Locale.ROOT, "%.2f", value);
      default -> BetViews.number(Math.round(value * 100) / 100.0);
    };
  }

  static String percent(double share) {
    double percent = share * 100;
    return (Math.abs(percent) < 10 && percent != Math.rint(percent)
            ? String.format(Locale.ROOT, "%.1f", percent)
            : String.format(Locale.ROOT, "%.0f", percent))
        + " %";
  }

  static String signedPoints(double change) {
    long points = Math.round(Math.abs(change) * 100);
    return (change >= 0 ? "+" : "−") + points + (points == 1 ? " point" : " points");
  }

  static String signedPercent(double change) {
    return (change >= 0 ? "+" : "−") + percent(Math.abs(change));
  }
}
