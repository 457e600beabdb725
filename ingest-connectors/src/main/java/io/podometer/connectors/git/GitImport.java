package io.podometer.connectors.git;

import io.podometer.connectors.source.CanonicalEventBuilder;
import io.podometer.connectors.source.Mapping;
import io.podometer.connectors.source.PayloadMapper;
import io.podometer.connectors.source.SourceConnector;
import io.podometer.connectors.source.SourceRun;
import io.podometer.connectors.source.UnmappablePayload;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Imports a clone's branch: every commit reachable from its head (not only the first-parent line),
 * merge commits included without lines of their own, each with its git-ai note. The branch head and
 * the notes imported are the checkpoints: a re-import reads only the commits since, and the notes
 * written or rewritten since. Commits are diffed in parallel, a chunk at a time, and each chunk is
 * published before the next is read.
 */
public final class GitImport implements SourceConnector {

  static final int CHUNK = 1_000;

  private final GitSource source;
  private final EventCodec codec;
  private final int threads;

  public GitImport(GitSource source, EventCodec codec) {
    this(source, codec, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
  }

  GitImport(GitSource source, EventCodec codec, int threads) {
    this.source = source;
    this.codec = codec;
    this.threads = threads;
  }

  @Override
  public String kind() {
    return "git";
  }

  /** An import keeps no payloads: the clone is its own record, and importing again re-derives. */
  @Override
  public PayloadMapper mapper() {
    return payload -> Mapping.ignored("git imports keep no payloads; import the clone again");
  }

  @Override
  public void sync(SourceRun run) throws InterruptedException {
    run.progress().started(run.clock().instant());
    // failed unless the import gets to its end: an Error on the way is a failure too
    boolean failed = true;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, "podometer-git-diff");
              thread.setDaemon(true);
              return thread;
            });
    try (Repository repository = GitRepositories.open(source.path());
        GitNotes notes = GitNotes.read(repository)) {
      new Run(repository, notes, run, pool).importBranch();
      failed = false;
    } catch (IllegalArgumentException e) {
      run.progress().error(e.getMessage());
    } catch (IOException e) {
      run.progress().error("the clone cannot be read: " + e.getMessage());
    } catch (CancelledImport e) {
      run.progress().error("stopped");
    } catch (RuntimeException e) {
      // the store refused a chunk: the checkpoint did not move, the next import resumes
      run.progress().error("stopped: " + e.getMessage());
    } catch (Error e) {
      run.progress().error("stopped: " + e);
      throw e;
    } finally {
      pool.shutdownNow();
      // the diffing threads read the repository: let them end before it is gone for good
      pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
      run.progress().finished(run.clock().instant(), failed);
    }
  }

  /** A commit with its note's blob (null when it has none), looked up on the walking thread. */
  private record Noted(RevCommit commit, ObjectId note) {}

  private static final class CancelledImport extends RuntimeException {
    CancelledImport() {
      super("cancelled", null, false, false);
    }
  }

  /** One import of the source's branch. */
  private final class Run {
    private final Repository repository;
    private final SourceRun run;
    private final ExecutorService pool;
    private final GitNotes notes;
    private GitCommitEvents events;
    private CompletableFuture<?> publishing = CompletableFuture.completedFuture(null);
    private Set<ObjectId> shallow = Set.of();

    Run(Repository repository, GitNotes notes, SourceRun run, ExecutorService pool) {
      this.repository = repository;
      this.notes = notes;
      this.run = run;
      this.pool = pool;
    }

    void importBranch() throws IOException, InterruptedException {
      GitRepositories.Head head = GitRepositories.head(repository, source.branch());
      try (org.eclipse.jgit.lib.ObjectReader reader = repository.newObjectReader()) {
        shallow = Set.copyOf(reader.getShallowCommits());
      }
      String branchStream = "branch:" + (head.branch() == null ? "HEAD" : head.branch());
      events =
          new GitCommitEvents(
              new CanonicalEventBuilder(codec, GitCommitEvents.SOURCE),
              source.repo(),
              head.branch());
      ObjectId since = run.checkpoints().cursor(branchStream).map(this::commitOrNull).orElse(null);
      Set<ObjectId> imported = new HashSet<>();
      try (RevWalk walk = new RevWalk(repository)) {
        walk.markStart(walk.parseCommit(head.commit()));
        if (since != null) {
          walk.markUninteresting(walk.parseCommit(since));
        }
        run.progress().expect(count(head.commit(), since));
        List<RevCommit> chunk = new ArrayList<>(CHUNK);
        for (RevCommit commit : walk) {
          parseParents(walk, commit);
          chunk.add(commit);
          imported.add(commit.copy());
          if (chunk.size() == CHUNK) {
            importChunk(chunk);
            chunk = new ArrayList<>(CHUNK);
          }
        }
        importChunk(chunk);
        // notes written since the last import for commits imported before it (all of them when
        // the notes were not there at the last import: notes refs are fetched apart)
        if (notes.exists()) {
          List<ObjectId> noted = new ArrayList<>();
          for (ObjectId id :
              notes.changedSince(run.checkpoints().cursor(NOTES_STREAM), since != null)) {
            if (!imported.contains(id) && repository.getObjectDatabase().has(id)) {
              noted.add(id);
            }
          }
          Set<ObjectId> onBranch = noted.isEmpty() ? Set.of() : reachable(head.commit());
          List<RevCommit> renoted = new ArrayList<>();
          for (ObjectId id : noted) {
            // a note on a commit of another branch, or on no commit at all, is not this branch's
            if (onBranch.contains(id)) {
              RevCommit commit = walk.parseCommit(id);
              parseParents(walk, commit);
              renoted.add(commit);
              if (renoted.size() == CHUNK) {
                importChunk(renoted);
                renoted = new ArrayList<>(CHUNK);
              }
            }
          }
          importChunk(renoted);
        }
      }
      awaitPublished();
      if (!run.progress().cancelled()) {
        run.checkpoints().save(branchStream, head.commit().name());
        if (notes.exists()) {
          run.checkpoints().save(NOTES_STREAM, notes.tip().name());
        }
      }
    }

    private ObjectId commitOrNull(String sha) {
      // a checkpoint on a commit no longer here (history rewritten, the clone replaced) counts
      // for nothing: everything is imported again, and what was imported before is recognized
      try {
        ObjectId id = ObjectId.fromString(sha);
        try (RevWalk walk = new RevWalk(repository)) {
          walk.parseCommit(id);
        }
        return id;
      } catch (IOException | IllegalArgumentException e) {
        return null;
      }
    }

    /** Every commit reachable from the head. */
    private Set<ObjectId> reachable(ObjectId head) throws IOException {
      Set<ObjectId> all = new HashSet<>();
      try (RevWalk walk = new RevWalk(repository)) {
        walk.setRetainBody(false);
        walk.markStart(walk.parseCommit(head));
        for (RevCommit commit : walk) {
          all.add(commit.copy());
        }
      }
      return all;
    }

    private long count(ObjectId head, ObjectId since) throws IOException {
      try (RevWalk walk = new RevWalk(repository)) {
        walk.setRetainBody(false);
        walk.markStart(walk.parseCommit(head));
        if (since != null) {
          walk.markUninteresting(walk.parseCommit(since));
        }
        long n = 0;
        for (RevCommit ignored : walk) {
          n++;
        }
        return n;
      }
    }

    private void parseParents(RevWalk walk, RevCommit commit) throws IOException {
      for (RevCommit parent : commit.getParents()) {
        if (parent.getTree() == null) {
          walk.parseHeaders(parent);
        }
      }
    }

    private void importChunk(List<RevCommit> chunk) throws InterruptedException, IOException {
      if (chunk.isEmpty()) {
        return;
      }
      if (run.progress().cancelled()) {
        throw new CancelledImport();
      }
      int slices = Math.min(threads, chunk.size());
      List<Future<List<CanonicalEvent>>> parts = new ArrayList<>(slices);
      for (int s = 0; s < slices; s++) {
        List<Noted> slice = new ArrayList<>();
        for (int i = s; i < chunk.size(); i += slices) {
          RevCommit commit = chunk.get(i);
          slice.add(new Noted(commit, notes.noteOf(commit)));
        }
        parts.add(pool.submit(() -> eventsOf(slice)));
      }
      List<CanonicalEvent> all = new ArrayList<>(chunk.size() + chunk.size() / 4);
      for (Future<List<CanonicalEvent>> part : parts) {
        try {
          all.addAll(part.get());
        } catch (ExecutionException e) {
          parts.forEach(other -> other.cancel(true));
          throw e.getCause() instanceof RuntimeException r
              ? r
              : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
      }
      // the walk keeps every commit it passed: their messages are not needed again (a long
      // history's bodies would otherwise all stay in memory)
      chunk.forEach(RevCommit::disposeBody);
      awaitPublished();
      int commits = chunk.size();
      publishing =
          run.sink().publish(all).toCompletableFuture().thenRun(() -> run.progress().done(commits));
    }

    private void awaitPublished() {
      publishing.join();
    }

    private List<CanonicalEvent> eventsOf(List<Noted> commits) throws IOException {
      List<CanonicalEvent> out = new ArrayList<>(commits.size());
      try (CommitChanges changes = new CommitChanges(repository)) {
        for (Noted noted : commits) {
          eventsOf(noted.commit(), noted.note(), changes, out);
        }
      }
      return out;
    }

    private void eventsOf(
        RevCommit commit, ObjectId note, CommitChanges differ, List<CanonicalEvent> out)
        throws IOException {
      List<CommitChanges.FileChange> changes = null;
      if (commit.getParentCount() == 0 && shallow.contains(commit)) {
        // its parents were left out of the clone: against nothing, every file would look added
        run.progress()
            .warn(
                "commit "
                    + commit.abbreviate(10).name()
                    + ": its parent is not in this shallow clone: its lines are not counted");
      } else if (commit.getParentCount() <= 1) {
        try {
          changes =
              differ.between(
                  commit.getParentCount() == 0 ? null : commit.getParent(0).getTree(),
                  commit.getTree());
        } catch (IOException e) {
          run.progress()
              .warn(
                  "commit "
                      + commit.abbreviate(10).name()
                      + ": its changes cannot be read ("
                      + e.getMessage()
                      + "): counted as 0 lines");
          changes = List.of();
        }
        List<String> missing =
            changes.stream()
                .filter(CommitChanges.FileChange::missing)
                .map(CommitChanges.FileChange::path)
                .toList();
        if (!missing.isEmpty()) {
          run.progress()
              .warn(
                  "commit "
                      + commit.abbreviate(10).name()
                      + ": no content in this clone for "
                      + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                      + (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "")
                      + " (a partial clone?): counted as 0 lines");
        }
      }
      try {
        out.add(events.commit(commit, changes));
      } catch (UnmappablePayload e) {
        run.progress()
            .warn("commit " + commit.abbreviate(10).name() + " skipped: " + e.getMessage());
        return;
      }
      if (note != null) {
        try {
          AuthorshipLog log = AuthorshipLog.parse(notes.text(note));
          java.util.Map<String, CommitChanges.FileChange> byPath = new java.util.HashMap<>();
          if (changes != null) {
            changes.forEach(c -> byPath.put(c.path(), c));
          }
          if (!log.files().isEmpty()) {
            out.add(events.attribution(commit, log, byPath, notes.writtenAt()));
          }
        } catch (AuthorshipLog.Unreadable e) {
          run.progress()
              .warn(
                  "commit "
                      + commit.abbreviate(10).name()
                      + ": its refs/notes/ai note is not read: "
                      + e.getMessage());
        } catch (UnmappablePayload e) {
          run.progress()
              .warn("commit " + commit.abbreviate(10).name() + ": note skipped: " + e.getMessage());
        }
      }
    }
  }

  static final String NOTES_STREAM = "notes:" + GitNotes.REF;
}
