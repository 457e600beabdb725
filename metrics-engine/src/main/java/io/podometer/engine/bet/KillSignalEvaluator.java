package io.podometer.engine.bet;

import io.podometer.engine.event.EventData.BetSignal;
import io.podometer.engine.figure.Figure;
import io.podometer.engine.figure.FigureKey;
import io.podometer.engine.figure.MetricId;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.KillSignal;
import io.podometer.engine.scope.ScopeId;
import io.podometer.engine.time.IsoWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Judges a bet's kill signal in a week (SPEC §2): the signal's weekly value — the mean of the
 * week's {@code bet.signal} readings of that name, or the figure of the named metric for the bet's
 * scope ({@code bet:<id>}) — compared with the threshold in each of the {@code windowWeeks} weeks
 * ending that week. It fires when every one of them breached: a sustained signal, not one bad week.
 * A week without a value (no reading, no figure, or a withheld one) leaves the signal not
 * evaluated, saying which weeks lack it. Weeks are ISO weeks in the organization's time zone.
 */
public final class KillSignalEvaluator {

  private final ZoneId zone;
  private final Function<FigureKey, Figure> figures;
  // bet → signal name → week → {sum, count}
  private final Map<String, Map<String, Map<IsoWeek, double[]>>> readings = new HashMap<>();

  public KillSignalEvaluator(
      ZoneId zone, List<BetSignal> signals, Function<FigureKey, Figure> figures) {
    this.zone = zone;
    this.figures = figures;
    for (BetSignal signal : signals) {
      if (signal.betId() == null || signal.name() == null || signal.at() == null) {
        continue;
      }
      double[] sum =
          readings
              .computeIfAbsent(signal.betId(), b -> new HashMap<>())
              .computeIfAbsent(signal.name(), n -> new HashMap<>())
              .computeIfAbsent(IsoWeek.of(signal.at(), zone), w -> new double[2]);
      sum[0] += signal.value();
      sum[1]++;
    }
  }

  /**
   * A bet's readings by signal name, week by week (oldest first): each week's mean and how many
   * readings it holds — the values its kill signal is judged on.
   */
  public Map<String, java.util.SortedMap<IsoWeek, KillSignalVerdict.WeekValue>> readings(
      String betId) {
    Map<String, java.util.SortedMap<IsoWeek, KillSignalVerdict.WeekValue>> byName =
        new java.util.TreeMap<>();
    readings
        .getOrDefault(betId, Map.of())
        .forEach(
            (name, weeks) -> {
              java.util.SortedMap<IsoWeek, KillSignalVerdict.WeekValue> values =
                  new java.util.TreeMap<>();
              weeks.forEach((week, sum) -> values.put(week, mean(week, sum)));
              byName.put(name, values);
            });
    return byName;
  }

  private static KillSignalVerdict.WeekValue mean(IsoWeek week, double[] sum) {
    return new KillSignalVerdict.WeekValue(week, sum[0] / sum[1], (int) sum[1]);
  }

  public KillSignalVerdict evaluate(Bet bet, IsoWeek week) {
    KillSignal signal = bet.killSignal();
    if (signal == null) {
      return new KillSignalVerdict(
          bet.id(), week, KillSignalVerdict.State.NOT_EVALUATED, List.of(), "no kill signal");
    }
    List<KillSignalVerdict.WeekValue> window = new ArrayList<>();
    List<IsoWeek> missing = new ArrayList<>();
    boolean allBreach = true;
    for (int back = signal.windowWeeks() - 1; back >= 0; back--) {
      IsoWeek w = week.plusWeeks(-back);
      KillSignalVerdict.WeekValue value = value(bet, signal, w);
      window.add(value);
      if (value.value() == null) {
        missing.add(w);
      } else {
        allBreach &= signal.firesOn(value.value());
      }
    }
    if (!missing.isEmpty()) {
      return new KillSignalVerdict(
          bet.id(),
          week,
          KillSignalVerdict.State.NOT_EVALUATED,
          window,
          "no "
              + signal.name()
              + (signal.source() == KillSignal.Source.METRIC ? " figure" : " reading")
              + " in "
              + String.join(", ", missing.stream().map(IsoWeek::toString).toList()));
    }
    return new KillSignalVerdict(
        bet.id(),
        week,
        allBreach ? KillSignalVerdict.State.FIRES : KillSignalVerdict.State.HOLDS,
        window,
        null);
  }

  private KillSignalVerdict.WeekValue value(Bet bet, KillSignal signal, IsoWeek week) {
    if (signal.source() == KillSignal.Source.METRIC) {
      Optional<MetricId> metric = MetricId.fromId(signal.name());
      Figure figure =
          metric
              .map(m -> figures.apply(new FigureKey(m, ScopeId.bet(bet.id()), week)))
              .orElse(null);
      boolean shown = figure != null && figure.withheld() == null && figure.value() != null;
      return new KillSignalVerdict.WeekValue(
          week, shown ? figure.value() : null, shown ? figure.n() : 0);
    }
    double[] sum =
        readings.getOrDefault(bet.id(), Map.of()).getOrDefault(signal.name(), Map.of()).get(week);
    return sum == null ? new KillSignalVerdict.WeekValue(week, null, 0) : mean(week, sum);
  }
}
