package io.podometer.web.bet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.source.EventSink;
import io.podometer.engine.bet.KillSignalEvaluator;
import io.podometer.engine.bet.KillSignalVerdict;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.live.FigureSnapshot;
import io.podometer.engine.org.Bet;
import io.podometer.engine.org.BetStatus;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.time.IsoWeek;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.figures.FigureService;
import io.podometer.web.org.OrgChanged;
import io.podometer.web.org.OrgService;
import io.podometer.web.org.OrgSnapshot;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Bets as the organization model holds them (SPEC §2), with what the model does not: each bet's
 * dated status history, its kill signal judged week by week, and its owner's decisions on kill
 * candidates. A bet is created or changed as a new version of the organization model, in the file's
 * own shape, so a bet from the file and one from the API are read and checked alike.
 */
@ApplicationScoped
public class BetService {

  private static final Logger LOG = Logger.getLogger(BetService.class);

  @Inject OrgService orgService;
  @Inject FigureService figures;
  @Inject BetFacts betFacts;
  @Inject EventSink sink;
  @Inject PodometerConfig config;
  @Inject Clock clock;

  /** Refused: a bet created twice. */
  public static final class BetExists extends RuntimeException {
    BetExists(String id) {
      super("bet '" + id + "' exists; change it with PUT /api/bets/" + id);
    }
  }

  /** Records the status of every bet the model in force names that has none recorded yet. */
  public void start() {
    QuarkusTransaction.requiringNew().run(() -> recordStatuses(orgService.current(), null));
  }

  void onOrgChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrgChanged changed) {
    try {
      QuarkusTransaction.requiringNew().run(() -> recordStatuses(orgService.current(), null));
    } catch (RuntimeException e) {
      LOG.errorf(e, "recording the bets' statuses of model version %d failed", changed.version());
    }
  }

  /** The organization model in force (bets change it, so it is newer than the figures' one). */
  public OrgModel org() {
    return orgService.current().model();
  }

  /** Who every identity is, in the model in force. */
  public io.podometer.engine.identity.IdentityDirectory identities() {
    return orgService.current().identities();
  }

  /** The week judged by default: the last complete one in the organization's time zone. */
  public IsoWeek lastCompleteWeek() {
    return IsoWeek.of(clock.instant(), org().org().timeZone()).plusWeeks(-1);
  }

  /** Kill signals judged on the stored readings and the figures served. */
  public KillSignalEvaluator evaluator(OrgModel org) {
    FigureSnapshot snapshot = figures.figures();
    return new KillSignalEvaluator(
        org.org().timeZone(),
        betFacts.read().signals(),
        key -> snapshot == null ? null : snapshot.figure(key.metric(), key.scope(), key.week()));
  }

  /** Each bet's kill signal judged in {@code week}, by bet id. */
  public Map<String, KillSignalVerdict> judge(OrgModel org, IsoWeek week) {
    KillSignalEvaluator evaluator = evaluator(org);
    Map<String, KillSignalVerdict> verdicts = new HashMap<>();
    for (Bet bet : org.bets()) {
      verdicts.put(bet.id(), evaluator.evaluate(bet, week));
    }
    return verdicts;
  }

  /** A kill candidate: its kill signal fires and it is still being explored or scaled. */
  public static boolean killCandidate(Bet bet, KillSignalVerdict verdict) {
    return verdict.fires()
        && (bet.status() == BetStatus.EXPLORING || bet.status() == BetStatus.SCALING);
  }

  /** Each bet's status history, oldest first, by bet id. */
  public Map<String, List<BetStatusChangeEntity>> histories() {
    List<BetStatusChangeEntity> all =
        QuarkusTransaction.requiringNew()
            .call(() -> BetStatusChangeEntity.<BetStatusChangeEntity>list("order by at, id"));
    Map<String, List<BetStatusChangeEntity>> byBet = new HashMap<>();
    for (BetStatusChangeEntity change : all) {
      byBet.computeIfAbsent(change.betId, id -> new java.util.ArrayList<>()).add(change);
    }
    return byBet;
  }

  /** Each bet's newest decision on a kill candidate, by bet id. */
  public Map<String, KillDecisionEntity> latestDecisions() {
    List<KillDecisionEntity> all =
        QuarkusTransaction.requiringNew()
            .call(() -> KillDecisionEntity.<KillDecisionEntity>list("order by at, id"));
    Map<String, KillDecisionEntity> latest = new HashMap<>();
    all.forEach(decision -> latest.put(decision.betId, decision));
    return latest;
  }

  /** Every decision taken on a bet, oldest first. */
  public List<KillDecisionEntity> decisions(String betId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> KillDecisionEntity.<KillDecisionEntity>list("betId = ?1 order by at, id", betId));
  }

  /**
   * Creates a bet (refused if one has its id) or replaces one, as a new version of the model;
   * records its status when it is new or changed.
   *
   * @param bet the bet in the organization file's shape, its id filled in
   * @return the model stored, with its warnings
   */
  public OrgSnapshot save(ObjectNode bet, boolean create, String by) {
    String id = bet.path("id").asText();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              OrgSnapshot stored =
                  orgService.updateTree(
                      tree -> withBet(tree, bet, create),
                      "api",
                      (create ? "POST" : "PUT") + " /api/bets/" + id);
              recordStatuses(stored, by);
              return stored;
            });
  }

  private static ObjectNode withBet(ObjectNode tree, ObjectNode bet, boolean create) {
    String id = bet.path("id").asText();
    ArrayNode bets =
        tree.has("bets") && tree.get("bets").isArray()
            ? (ArrayNode) tree.get("bets")
            : tree.putArray("bets");
    for (int i = 0; i < bets.size(); i++) {
      if (id.equals(bets.get(i).path("id").asText())) {
        if (create) {
          throw new BetExists(id);
        }
        bets.set(i, bet);
        return tree;
      }
    }
    if (!create) {
      throw new NotFoundException("no bet '" + id + "'");
    }
    bets.add(bet);
    return tree;
  }

  /**
   * The owner's decision on a kill candidate in {@code week}: {@code kill} also marks the bet
   * killed (a new model version); {@code keep} records why it goes on.
   */
  public KillDecisionEntity decide(Bet bet, IsoWeek week, String decision, String note, String by) {
    KillDecisionEntity entity = new KillDecisionEntity();
    entity.betId = bet.id();
    entity.week = week.toString();
    entity.decision = decision;
    entity.note = note;
    entity.by = by;
    entity.at = clock.instant();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              entity.persist();
              if (KillDecisionEntity.KILL.equals(decision) && bet.status() != BetStatus.KILLED) {
                OrgSnapshot stored =
                    orgService.updateTree(
                        tree -> withStatus(tree, bet.id(), BetStatus.KILLED),
                        "api",
                        "kill decision on bet " + bet.id());
                recordStatuses(stored, by);
              }
            });
    return entity;
  }

  private static ObjectNode withStatus(ObjectNode tree, String betId, BetStatus status) {
    for (JsonNode bet : tree.path("bets")) {
      if (betId.equals(bet.path("id").asText())) {
        ((ObjectNode) bet).put("status", status.id());
      }
    }
    return tree;
  }

  /** Records the status of each bet whose newest recorded status differs (or that has none). */
  private void recordStatuses(OrgSnapshot org, String by) {
    Map<String, String> latest = new HashMap<>();
    BetStatusChangeEntity.<BetStatusChangeEntity>list("order by at, id")
        .forEach(change -> latest.put(change.betId, change.status));
    Instant now = clock.instant();
    for (Bet bet : org.model().bets()) {
      String before = latest.get(bet.id());
      if (bet.status().id().equals(before)) {
        continue;
      }
      BetStatusChangeEntity change = new BetStatusChangeEntity();
      change.betId = bet.id();
      change.status = bet.status().id();
      change.at = now;
      change.orgVersion = org.version();
      change.by = by != null ? by : org.origin();
      change.note =
          before == null
              ? "first read in organization model version " + org.version()
              : "was " + before;
      change.persist();
    }
  }

  /** Publishes outcome readings or a learning as events; answers once they are stored. */
  public io.podometer.connectors.source.IngestReceipt publish(List<ObjectNode> events) {
    EventCodec codec = new EventCodec(clock, config.ingest().timeHorizon());
    List<CanonicalEvent> parsed = events.stream().map(e -> codec.parseOne(e.toString())).toList();
    return sink.publish(parsed).toCompletableFuture().join();
  }

  /** An event envelope of {@code type} from the API. */
  static ObjectNode event(String id, String type, Instant at, String actor, ObjectNode data) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("id", id);
    event.put("type", type);
    event.put("source", "api");
    event.put("occurredAt", at.toString());
    if (actor != null) {
      event.put("actor", actor);
    }
    event.put("schema", 1);
    event.set("data", data);
    return event;
  }

  /** The bet of an id in the model in force. */
  public Bet bet(String id) {
    return Optional.ofNullable(id)
        .flatMap(org()::bet)
        .orElseThrow(() -> new NotFoundException("no bet '" + id + "'"));
  }
}
