package io.podometer.web.bet;

import com.fasterxml.jackson.databind.ObjectReader;
import io.podometer.engine.event.EventData.BetLearning;
import io.podometer.engine.event.EventData.BetSignal;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.fact.FoldedFact;
import io.podometer.engine.fact.StringPool;
import io.podometer.web.store.FactQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bets' outcome readings ({@code bet.signal}) and learnings ({@code bet.learning}) as stored
 * facts. No figure reads them, so the live figures do not hold them; they are read from the store,
 * again only once new events have arrived.
 */
@ApplicationScoped
public class BetFacts {

  @Inject FactQueries facts;

  private volatile Read cached;

  /** The readings and learnings as of one write of the store; learnings newest first. */
  public record Read(Instant written, List<BetSignal> signals, List<BetLearning> learnings) {

    public List<BetSignal> signalsOf(String betId) {
      return signals.stream().filter(s -> betId.equals(s.betId())).toList();
    }

    public List<BetLearning> learningsOf(String betId) {
      return learnings.stream().filter(l -> betId.equals(l.betId())).toList();
    }
  }

  public Read read() {
    Instant written = facts.lastWritten().orElse(Instant.EPOCH);
    Read read = cached;
    if (read != null && read.written().equals(written)) {
      return read;
    }
    StringPool strings = new StringPool();
    List<BetSignal> signals = new ArrayList<>();
    ObjectReader signalReader = FoldedFact.reader(BetSignal.class, strings);
    facts.forEachOfKind(
        FactKind.BET_SIGNAL, fact -> signals.add(parse(signalReader, fact.fields())));
    List<BetLearning> learnings = new ArrayList<>();
    ObjectReader learningReader = FoldedFact.reader(BetLearning.class, strings);
    facts.forEachOfKind(
        FactKind.BET_LEARNING, fact -> learnings.add(parse(learningReader, fact.fields())));
    learnings.sort(
        Comparator.comparing(BetLearning::at, Comparator.nullsLast(Comparator.reverseOrder())));
    read = new Read(written, List.copyOf(signals), List.copyOf(learnings));
    cached = read;
    return read;
  }

  private static <T> T parse(ObjectReader reader, String fields) {
    try {
      return reader.readValue(fields);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored bet fact does not read: " + e.getMessage(), e);
    }
  }
}
