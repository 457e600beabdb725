package io.podometer.connectors.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * One run over the range, a day at a time: each generator plans the day (and later days where its
 * work spills over), then the agenda writes everything up to the day's end. Memory holds only what
 * is planned and not yet written, a few days of work.
 */
final class Simulation {
  private final Workplace w;
  private final UsageGenerator usage;
  private final PullRequestGenerator pullRequests;
  private final MaintenanceGenerator maintenance;
  private final DeploymentGenerator deployments;
  private final PeopleSignals people;
  private final BetSignals bets;

  Simulation(long seed, Org org, SimulatedRange range) {
    this.w = new Workplace(seed, org, range);
    this.usage = new UsageGenerator(w);
    // an incident asks for a hotfix and a merged hotfix for a deployment, so the two generators
    // know each other only through these callbacks
    DeploymentGenerator.HotfixPlanner planner = (repo, at, title) -> hotfix(repo, at, title);
    this.deployments = new DeploymentGenerator(w, planner);
    this.pullRequests = new PullRequestGenerator(w, deployments::deployHotfix);
    this.maintenance = new MaintenanceGenerator(w);
    this.people = new PeopleSignals(w);
    this.bets = new BetSignals(w);
  }

  private void hotfix(Repo repo, long at, String title) {
    pullRequests.hotfix(repo, at, title);
  }

  void run(Consumer<ObjectNode> sink) {
    SimulatedRange range = w.range;
    for (LocalDate day = range.firstMonday(); !day.isAfter(range.today()); day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
        people.planWeek(day);
      }
      usage.planDay(day);
      pullRequests.planDay(day);
      maintenance.planDay(day);
      deployments.planDay(day);
      bets.planDay(day);
      w.timeline.runUntil(Times.start(day.plusDays(1)), sink);
    }
  }
}
