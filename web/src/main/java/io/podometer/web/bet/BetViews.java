package io.podometer.web.bet;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.podometer.engine.bet.KillSignalVerdict;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.BetLinks;
import io.podometer.engine.org.KillSignal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How bets read in the API: what the model says, with status history and the kill signal now. */
public final class BetViews {

  private BetViews() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record KillSignalView(
      String signal,
      String metric,
      String comparator,
      double threshold,
      int windowWeeks,
      String text) {

    static KillSignalView of(KillSignal signal) {
      if (signal == null) {
        return null;
      }
      boolean onSignal = signal.source() == KillSignal.Source.SIGNAL;
      return new KillSignalView(
          onSignal ? signal.name() : null,
          onSignal ? null : signal.name(),
          signal.comparator().symbol(),
          signal.threshold(),
          signal.windowWeeks(),
          describe(signal));
    }
  }

  /** A kill signal in words: {@code conversion_rate < 0.02 for 4 weeks running}. */
  public static String describe(KillSignal signal) {
    return signal.name()
        + " "
        + signal.comparator().symbol()
        + " "
        + number(signal.threshold())
        + (signal.windowWeeks() == 1
            ? " in a week"
            : " for " + signal.windowWeeks() + " weeks running");
  }

  /** A value as people read it: up to four significant decimals, no trailing zeros. */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String text = String.format(Locale.ROOT, "%.4f", value);
    return text.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record KillSignalNow(
      String week, String state, Double current, List<WeekValue> window, String missing) {

    static KillSignalNow of(KillSignalVerdict verdict, boolean valuesShown) {
      List<WeekValue> window = new ArrayList<>();
      for (KillSignalVerdict.WeekValue value : verdict.window()) {
        window.add(
            new WeekValue(
                value.week().toString(), valuesShown ? value.value() : null, value.readings()));
      }
      return new KillSignalNow(
          verdict.week().toString(),
          verdict.state().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          valuesShown ? verdict.current() : null,
          window,
          verdict.missing());
    }
  }

  public record WeekValue(String week, Double value, int readings) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StatusChange(String status, Instant at, String by, String note) {
    static StatusChange of(BetStatusChangeEntity e) {
      return new StatusChange(e.status, e.at, e.by, e.note);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Decision(String week, String decision, String note, String by, Instant at) {
    static Decision of(KillDecisionEntity e) {
      return e == null ? null : new Decision(e.week, e.decision, e.note, e.by, e.at);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BetView(
      String id,
      String title,
      String sto,
      String stoName,
      List<String> stos,
      List<String> warnings,
      String hypothesis,
      KillSignalView killSignal,
      String status,
      LocalDate started,
      BetLinks links,
      KillSignalNow killSignalNow,
      boolean killCandidate,
      Decision lastDecision,
      List<StatusChange> history) {}

  static BetView of(
      Bet bet,
      String stoName,
      KillSignalVerdict verdict,
      boolean valuesShown,
      List<BetStatusChangeEntity> history,
      KillDecisionEntity lastDecision) {
    return new BetView(
        bet.id(),
        bet.title(),
        bet.sto().orElse(null),
        stoName,
        bet.stos(),
        ownershipWarnings(bet),
        bet.hypothesis(),
        KillSignalView.of(bet.killSignal()),
        bet.status().id(),
        bet.started(),
        bet.links(),
        KillSignalNow.of(verdict, valuesShown),
        BetService.killCandidate(bet, verdict),
        Decision.of(lastDecision),
        history.stream().map(StatusChange::of).toList());
  }

  /**
   * Who wrote a learning, by name: its author is an identity (an e-mail, a login) or a member id;
   * one that maps to no member is shown as given.
   */
  public static String authorName(
      io.podometer.engine.identity.IdentityDirectory identities,
      io.podometer.engine.org.OrgModel org,
      String author) {
    return identities
        .memberOf(author)
        .or(() -> org.member(author).map(m -> m.id()))
        .flatMap(org::member)
        .map(m -> m.name())
        .orElse(author);
  }

  /** What is wrong with a bet's ownership: none or several STOs (SPEC §2). */
  public static List<String> ownershipWarnings(Bet bet) {
    if (bet.stos().isEmpty()) {
      return List.of("no STO: a bet has exactly one single task owner");
    }
    if (bet.stos().size() > 1) {
      return List.of(
          bet.stos().size()
              + " STOs ("
              + String.join(", ", bet.stos())
              + "): a bet has exactly one single task owner");
    }
    return List.of();
  }
}
