package io.podometer.web.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.podometer.connectors.source.EventHandler;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.fact.FactFolder;
import io.podometer.web.figures.FigureService;
import io.podometer.web.store.EventHashes;
import io.podometer.web.store.EventRefs;
import io.podometer.web.store.FactKeyIndex;
import io.podometer.web.store.FactTable;
import io.podometer.web.store.RawEventTable;
import io.podometer.web.store.StoreDurability;
import io.podometer.web.store.StoredFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Stores a batch of events and folds the facts they touch, in one transaction of plain JDBC
 * batches: when it returns, the batch is durable; when it throws, nothing of it is stored. Payloads
 * are appended to {@code raw_event}; each touched fact is found through the in-memory {@link
 * FactKeyIndex} and read by its row id, its event refs decide duplicates and revisions, and later
 * events apply on top of its stored fields (its earlier payloads are read back only when an event
 * is not later than all of them). No lookup goes through an index on random keys, so a batch costs
 * the same whatever the size of the store. The figures hear of the folded facts once the
 * transaction has committed.
 */
@ApplicationScoped
public class EventStore implements EventHandler {

  @Inject AgroalDataSource dataSource;
  @Inject Clock clock;
  @Inject FigureService figures;
  @Inject FactKeyIndex index;

  private final EventCodec codec = new EventCodec();
  private final FactFolder folder = new FactFolder();
  private final RawEventTable rawEvents = new RawEventTable();
  private final FactTable factTable = new FactTable();
  private final ReentrantLock writing = new ReentrantLock();

  @Override
  public IngestReceipt handle(List<CanonicalEvent> events) {
    return handle(List.of(events), false)[0];
  }

  /**
   * Stores several batches in one transaction (a group commit of batches that queued up while the
   * last was stored): the same as storing them one after the other, with one sync to disk.
   */
  @Override
  public List<IngestReceipt> handleAll(List<List<CanonicalEvent>> batches) {
    return List.of(handle(batches, false));
  }

  /**
   * Stores events re-derived from a source's kept payloads (a remap): an event whose id the same
   * source gave before with another payload supersedes that payload — it is deleted and the fact
   * refolded without it — rather than merging with it as a revision, so a corrected mapping wins
   * even where the old one set the same field at the same moment. Other sources' payloads of the
   * same fact stay.
   */
  public IngestReceipt superseding(List<CanonicalEvent> events) {
    return handle(List.of(events), true)[0];
  }

  private IngestReceipt[] handle(List<List<CanonicalEvent>> batches, boolean superseding) {
    writing.lock();
    try {
      Instant now = clock.instant();
      Batch batch = new Batch(batches.size());
      List<CanonicalEvent> events;
      if (batches.size() == 1) {
        events = batches.get(0);
      } else {
        events = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
          for (CanonicalEvent event : batches.get(i)) {
            events.add(event);
            batch.origin.put(event, i);
          }
        }
      }
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          store(c, events, now, batch, superseding);
          c.commit();
          StoreDurability.sync(c);
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(autoCommit);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("events not stored: " + e.getMessage(), e);
      }
      index.added(batch.inserted);
      if (!batch.folded.isEmpty()) {
        figures.factsFolded(batch.folded);
      }
      IngestReceipt[] receipts = new IngestReceipt[batches.size()];
      for (int i = 0; i < receipts.length; i++) {
        receipts[i] = new IngestReceipt(batch.accepted[i], batch.duplicates[i], batch.revisions[i]);
      }
      return receipts;
    } finally {
      writing.unlock();
    }
  }

  /**
   * Runs a change of stored facts made outside ingestion (an erasure, the retention job) with
   * ingestion held back; the index of fact keys is read again afterwards.
   */
  public <T> T exclusively(Supplier<T> change) {
    return exclusively(change, done -> true);
  }

  /**
   * As {@link #exclusively(Supplier)}, the index of fact keys read again only when {@code
   * keysChanged} says the change added or removed facts (or when it failed): rebuilding it reads
   * the whole fact table, with ingestion waiting.
   */
  public <T> T exclusively(Supplier<T> change, java.util.function.Predicate<T> keysChanged) {
    writing.lock();
    boolean keep = false;
    try {
      T result = change.get();
      StoreDurability.sync(dataSource);
      keep = !keysChanged.test(result);
      return result;
    } finally {
      if (!keep) {
        index.invalidate();
      }
      writing.unlock();
    }
  }

  /** What one transaction stored (per batch of it), and the facts it folded. */
  private static final class Batch {
    final int[] accepted;
    final int[] duplicates;
    final int[] revisions;

    /** The batch each event came with, when there are several (the same event may come twice). */
    final java.util.IdentityHashMap<CanonicalEvent, Integer> origin =
        new java.util.IdentityHashMap<>();

    Batch(int batches) {
      accepted = new int[batches];
      duplicates = new int[batches];
      revisions = new int[batches];
    }

    int of(CanonicalEvent event) {
      Integer i = origin.get(event);
      return i == null ? 0 : i;
    }

    final Map<FactKey, Long> inserted = new HashMap<>();
    final List<StoredFact> folded = new ArrayList<>();
    final java.util.Set<Long> superseded = new java.util.HashSet<>();
  }

  /**
   * A touched fact: its stored row (null: new), its refs, its newly accepted events, and the events
   * of a remap that supersede other payloads of their ids from their source.
   */
  private record Touched(
      FactKey key,
      FactTable.Row row,
      EventRefs refs,
      long[] storedSeqs,
      List<CanonicalEvent> accepted,
      List<CanonicalEvent> superseding,
      boolean revises) {

    /**
     * Whether the fact is folded again from all its events: a remap superseded some, one is not
     * later than those folded, one revises an event whose contribution a sum holds, or one is a
     * whole day's report that replaces the parts summed so far.
     */
    boolean refolds() {
      return row != null
          && (!superseding.isEmpty()
              || !FactFolder.allLater(row.lastOccurredAt(), accepted)
              || (revises && FactFolder.addsUp(accepted))
              || FactFolder.replacesParts(accepted));
    }

    /**
     * An earlier payload the remap replaces: of an id and source the remap gave again, and not
     * among the payloads it gave for that id.
     */
    boolean supersedes(CanonicalEvent earlier) {
      boolean regiven = false;
      for (CanonicalEvent event : superseding) {
        if (event.canonicalJson().equals(earlier.canonicalJson())) {
          return false;
        }
        regiven |= event.id().equals(earlier.id()) && event.source().equals(earlier.source());
      }
      return regiven;
    }
  }

  private void store(
      Connection c, List<CanonicalEvent> events, Instant now, Batch batch, boolean remap)
      throws SQLException {
    Map<FactKey, List<CanonicalEvent>> byFact = new LinkedHashMap<>();
    for (CanonicalEvent event : events) {
      byFact.computeIfAbsent(FactKey.of(event), k -> new ArrayList<>(2)).add(event);
    }
    Map<FactKey, Long> candidates = index.candidates(byFact.keySet());
    Map<Long, FactTable.Row> rows = FactTable.byIds(c, candidates.values());
    List<RawEventTable.NewPayload> payloads = new ArrayList<>(events.size());
    List<Touched> touched = new ArrayList<>(byFact.size());
    List<Long> refoldSeqs = new ArrayList<>();
    for (Map.Entry<FactKey, List<CanonicalEvent>> entry : byFact.entrySet()) {
      FactKey key = entry.getKey();
      Long candidate = candidates.get(key);
      FactTable.Row row = candidate == null ? null : rows.get(candidate);
      if (row != null && !row.key().equals(key)) {
        row = null; // another key shares the hash: this one is not stored yet
      }
      EventRefs refs = row == null ? EventRefs.empty() : EventRefs.of(row.events());
      long[] storedSeqs = refs.seqs();
      List<CanonicalEvent> accepted = new ArrayList<>(entry.getValue().size());
      List<CanonicalEvent> superseding = remap ? new ArrayList<>(1) : List.of();
      boolean revises = false;
      for (CanonicalEvent event : entry.getValue()) {
        byte[] digest = EventHashes.payload(event);
        long idHash = EventHashes.id(event.id());
        boolean stored = refs.hasPayload(digest);
        // another payload of this id is behind the fact: the remapped event replaces it
        if (remap && refs.countId(idHash) > (stored ? 1 : 0)) {
          superseding.add(event);
        }
        if (stored) {
          batch.duplicates[batch.of(event)]++;
          continue;
        }
        if (refs.hasId(idHash)) {
          batch.revisions[batch.of(event)]++;
          revises = true;
        }
        long seq = rawEvents.newSeq(c);
        refs.add(seq, idHash, digest);
        payloads.add(new RawEventTable.NewPayload(seq, event.canonicalJson()));
        accepted.add(event);
        batch.accepted[batch.of(event)]++;
      }
      if (accepted.isEmpty() && superseding.isEmpty()) {
        continue;
      }
      Touched fact = new Touched(key, row, refs, storedSeqs, accepted, superseding, revises);
      if (fact.refolds()) {
        for (long seq : storedSeqs) {
          refoldSeqs.add(seq);
        }
      }
      touched.add(fact);
    }
    Map<Long, String> earlier =
        refoldSeqs.isEmpty()
            ? Map.of()
            : RawEventTable.payloads(c, refoldSeqs.stream().mapToLong(Long::longValue).toArray());
    List<FactTable.Written> written = new ArrayList<>(touched.size());
    for (Touched fact : touched) {
      written.add(fold(c, fact, earlier, batch));
    }
    RawEventTable.append(c, payloads, now);
    FactTable.write(c, written, now);
    if (!batch.superseded.isEmpty()) {
      RawEventTable.delete(c, batch.superseded.stream().mapToLong(Long::longValue).toArray());
    }
  }

  /**
   * The fact with its new events: folded anew, applied on top, or refolded with its earlier ones.
   */
  private FactTable.Written fold(Connection c, Touched fact, Map<Long, String> earlier, Batch batch)
      throws SQLException {
    FactKey key = fact.key();
    ObjectNode fields;
    Instant newest = newest(fact.accepted(), Instant.MIN);
    if (fact.row() == null) {
      fields = folder.fold(key, fact.accepted()).fields();
    } else if (!fact.refolds()) {
      fields =
          folder.applyLater(
              parse(key, fact.row().fields()), fact.row().lastOccurredAt(), fact.accepted());
    } else {
      List<CanonicalEvent> all = new ArrayList<>(fact.accepted());
      java.util.Set<Long> superseded = new java.util.HashSet<>();
      for (long seq : fact.storedSeqs()) {
        String payload = earlier.get(seq);
        if (payload != null) {
          CanonicalEvent event = codec.readStored(payload);
          if (fact.supersedes(event)) {
            superseded.add(seq);
          } else {
            all.add(event);
          }
        }
      }
      if (!superseded.isEmpty()) {
        fact.refs().remove(superseded);
        batch.superseded.addAll(superseded);
      }
      fields = folder.fold(key, all).fields();
      newest = newest(all, newest);
    }
    boolean isNew = fact.row() == null;
    long id = isNew ? factTable.newId(c) : fact.row().id();
    if (!isNew && fact.row().lastOccurredAt().isAfter(newest)) {
      newest = fact.row().lastOccurredAt();
    }
    String json = fields.toString();
    if (isNew) {
      batch.inserted.put(key, id);
    }
    batch.folded.add(new StoredFact(key, json, newest));
    return new FactTable.Written(
        id, isNew, key, fields.path("repo").asText(null), json, fact.refs().toBytes(), newest);
  }

  private static Instant newest(List<CanonicalEvent> events, Instant from) {
    Instant newest = from;
    for (CanonicalEvent event : events) {
      if (event.occurredAt().isAfter(newest)) {
        newest = event.occurredAt();
      }
    }
    return newest;
  }

  private static ObjectNode parse(FactKey key, String fields) {
    try {
      return (ObjectNode) EventCodec.mapper().readTree(fields);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("stored fact " + key + " is not a JSON object", e);
    }
  }
}
