package io.podometer.connectors.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * A simulated organization and its activity: the organization file (shape of {@code
 * org.example.yaml}) and the canonical events (EVENTS.md) of its engineers, agents, pipelines and
 * services over the settings' weeks.
 *
 * <p>The clock is read once, when the instance is built; from then on both methods are pure
 * functions of the settings: same settings and clock reading ⇒ byte-identical YAML and events, on
 * every call. Instances are immutable; concurrent calls to {@link #events} each run their own
 * simulation.
 */
public final class DemoOrganization {
  private final SimulationSettings settings;
  private final SimulatedRange range;
  private final Org org;

  public DemoOrganization(SimulationSettings settings) {
    if (settings == null) {
      throw new IllegalArgumentException("settings are required");
    }
    this.settings = settings;
    this.range = SimulatedRange.of(settings);
    this.org = new OrgBuilder(settings, range).build();
  }

  public SimulationSettings settings() {
    return settings;
  }

  /** The organization as YAML, in the shape and style of {@code org.example.yaml}. */
  public String orgYaml() {
    return OrgYaml.write(org);
  }

  /**
   * Streams every event in time order ({@code occurredAt} never decreases), none after the clock's
   * instant, to {@code sink} on the calling thread. Events are built as they are written, so memory
   * stays flat however many weeks or engineers are simulated. Each node is fresh; the sink may keep
   * or modify it.
   */
  public void events(Consumer<ObjectNode> sink) {
    if (sink == null) {
      throw new IllegalArgumentException("sink is required");
    }
    new Simulation(settings.seed(), org, range).run(sink);
  }

  Org org() {
    return org;
  }
}
