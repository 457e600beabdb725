package io.podometer.web.demo;

import io.podometer.engine.org.OrgValidationException;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.org.OrgService;
import io.podometer.web.store.FactQueries;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** At start: import the organization file if it changed, and load the demo into an empty store. */
@ApplicationScoped
public class StartupTasks {

  private static final Logger LOG = Logger.getLogger(StartupTasks.class);

  @Inject PodometerConfig config;
  @Inject OrgService orgService;
  @Inject FactQueries facts;
  @Inject DemoLoader demoLoader;
  @Inject io.podometer.web.figures.FigureService figures;
  @Inject io.podometer.web.antipattern.AntiPatternService antiPatterns;
  @Inject io.podometer.web.bet.BetService bets;
  @Inject io.podometer.web.report.WeeklyReportService reports;
  @Inject io.podometer.web.security.AccessBootstrap access;
  @Inject io.podometer.web.privacy.RetentionJob retention;
  @Inject io.podometer.web.store.EventRefsUpgrade refsUpgrade;
  @Inject io.podometer.web.source.GitHubSources gitHubSources;

  private void importOrgFile(Path file) {
    try {
      orgService.importFileIfChanged(file);
    } catch (OrgValidationException e) {
      LOG.errorf("the organization file %s is invalid:%n%s", file, e.getMessage());
      throw new io.podometer.web.config.ConfigurationError(
          "invalid organization file " + file + " (see the problems above)");
    }
  }

  void onStart(@Observes StartupEvent event) {
    try {
      start();
    } catch (io.podometer.web.config.ConfigurationError e) {
      // one line naming the setting, and the process ends with status 1
      LOG.errorf("cannot start: %s", e.getMessage());
      io.quarkus.runtime.Quarkus.asyncExit(1);
    }
  }

  private void start() {
    // the database was opened before this runs: its files exist and are restricted with the rest
    io.podometer.web.config.DataDirectory.restrict(Path.of(config.data()));
    refsUpgrade.run();
    access.run();
    reports.start();
    orgService.reloadLatest();
    config.orgFile().map(Path::of).ifPresent(this::importOrgFile);
    if (config.demo() && facts.rawEventCount() == 0) {
      demoLoader.load();
    }
    figures.start();
    antiPatterns.start();
    bets.start();
    retention.start();
    gitHubSources.startSchedule();
    LOG.infof(
        "organization model version %d (%s) in force; %d events stored",
        orgService.current().version(), orgService.current().origin(), facts.rawEventCount());
  }
}
