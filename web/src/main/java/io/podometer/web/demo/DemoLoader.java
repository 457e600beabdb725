package io.podometer.web.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.simulate.DemoOrganization;
import io.podometer.connectors.simulate.SimulationSettings;
import io.podometer.connectors.source.EventSink;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventProblem;
import io.podometer.engine.event.EventValidationException;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.org.OrgService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the simulated demo organization: its model as an organization version and its events
 * through the same sink and validation as any connector.
 */
@ApplicationScoped
public class DemoLoader {

  private static final Logger LOG = Logger.getLogger(DemoLoader.class);
  static final int BATCH = 5000;

  @Inject EventSink sink;
  @Inject OrgService orgService;
  @Inject Clock clock;
  @Inject PodometerConfig config;

  public void load() {
    long started = System.nanoTime();
    DemoOrganization demo = new DemoOrganization(SimulationSettings.defaults(clock));
    orgService.store(demo.orgYaml(), "demo", "demo organization");
    EventCodec codec = new EventCodec();
    List<CanonicalEvent> batch = new ArrayList<>(BATCH);
    IngestReceipt[] total = {IngestReceipt.EMPTY};
    demo.events(
        (ObjectNode node) -> {
          List<EventProblem> problems = new ArrayList<>();
          CanonicalEvent event = codec.fromTree(node, 0, problems);
          if (event == null) {
            throw new EventValidationException(problems);
          }
          batch.add(event);
          if (batch.size() == BATCH) {
            total[0] = total[0].plus(sink.publish(batch).toCompletableFuture().join());
            batch.clear();
          }
        });
    total[0] = total[0].plus(sink.publish(batch).toCompletableFuture().join());
    LOG.infof(
        "demo organization loaded: %d events in %d ms",
        total[0].accepted(), (System.nanoTime() - started) / 1_000_000);
  }
}
