package io.podometer.web.config;

import io.podometer.connectors.bus.EventSink;
import io.podometer.connectors.bus.InProcessEventSink;
import io.podometer.web.ingest.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain-Java ports to their implementations. */
@ApplicationScoped
public class InfrastructureProducers {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  EventSink eventSink(EventStore store) {
    return new InProcessEventSink(store);
  }

  void closeSink(@Disposes EventSink sink) {
    sink.close();
  }
}
