package io.podometer.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock every component reads (tests put a fixed one in its place). */
@ApplicationScoped
public class InfrastructureProducers {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
