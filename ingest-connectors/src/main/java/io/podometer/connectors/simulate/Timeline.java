package io.podometer.connectors.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulation's agenda: facts are planned ahead and written only when their moment comes, in
 * time order (ties in planning order), so that state read when writing (a branch head, the newest
 * merge on the default branch) is the state at that moment. Nothing after {@code now} is written.
 * Not thread-safe.
 */
final class Timeline {
  private record Entry(long at, long seq, Supplier<ObjectNode> fact) {}

  private final PriorityQueue<Entry> agenda =
      new PriorityQueue<>(
          (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private final long now;
  private long seq;
  private long cursor = Long.MIN_VALUE;

  Timeline(long now) {
    this.now = now;
  }

  /**
   * Plans a fact at {@code at} (epoch seconds), never before the fact being written; a supplier may
   * return null to write nothing.
   */
  void at(long at, Supplier<ObjectNode> fact) {
    if (at < cursor) {
      throw new IllegalStateException(
          "planned at " + Times.iso(at) + ", before " + Times.iso(cursor) + " already written");
    }
    agenda.add(new Entry(at, seq++, fact));
  }

  /** Writes every planned fact before {@code boundary} and not after {@code now}, in order. */
  void runUntil(long boundary, Consumer<ObjectNode> sink) {
    while (!agenda.isEmpty() && agenda.peek().at < boundary) {
      Entry next = agenda.poll();
      if (next.at > now) {
        agenda.clear();
        return;
      }
      cursor = next.at;
      ObjectNode event = next.fact.get();
      if (event != null) {
        sink.accept(event);
      }
    }
  }
}
