package io.podometer.engine.org;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a bet in the shape the loader reads ({@code sto} a string when there is one). */
final class BetWriter {

  private BetWriter() {}

  static ObjectNode bet(Bet bet) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", bet.id()).put("title", bet.title());
    if (bet.stos().size() == 1) {
      node.put("sto", bet.stos().get(0));
    } else if (bet.stos().size() > 1) {
      ArrayNode stos = node.putArray("sto");
      bet.stos().forEach(stos::add);
    }
    if (bet.hypothesis() != null) {
      node.put("hypothesis", bet.hypothesis());
    }
    if (bet.killSignal() != null) {
      KillSignal signal = bet.killSignal();
      ObjectNode kill = node.putObject("killSignal");
      kill.put(signal.source() == KillSignal.Source.SIGNAL ? "signal" : "metric", signal.name());
      kill.put("comparator", signal.comparator().symbol());
      kill.put("threshold", signal.threshold());
      kill.put("windowWeeks", signal.windowWeeks());
    }
    node.put("status", bet.status().id());
    if (bet.started() != null) {
      node.put("started", bet.started().toString());
    }
    ObjectNode links = node.putObject("links");
    OrgModelWriter.strings(links, "labels", bet.links().labels());
    OrgModelWriter.strings(links, "branchPrefixes", bet.links().branchPrefixes());
    OrgModelWriter.strings(links, "titleTags", bet.links().titleTags());
    OrgModelWriter.strings(links, "repos", bet.links().repos());
    OrgModelWriter.strings(links, "paths", bet.links().paths());
    return node;
  }
}
