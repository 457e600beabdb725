package io.podometer.connectors.git;

import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.file.WindowCacheConfig;

/** Opening a clone, finding the branch to import and the repository's name. */
public final class GitRepositories {

  // a host and exactly owner/name: GitHub's and its likes' https, ssh and scp-like addresses (a
  // GitLab subgroup, an Azure DevOps path, a local path or file:// names no owner/name: not read)
  private static final Pattern URL_OWNER_NAME =
      Pattern.compile(
          "(?:https?|ssh|git)://[^/\\s]+/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?");
  private static final Pattern SCP_OWNER_NAME =
      Pattern.compile("[^/\\s:]+:([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?");

  static {
    // JGit's defaults (10 MB of pack windows, 10 MB of delta bases) make a long history re-read and
    // re-inflate the same packs for every commit
    WindowCacheConfig cache = new WindowCacheConfig();
    cache.setPackedGitLimit(256L * 1024 * 1024);
    cache.setDeltaBaseCacheLimit(64 * 1024 * 1024);
    cache.setStreamFileThreshold(16 * 1024 * 1024);
    cache.install();
  }

  private GitRepositories() {}

  /** A branch's head: its short name (null when detached) and commit. */
  public record Head(String branch, ObjectId commit) {}

  /**
   * Opens a clone, bare or not.
   *
   * @throws IllegalArgumentException when the path holds no git repository
   */
  public static Repository open(String path) throws IOException {
    File dir = new File(path);
    if (!dir.isDirectory()) {
      throw new IllegalArgumentException(path + " is no directory");
    }
    // opened afresh each time (not through JGit's cache): a clone's config may change between
    // imports
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
    if (new File(dir, Constants.DOT_GIT).exists()) {
      builder.setWorkTree(dir);
    } else {
      builder.setGitDir(dir);
    }
    try {
      return builder.build();
    } catch (RepositoryNotFoundException | IllegalArgumentException e) {
      throw new IllegalArgumentException(path + " holds no git repository");
    }
  }

  /**
   * The head to import: the branch named (local, else the origin's), or the default branch — the
   * origin's default as the clone recorded it, else the branch HEAD is on.
   *
   * @throws IllegalArgumentException when the branch named does not exist
   */
  public static Head head(Repository repository, String branch) throws IOException {
    if (branch != null) {
      for (String name :
          new String[] {Constants.R_HEADS + branch, Constants.R_REMOTES + "origin/" + branch}) {
        Ref ref = repository.exactRef(name);
        if (ref != null && ref.getObjectId() != null) {
          return new Head(branch, ref.getObjectId());
        }
      }
      throw new IllegalArgumentException("no branch '" + branch + "' in the repository");
    }
    Ref originHead = repository.exactRef(Constants.R_REMOTES + "origin/HEAD");
    if (originHead != null && originHead.isSymbolic() && originHead.getObjectId() != null) {
      String target = originHead.getTarget().getName();
      String prefix = Constants.R_REMOTES + "origin/";
      return new Head(
          target.startsWith(prefix)
              ? target.substring(prefix.length())
              : Repository.shortenRefName(target),
          originHead.getObjectId());
    }
    Ref head = repository.exactRef(Constants.HEAD);
    if (head == null || head.getObjectId() == null) {
      throw new IllegalArgumentException("the repository has no commit on HEAD");
    }
    String name = head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : null;
    return new Head(name, head.getObjectId());
  }

  /** {@code owner/name} read from the origin remote's URL, when it has one. */
  public static Optional<String> repoName(Repository repository) {
    String url = repository.getConfig().getString("remote", "origin", "url");
    if (url == null) {
      return Optional.empty();
    }
    for (Pattern pattern : new Pattern[] {URL_OWNER_NAME, SCP_OWNER_NAME}) {
      Matcher m = pattern.matcher(url.strip());
      if (m.matches()) {
        return Optional.of(m.group(1) + "/" + m.group(2));
      }
    }
    return Optional.empty();
  }
}
