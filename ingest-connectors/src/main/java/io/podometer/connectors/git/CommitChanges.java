package io.podometer.connectors.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The files a commit changed against its parent, with added and deleted lines counted as {@code git
 * log --numstat} counts them: the same diff algorithm, renames detected, binary files 0 lines, and
 * a file whose content is missing (a partial clone) 0 lines and named, never a failure. One per
 * thread.
 */
final class CommitChanges implements AutoCloseable {

  /** One changed file; {@code missing} when its content is not in the clone. */
  record FileChange(String path, int additions, int deletions, boolean binary, boolean missing) {}

  private final ObjectReader reader;
  private final DiffFormatter formatter;

  CommitChanges(Repository repository) {
    reader = repository.newObjectReader();
    formatter = new DiffFormatter(DisabledOutputStream.INSTANCE);
    try {
      formatter.setReader(reader, repository.getConfig());
    } catch (IllegalArgumentException e) {
      // a diff setting JGit does not know (diff.algorithm=patience): the defaults, set below
      formatter.setReader(reader, new org.eclipse.jgit.lib.Config());
    }
    // git diffs with Myers unless diff.algorithm says otherwise (JGit's own default is histogram):
    // the counts must be the ones `git log --numstat` gives in this clone
    formatter.setDiffAlgorithm(DiffAlgorithm.getAlgorithm(algorithm(repository)));
    formatter.setDiffComparator(RawTextComparator.DEFAULT);
    formatter.setDetectRenames(true);
  }

  /** The clone's diff.algorithm where JGit has it; git's others (patience, minimal) as Myers. */
  private static DiffAlgorithm.SupportedAlgorithm algorithm(Repository repository) {
    try {
      return repository
          .getConfig()
          .getEnum(
              ConfigConstants.CONFIG_DIFF_SECTION,
              null,
              ConfigConstants.CONFIG_KEY_ALGORITHM,
              DiffAlgorithm.SupportedAlgorithm.MYERS);
    } catch (IllegalArgumentException e) {
      return DiffAlgorithm.SupportedAlgorithm.MYERS;
    }
  }

  /**
   * @param parentTree the parent's tree, null for a root commit
   */
  List<FileChange> between(ObjectId parentTree, ObjectId tree) throws IOException {
    List<DiffEntry> entries;
    try {
      entries = formatter.scan(parentTree, tree);
    } catch (MissingObjectException e) {
      // finding renames by similarity reads content the clone does not have: compare paths only
      formatter.setDetectRenames(false);
      try {
        entries = formatter.scan(parentTree, tree);
      } finally {
        formatter.setDetectRenames(true);
      }
    }
    List<FileChange> changes = new ArrayList<>(entries.size());
    for (DiffEntry entry : entries) {
      changes.add(count(entry));
    }
    return changes;
  }

  private FileChange count(DiffEntry entry) throws IOException {
    String path =
        entry.getChangeType() == DiffEntry.ChangeType.DELETE
            ? entry.getOldPath()
            : entry.getNewPath();
    FileHeader header;
    try {
      header = formatter.toFileHeader(entry);
    } catch (MissingObjectException e) {
      return new FileChange(path, 0, 0, false, true);
    }
    if (header.getPatchType() != FileHeader.PatchType.UNIFIED) {
      return new FileChange(path, 0, 0, true, false);
    }
    int added = 0;
    int deleted = 0;
    for (Edit edit : header.toEditList()) {
      added += edit.getLengthB();
      deleted += edit.getLengthA();
    }
    return new FileChange(path, added, deleted, false, false);
  }

  @Override
  public void close() {
    formatter.close();
    reader.close();
  }
}
