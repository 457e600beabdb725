package io.podometer.web.source;

import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.EventData.AgentOrgUsage;
import io.podometer.engine.event.EventData.AgentUsage;
import io.podometer.engine.event.FactKind;
import io.podometer.web.figures.FigureService;
import io.podometer.web.store.FactQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How fresh each agent's usage is: per tool and the way it arrives (OpenTelemetry exports, or a
 * vendor's daily reports), its newest day, the people seen over the last 30 days, and each of those
 * days — a day without data is a gap, which vendors leave (Copilot omits days it has no data for)
 * and which Podometer never fills in. Exports count up to today; a daily report only exists once
 * its day is over, so reports count up to yesterday.
 */
@ApplicationScoped
public class AgentTelemetry {

  /** The days shown, ending today. */
  static final int DAYS = 30;

  @Inject FigureService figures;
  @Inject FactQueries facts;

  /**
   * One day of a source: how many people it reported, and whether it reported the day at all (a day
   * not reported is a gap; an organization's report may say that no one was active).
   */
  public record Day(String day, int people, boolean reported) {}

  /**
   * A tool's usage as one way delivers it; {@code people}: those seen over the days shown (for an
   * organization's reports, the most active users of a day).
   */
  public record Source(
      String tool, String arrivesAs, String newestDay, int people, int gaps, List<Day> days) {}

  public List<Source> list(LocalDate today) {
    LocalDate first = today.minusDays(DAYS);
    Map<String, Map<LocalDate, Set<String>>> byDay = new TreeMap<>();
    Map<String, LocalDate> newest = new TreeMap<>();
    for (AgentUsage usage : figures.figures().facts().usageDays()) {
      String key =
          usage.tool() + "\u0000" + ("part".equals(usage.period()) ? "exports" : "reports");
      newest.merge(key, usage.day(), (a, b) -> a.isAfter(b) ? a : b);
      if (!usage.day().isBefore(first) && !usage.day().isAfter(today)) {
        byDay
            .computeIfAbsent(key, k -> new TreeMap<>())
            .computeIfAbsent(usage.day(), d -> new HashSet<>())
            .add(usage.user());
      }
    }
    List<Source> sources = new ArrayList<>();
    newest.forEach(
        (key, day) -> {
          String[] parts = key.split("\u0000");
          boolean exports = parts[1].equals("exports");
          LocalDate last = exports ? today : today.minusDays(1);
          Map<LocalDate, Set<String>> days = byDay.getOrDefault(key, Map.of());
          Set<String> people = new HashSet<>();
          List<Day> strip = new ArrayList<>(DAYS);
          int gaps = 0;
          for (LocalDate d = last.minusDays(DAYS - 1L); !d.isAfter(last); d = d.plusDays(1)) {
            people.addAll(days.getOrDefault(d, Set.of()));
            int seen = days.getOrDefault(d, Set.of()).size();
            gaps += seen == 0 ? 1 : 0;
            strip.add(new Day(d.toString(), seen, seen > 0));
          }
          sources.add(
              new Source(
                  parts[0],
                  exports ? "OpenTelemetry exports" : "daily reports",
                  day.toString(),
                  people.size(),
                  gaps,
                  strip));
        });
    sources.addAll(organizationReports(today));
    return sources;
  }

  // the organizations' days as last read, and the write they were read after: the live figures do
  // not keep them (no figure reads them) and the fact table has no index by kind, so a page polling
  // every 2 s reads the table again only once something was written since
  private java.time.Instant organizationDaysAsOf;
  private List<AgentOrgUsage> organizationDays = List.of();

  private synchronized List<AgentOrgUsage> organizationDays() {
    java.time.Instant written = facts.lastWritten().orElse(java.time.Instant.EPOCH);
    if (!written.equals(organizationDaysAsOf)) {
      List<AgentOrgUsage> read = new ArrayList<>();
      facts.forEachOfKind(
          FactKind.AGENT_ORG_DAY,
          stored -> {
            try {
              read.add(EventCodec.mapper().readValue(stored.fields(), AgentOrgUsage.class));
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException("fact " + stored.key() + " does not read", e);
            }
          });
      organizationDays = List.copyOf(read);
      organizationDaysAsOf = written;
    }
    return organizationDays;
  }

  /**
   * The organizations' own daily totals (people not told apart), per tool and account: up to
   * yesterday, each day with its active users.
   */
  private List<Source> organizationReports(LocalDate today) {
    LocalDate last = today.minusDays(1);
    LocalDate first = last.minusDays(DAYS - 1L);
    Map<String, Map<LocalDate, Integer>> byDay = new TreeMap<>();
    Map<String, LocalDate> newest = new TreeMap<>();
    for (AgentOrgUsage day : organizationDays()) {
      String key = day.tool() + "\u0000" + day.account();
      newest.merge(key, day.day(), (a, b) -> a.isAfter(b) ? a : b);
      if (!day.day().isBefore(first) && !day.day().isAfter(last)) {
        byDay
            .computeIfAbsent(key, k -> new TreeMap<>())
            .put(day.day(), day.activeUsers() == null ? 0 : day.activeUsers());
      }
    }
    List<Source> sources = new ArrayList<>();
    newest.forEach(
        (key, day) -> {
          String[] parts = key.split("\u0000");
          Map<LocalDate, Integer> days = byDay.getOrDefault(key, Map.of());
          List<Day> strip = new ArrayList<>(DAYS);
          int gaps = 0;
          int most = 0;
          for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Integer active = days.get(d);
            gaps += active == null ? 1 : 0;
            most = Math.max(most, active == null ? 0 : active);
            strip.add(new Day(d.toString(), active == null ? 0 : active, active != null));
          }
          sources.add(
              new Source(
                  parts[0],
                  "organization totals of " + parts[1] + " (people: the most active in a day)",
                  day.toString(),
                  most,
                  gaps,
                  strip));
        });
    return sources;
  }
}
