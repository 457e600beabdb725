package io.podometer.web.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.podometer.connectors.csv.CsvEvents;
import io.podometer.connectors.csv.CsvKind;
import io.podometer.connectors.csv.CsvProblem;
import io.podometer.connectors.csv.CsvRejected;
import io.podometer.connectors.csv.CsvTable;
import io.podometer.connectors.csv.CsvText;
import io.podometer.connectors.csv.MembersImport;
import io.podometer.connectors.source.EventSink;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.org.OrgModelWriter;
import io.podometer.engine.org.OrgProblem;
import io.podometer.engine.org.OrgValidationException;
import io.podometer.web.config.PodometerConfig;
import io.podometer.web.org.OrgService;
import io.podometer.web.org.OrgSnapshot;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSV files imported: checked whole, then stored at once — a file's events in one published batch
 * (one transaction: all of them or none), a members file as one new version of the organization
 * model — and each import recorded for the Sources page.
 */
@ApplicationScoped
public class CsvImports {

  /** The longest file name kept with an import. */
  static final int NAME_LENGTH = 200;

  /** Imports listed at most. */
  static final int RECENT = 50;

  @Inject EventSink sink;
  @Inject OrgService orgService;
  @Inject PodometerConfig config;
  @Inject Clock clock;

  // files arriving now name moments up to the configured horizon after now, as events do
  private EventCodec codec;

  @PostConstruct
  void buildCodec() {
    codec = new EventCodec(clock, config.ingest().timeHorizon());
  }

  /** What an import gave: events stored, or the organization model version it made. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Receipt(
      String kind,
      String name,
      int rows,
      int events,
      int accepted,
      int duplicates,
      int revisions,
      List<String> warnings,
      Long orgVersion,
      Boolean orgChanged,
      MembersChange members,
      String importedBy,
      Instant importedAt) {}

  /** Who a members file added, updated (moves included) and moved, and the pods it added. */
  public record MembersChange(
      List<String> added,
      List<String> updated,
      List<String> moved,
      List<String> podsAdded,
      List<String> pillarsAdded) {}

  /** One recorded import, as listed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record View(
      long id,
      String kind,
      String name,
      int rows,
      int events,
      int accepted,
      int duplicates,
      int revisions,
      Long orgVersion,
      String importedBy,
      Instant importedAt) {}

  /** A file that would give more events than one request may store at once. */
  public static final class TooManyEvents extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyEvents(String message) {
      super(message);
    }
  }

  /**
   * Deployments, incidents or meeting hours: every row checked, then every event stored in one
   * batch.
   *
   * @throws CsvRejected naming every bad line, column and rule; nothing stored
   * @throws TooManyEvents when the file gives more events than a request may carry
   */
  public Receipt importEvents(CsvKind kind, byte[] body, String name, String actor) {
    CsvTable table = CsvTable.parse(CsvText.decode(body), kind);
    CsvEvents.Batch batch = new CsvEvents(codec, orgService.current().model()).map(table);
    int max = config.ingest().maxEventsPerRequest();
    if (batch.events().size() > max) {
      // one batch is one transaction: a larger file could be stored in part, so it is refused
      throw new TooManyEvents(
          batch.events().size()
              + " events from "
              + batch.rows()
              + " rows; one file may give at most "
              + max
              + " (PODOMETER_INGEST_MAX_EVENTS): split it");
    }
    IngestReceipt stored;
    try {
      stored = sink.publish(batch.events()).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    Instant at = clock.instant();
    record(kind, name, batch.rows(), batch.events().size(), stored, null, actor, at);
    return new Receipt(
        kind.wireName(),
        name,
        batch.rows(),
        batch.events().size(),
        stored.accepted(),
        stored.duplicates(),
        stored.revisions(),
        batch.warnings(),
        null,
        null,
        null,
        actor,
        at);
  }

  /**
   * Members and their pods, applied to the model in force and stored as its next version (none when
   * nothing changes).
   *
   * @throws CsvRejected naming every bad line, column and rule — the model's own checks too, by the
   *     line of the member or pod they are about; the model is then unchanged
   */
  public Receipt importMembers(byte[] body, String name, String actor) {
    CsvTable table = CsvTable.parse(CsvText.decode(body), CsvKind.MEMBERS);
    OrgSnapshot current = orgService.current();
    MembersImport.Result result = MembersImport.apply(current.model(), table);
    long version = current.version();
    if (result.changed()) {
      String model = new OrgModelWriter().toJson(result.model());
      try {
        version =
            orgService
                .store(
                    model,
                    "csv",
                    "CSV members" + (name == null ? "" : " (" + name + ")"),
                    "application/json")
                .version();
      } catch (OrgValidationException e) {
        throw new CsvRejected(byLine(e.problems(), result));
      }
    }
    Instant at = clock.instant();
    record(CsvKind.MEMBERS, name, result.rows(), 0, IngestReceipt.EMPTY, version, actor, at);
    return new Receipt(
        CsvKind.MEMBERS.wireName(),
        name,
        result.rows(),
        0,
        0,
        0,
        0,
        List.of(),
        version,
        result.changed(),
        new MembersChange(
            result.added(),
            result.updated(),
            result.moved(),
            result.podsAdded(),
            result.pillarsAdded()),
        actor,
        at);
  }

  /** The most recent imports, newest first. */
  public List<View> recent() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                CsvImportEntity.<CsvImportEntity>find("order by importedAt desc, id desc")
                    .page(0, RECENT)
                    .list()
                    .stream()
                    .map(
                        e ->
                            new View(
                                e.id,
                                e.kind,
                                e.name,
                                e.rows,
                                e.events,
                                e.accepted,
                                e.duplicates,
                                e.revisions,
                                e.orgVersion,
                                e.importedBy,
                                e.importedAt))
                    .toList());
  }

  private void record(
      CsvKind kind,
      String name,
      int rows,
      int events,
      IngestReceipt stored,
      Long orgVersion,
      String actor,
      Instant at) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              CsvImportEntity entity = new CsvImportEntity();
              entity.kind = kind.wireName();
              entity.name = name;
              entity.rows = rows;
              entity.events = events;
              entity.accepted = stored.accepted();
              entity.duplicates = stored.duplicates();
              entity.revisions = stored.revisions();
              entity.orgVersion = orgVersion;
              entity.importedBy = actor.length() > 200 ? actor.substring(0, 200) : actor;
              entity.importedAt = at;
              entity.persist();
            });
  }

  private static final Pattern ENTRY = Pattern.compile("(members|pods)\\[\\d+] \\((.*)\\)");

  /**
   * The model's own problems by the line of the member or pod they are about, the field named as
   * the column it came from.
   */
  static List<CsvProblem> byLine(List<OrgProblem> problems, MembersImport.Result result) {
    List<CsvProblem> named = new ArrayList<>();
    for (OrgProblem problem : problems) {
      Matcher entry = ENTRY.matcher(problem.entry() == null ? "" : problem.entry());
      Integer line = null;
      if (entry.matches()) {
        Map<String, Integer> lines =
            entry.group(1).equals("members") ? result.lineOfMember() : result.lineOfPod();
        line = lines.get(entry.group(2));
      }
      if (line == null) {
        named.add(new CsvProblem(0, null, "the organization model it makes: " + problem));
      } else {
        named.add(new CsvProblem(line, column(problem.field()), problem.message()));
      }
    }
    return named;
  }

  private static String column(String field) {
    if (field == null || field.isEmpty()) {
      return null;
    }
    if (field.startsWith("identities.emails")) {
      return "emails";
    }
    if (field.startsWith("identities.github")) {
      return "logins";
    }
    if (field.startsWith("identities.telemetry")) {
      return "telemetry_ids";
    }
    if (field.startsWith("memberships")) {
      return field.endsWith(".pod") ? "pod" : "from";
    }
    return switch (field) {
      case "id" -> "member_id";
      case "name", "role", "level", "pillar" -> field;
      default -> null;
    };
  }

  /**
   * The name an import is listed under: {@code ?name=}, else the Content-Disposition's filename,
   * without any directory; null when neither is given.
   *
   * @throws IllegalArgumentException naming the rule a hostile name breaks
   */
  static String fileName(String query, String contentDisposition) {
    String name = query;
    if (name == null && contentDisposition != null) {
      Matcher quoted =
          Pattern.compile("filename\\s*=\\s*\"([^\"]*)\"|filename\\s*=\\s*([^;\\s]+)")
              .matcher(contentDisposition);
      if (quoted.find()) {
        name = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
      }
    }
    if (name == null) {
      return null;
    }
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    if (name.isEmpty()) {
      return null;
    }
    if (name.length() > NAME_LENGTH) {
      throw new IllegalArgumentException(
          "name: at most " + NAME_LENGTH + " characters, got " + name.length());
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("name: control characters are not allowed");
    }
    return name;
  }
}
