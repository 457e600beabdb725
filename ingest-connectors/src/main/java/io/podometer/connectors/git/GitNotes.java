package io.podometer.connectors.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The git-ai notes of a clone ({@code refs/notes/ai}), as of the notes ref's tip. Looked up from
 * one thread (the note map loads its fan-out lazily); a note's text may be read from any.
 */
final class GitNotes implements AutoCloseable {

  static final String REF = "refs/notes/ai";

  /** Notes carry prompt transcripts; past this a note is not read (its commit still is). */
  static final long MAX_NOTE_BYTES = 32L * 1024 * 1024;

  private final Repository repository;
  private final ObjectReader reader;
  private final RevCommit tip;
  private final NoteMap notes;

  private GitNotes(Repository repository, ObjectReader reader, RevCommit tip, NoteMap notes) {
    this.repository = repository;
    this.reader = reader;
    this.tip = tip;
    this.notes = notes;
  }

  static GitNotes read(Repository repository) throws IOException {
    ObjectReader reader = repository.newObjectReader();
    Ref ref = repository.exactRef(REF);
    if (ref == null || ref.getObjectId() == null) {
      return new GitNotes(repository, reader, null, null);
    }
    try (RevWalk walk = new RevWalk(reader)) {
      RevCommit tip = walk.parseCommit(ref.getObjectId());
      return new GitNotes(repository, reader, tip, NoteMap.read(reader, tip));
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  boolean exists() {
    return tip != null;
  }

  ObjectId tip() {
    return tip;
  }

  /** When the notes' tip was written: a note rewritten since supersedes what it said before. */
  Instant writtenAt() {
    return tip.getCommitterIdent().getWhenAsInstant();
  }

  /** The blob of the commit's note, or null. */
  ObjectId noteOf(AnyObjectId commit) throws IOException {
    return notes == null ? null : notes.get(commit);
  }

  /**
   * @throws AuthorshipLog.Unreadable when the note is too large or missing from the clone
   */
  String text(ObjectId blob) throws AuthorshipLog.Unreadable {
    try {
      byte[] bytes = repository.open(blob).getCachedBytes((int) MAX_NOTE_BYTES);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (org.eclipse.jgit.errors.LargeObjectException e) {
      throw new AuthorshipLog.Unreadable("larger than " + MAX_NOTE_BYTES + " bytes");
    } catch (IOException e) {
      throw new AuthorshipLog.Unreadable("cannot be read: " + e.getMessage());
    }
  }

  /**
   * The commits whose notes were written or rewritten since the tip a previous import read (none on
   * a first import: the commits walked then brought their notes).
   */
  List<ObjectId> changedSince(Optional<String> previousTip, boolean importedBefore)
      throws IOException {
    List<ObjectId> changed = new ArrayList<>();
    if (notes == null
        || (previousTip.isEmpty() && !importedBefore)
        || previousTip.filter(tip.name()::equals).isPresent()) {
      return changed;
    }
    NoteMap before;
    if (previousTip.isEmpty()) {
      // commits were imported before the notes were here: every note is new to them
      before = NoteMap.newEmptyMap();
    } else {
      before = previous(previousTip.get());
    }
    for (Note note : notes) {
      ObjectId was = before.get(note);
      if (was == null || !was.equals(note.getData())) {
        changed.add(note.copy());
      }
    }
    return changed;
  }

  private NoteMap previous(String previousTip) throws IOException {
    NoteMap before;
    try (RevWalk walk = new RevWalk(reader)) {
      before = NoteMap.read(reader, walk.parseCommit(ObjectId.fromString(previousTip)));
    } catch (IOException | IllegalArgumentException e) {
      // the tip read before is gone (the notes were rewritten): every note counts as new
      before = NoteMap.newEmptyMap();
    }
    return before;
  }

  @Override
  public void close() {
    reader.close();
  }
}
