package io.podometer.connectors.git;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podometer.connectors.commits.CommitEventFields;
import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.connectors.source.UnmappablePayload;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventLimits;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A commit read from a clone, and its git-ai note, as canonical events (source {@code git}). */
final class GitCommitEvents {

  static final String SOURCE = "git";

  private final CanonicalEventBuilder events;
  private final String repo;
  private final String branch;

  GitCommitEvents(CanonicalEventBuilder events, String repo, String branch) {
    this.events = events;
    this.repo = repo;
    this.branch = branch;
  }

  /**
   * The {@code commit} event; files absent (totals given) when there are more than an event may
   * list.
   *
   * @param changes null for a merge commit (its lines are its parents')
   */
  CanonicalEvent commit(RevCommit commit, List<CommitChanges.FileChange> changes) {
    ObjectNode d = CanonicalEventBuilder.data();
    String sha = commit.name();
    d.put("sha", sha);
    ArrayNode parents = d.putArray("parents");
    for (RevCommit parent : commit.getParents()) {
      parents.add(parent.name());
    }
    PersonIdent author = commit.getAuthorIdent();
    PersonIdent committer = commit.getCommitterIdent();
    if (author == null && committer == null) {
      throw new UnmappablePayload("it names no author and no committer git can read");
    }
    author = author != null ? author : committer;
    committer = committer != null ? committer : author;
    person(d.putObject("author"), author);
    person(d.putObject("committer"), committer);
    d.put("authoredAt", author.getWhenAsInstant().toString());
    d.put("committedAt", committer.getWhenAsInstant().toString());
    String message = clean(commit.getFullMessage());
    CommitEventFields.message(d, message == null || message.isBlank() ? null : message, null);
    if (changes != null) {
      if (changes.size() <= EventLimits.ITEMS) {
        ArrayNode files = d.putArray("files");
        for (CommitChanges.FileChange change : changes) {
          ObjectNode file =
              files
                  .addObject()
                  .put("path", CanonicalEventBuilder.upTo(clean(change.path()), EventLimits.PATH))
                  .put("additions", change.additions())
                  .put("deletions", change.deletions());
          if (change.binary()) {
            file.put("binary", true);
          }
        }
      } else {
        d.put("additions", changes.stream().mapToInt(CommitChanges.FileChange::additions).sum());
        d.put("deletions", changes.stream().mapToInt(CommitChanges.FileChange::deletions).sum());
      }
    }
    if (branch != null) {
      d.put("branch", CanonicalEventBuilder.upTo(branch, EventLimits.PATH));
    }
    return events.build(
        "commit:" + repo + "@" + sha,
        "commit",
        committer.getWhenAsInstant(),
        repo,
        text(author.getEmailAddress()),
        d);
  }

  /**
   * The {@code commit.attribution} event of a git-ai note: each file's AI lines (a line counted
   * once, at most the lines the commit added to it), with the tool and model behind most lines.
   *
   * @param notedAt when the notes that hold it were written: a rewritten note supersedes
   */
  CanonicalEvent attribution(
      RevCommit commit,
      AuthorshipLog log,
      Map<String, CommitChanges.FileChange> changesByPath,
      Instant notedAt) {
    ObjectNode d = CanonicalEventBuilder.data();
    d.put("sha", commit.name());
    d.put("source", "line");
    if (log.tool() != null) {
      d.put("tool", CanonicalEventBuilder.upTo(log.tool(), EventLimits.NAME));
    }
    if (log.model() != null) {
      d.put("model", CanonicalEventBuilder.upTo(log.model(), EventLimits.NAME));
    }
    ArrayNode files = d.putArray("files");
    log.files().entrySet().stream()
        .limit(EventLimits.ITEMS)
        .forEach(
            entry -> {
              long lines = entry.getValue().lines();
              CommitChanges.FileChange change = changesByPath.get(entry.getKey());
              if (change != null && !change.missing()) {
                lines = Math.min(lines, change.additions());
              }
              files
                  .addObject()
                  .put("path", CanonicalEventBuilder.upTo(clean(entry.getKey()), EventLimits.PATH))
                  .put("aiLines", (int) Math.min(Integer.MAX_VALUE, lines))
                  .put(
                      "ranges",
                      CanonicalEventBuilder.upTo(entry.getValue().toString(), EventLimits.TEXT));
            });
    return events.build(
        "attribution:" + repo + "@" + commit.name() + ":line",
        "commit.attribution",
        notedAt,
        repo,
        null,
        d);
  }

  /**
   * A person as git recorded them; git allows an empty name or {@code <>}, the contract does not:
   * the e-mail stands for a missing name, and an address nobody has ({@value #NO_EMAIL}) for a
   * missing e-mail, so the commit still counts and shows among the unmapped identities.
   */
  private static void person(ObjectNode into, PersonIdent who) {
    String name = text(who.getName());
    String email = text(who.getEmailAddress());
    boolean noEmail = email == null || email.isBlank();
    into.put("name", name == null || name.isBlank() ? (noEmail ? "unknown" : email) : name);
    into.put("email", noEmail ? NO_EMAIL : email);
  }

  static final String NO_EMAIL = "unknown@invalid";

  private static String text(String value) {
    return CanonicalEventBuilder.upTo(clean(value), EventLimits.NAME);
  }

  /** Git stores any bytes; the contract takes no NUL character. */
  private static String clean(String value) {
    return value == null ? null : value.replace('\u0000', '\uFFFD');
  }
}
