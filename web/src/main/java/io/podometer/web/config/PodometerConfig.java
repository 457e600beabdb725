package io.podometer.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Podometer's own settings (environment variables in brackets). */
@ConfigMapping(prefix = "podometer")
public interface PodometerConfig {

  /** Directory for the embedded database and private files (PODOMETER_DATA, default ./data). */
  @WithDefault("./data")
  String data();

  /** Load the demo organization into an empty database at start (PODOMETER_DEMO). */
  @WithDefault("true")
  boolean demo();

  /** YAML file with the organization model, re-imported when its content changes. */
  Optional<String> orgFile();

  Ingest ingest();

  Figures figures();

  interface Figures {
    /** ISO weeks of figures kept, ending with the current one (PODOMETER_FIGURES_WEEKS). */
    @WithDefault("104")
    int weeks();

    /**
     * Recompute every figure from the facts at start instead of serving the stored ones
     * (PODOMETER_FIGURES_RECOMPUTE_ON_START).
     */
    @WithDefault("false")
    boolean recomputeOnStart();
  }

  interface Ingest {
    /** Largest number of events one request may carry (PODOMETER_INGEST_MAX_EVENTS). */
    @WithDefault("100000")
    int maxEventsPerRequest();
  }
}
