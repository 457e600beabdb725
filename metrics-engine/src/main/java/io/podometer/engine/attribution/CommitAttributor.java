package io.podometer.engine.attribution;

import io.podometer.engine.event.EventData.ChangedFile;
import io.podometer.engine.event.EventData.Trailer;
import io.podometer.engine.fact.CommitAttributionFact;
import io.podometer.engine.fact.CommitFact;
import io.podometer.engine.identity.AgentDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the AI lines of one commit, strongest source first (SPEC §5.1): line-level data, agent
 * telemetry tied to the commit, an agent author, an agent co-author trailer or footer. Thread-safe.
 */
public final class CommitAttributor {

  private static final List<AttributionSource> LINE_LEVEL =
      List.of(AttributionSource.LINE, AttributionSource.TELEMETRY);
  private static final Pattern TRAILER_LINE = Pattern.compile("^([A-Za-z][A-Za-z-]*):\\s*(.+)$");

  private final AgentDirectory agents;
  private final PathGlobs excluded;
  private final java.util.concurrent.ConcurrentHashMap<String, Decided> decided =
      new java.util.concurrent.ConcurrentHashMap<>();

  public CommitAttributor(AgentDirectory agents, PathGlobs excluded) {
    this.agents = agents;
    this.excluded = excluded;
  }

  /** Added lines of the commit outside excluded paths (lines); merge commits add nothing. */
  public int addedLines(CommitFact commit) {
    if (commit.isMerge()) {
      return 0;
    }
    if (commit.files().isEmpty()) {
      return commit.additions() == null ? 0 : commit.additions();
    }
    int added = 0;
    for (ChangedFile file : commit.files()) {
      if (!excluded.matches(file.path()) && file.additions() != null) {
        added += file.additions();
      }
    }
    return added;
  }

  /**
   * The commit's attribution. Within one computation the same commit is asked about by several
   * metrics (AI share, churn): it is decided once, as long as the same attribution facts are given.
   */
  public ChangeAttribution attribute(
      CommitFact commit, Collection<CommitAttributionFact> attributions) {
    if (commit.sha() == null) {
      return decide(commit, attributions);
    }
    Decided known = decided.get(commit.sha());
    if (known != null && known.commit() == commit && known.attributions() == attributions) {
      return known.attribution();
    }
    ChangeAttribution attribution = decide(commit, attributions);
    decided.put(commit.sha(), new Decided(commit, attributions, attribution));
    return attribution;
  }

  private record Decided(
      CommitFact commit,
      Collection<CommitAttributionFact> attributions,
      ChangeAttribution attribution) {}

  private ChangeAttribution decide(
      CommitFact commit, Collection<CommitAttributionFact> attributions) {
    int added = addedLines(commit);
    if (commit.isMerge()) {
      return ChangeAttribution.human(0);
    }
    for (AttributionSource decided : LINE_LEVEL) {
      CommitAttributionFact data = firstOf(attributions, decided.id());
      if (data != null) {
        int ai = Math.min(added, aiLinesOutsideExcluded(data));
        return ai > 0
            ? new ChangeAttribution(added, ai, decided, data.tool())
            : ChangeAttribution.human(added);
      }
    }
    Optional<String> author =
        commit.author() == null
            ? Optional.empty()
            : agents.agentForAuthor(
                commit.author().name(), commit.author().email(), commit.author().login());
    if (author.isPresent()) {
      return new ChangeAttribution(added, added, AttributionSource.AUTHOR, author.get());
    }
    Optional<String> coAuthor = coAuthorAgent(commit);
    if (coAuthor.isPresent()) {
      return new ChangeAttribution(added, added, AttributionSource.TRAILER, coAuthor.get());
    }
    return ChangeAttribution.human(added);
  }

  private Optional<String> coAuthorAgent(CommitFact commit) {
    for (Trailer trailer : trailers(commit)) {
      Optional<String> tool = agents.agentForTrailer(trailer.key(), trailer.value());
      if (tool.isPresent()) {
        return tool;
      }
    }
    return commit.message() == null
        ? Optional.empty()
        : agents.agentForMessageFooter(commit.message());
  }

  /** The trailers as given, or read from the message when the source did not split them out. */
  static List<Trailer> trailers(CommitFact commit) {
    if (!commit.trailers().isEmpty() || commit.message() == null) {
      return commit.trailers();
    }
    List<Trailer> found = new ArrayList<>();
    for (String line : commit.message().split("\n")) {
      Matcher m = TRAILER_LINE.matcher(line.strip());
      if (m.matches()) {
        found.add(new Trailer(m.group(1), m.group(2).strip()));
      }
    }
    return found;
  }

  private static CommitAttributionFact firstOf(
      Collection<CommitAttributionFact> attributions, String source) {
    for (CommitAttributionFact a : attributions) {
      if (source.equals(a.source())) {
        return a;
      }
    }
    return null;
  }

  private int aiLinesOutsideExcluded(CommitAttributionFact data) {
    int lines = 0;
    for (var file : data.files()) {
      if (!excluded.matches(file.path())) {
        lines += file.aiLines();
      }
    }
    return lines;
  }
}
