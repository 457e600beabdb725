package io.podometer.web.ingest;

import io.podometer.connectors.bus.InProcessEventSink;
import io.podometer.connectors.source.EventSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The event-sink port connectors write to, backed by the event store. */
@ApplicationScoped
public class EventSinkProducer {

  @Produces
  @Singleton
  EventSink eventSink(EventStore store) {
    return new InProcessEventSink(store);
  }

  void closeSink(@Disposes EventSink sink) {
    sink.close();
  }
}
