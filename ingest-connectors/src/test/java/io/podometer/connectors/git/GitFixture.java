package io.podometer.connectors.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A repository built by the {@code git} command line for tests: commits with chosen people, dates,
 * messages and files, merges, notes and partial clones, as real clones have them.
 */
public final class GitFixture {

  private final Path dir;
  private Instant clock = Instant.parse("2026-03-02T09:00:00Z");

  private GitFixture(Path dir) {
    this.dir = dir;
  }

  /** An existing clone. */
  public static GitFixture open(Path dir) {
    GitFixture repo = new GitFixture(dir);
    repo.git("config", "user.name", "Fixture");
    repo.git("config", "user.email", "fixture@acme.example");
    return repo;
  }

  /** A new repository with {@code main} as its branch. */
  public static GitFixture init(Path dir) {
    GitFixture repo = new GitFixture(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    repo.git("init", "-q", "-b", "main");
    repo.git("config", "user.name", "Fixture");
    repo.git("config", "user.email", "fixture@acme.example");
    repo.git("config", "commit.gpgsign", "false");
    return repo;
  }

  public Path dir() {
    return dir;
  }

  /** The next commits are made an hour after the previous one, from this moment. */
  public GitFixture at(Instant moment) {
    clock = moment;
    return this;
  }

  /** Writes a file of {@code lines} numbered lines (a tag keeps files of one size apart). */
  public GitFixture lines(String path, int lines, String tag) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= lines; i++) {
      text.append(tag).append(" line ").append(i).append('\n');
    }
    return write(path, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  public GitFixture write(String path, byte[] content) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    git("add", "--", path);
    return this;
  }

  public GitFixture move(String from, String to) {
    git("mv", from, to);
    return this;
  }

  /** Commits what is staged; returns the sha. */
  public String commit(String author, String message) {
    return commit(author, author, message);
  }

  /**
   * @param author and committer as {@code Name <email>}
   */
  public String commit(String author, String committer, String message) {
    Map<String, String> env = people(author, committer);
    run(env, "git", "commit", "-q", "--allow-empty", "--allow-empty-message", "-m", message);
    return head();
  }

  /** A merge commit of {@code branch} into the current branch, never fast-forward. */
  public String merge(String branch, String author, String message) {
    run(people(author, author), "git", "merge", "-q", "--no-ff", "-m", message, branch);
    return head();
  }

  public GitFixture checkout(String branch, boolean create) {
    if (create) {
      git("checkout", "-q", "-b", branch);
    } else {
      git("checkout", "-q", branch);
    }
    return this;
  }

  /** Attaches a note to a commit under {@code refs/notes/<ref>}. */
  public GitFixture note(String ref, String sha, String text) {
    run(
        people("Fixture <fixture@acme.example>", "Fixture <fixture@acme.example>"),
        "git",
        "notes",
        "--ref=" + ref,
        "add",
        "-f",
        "-m",
        text,
        sha);
    return this;
  }

  public String head() {
    return git("rev-parse", "HEAD").strip();
  }

  /** Runs git in the repository and returns its output. */
  public String git(String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    return run(Map.of(), command.toArray(String[]::new));
  }

  private Map<String, String> people(String author, String committer) {
    Instant when = clock;
    clock = clock.plusSeconds(3600);
    Map<String, String> env = new HashMap<>();
    env.put("GIT_AUTHOR_NAME", name(author));
    env.put("GIT_AUTHOR_EMAIL", email(author));
    env.put("GIT_AUTHOR_DATE", when.toString());
    env.put("GIT_COMMITTER_NAME", name(committer));
    env.put("GIT_COMMITTER_EMAIL", email(committer));
    env.put("GIT_COMMITTER_DATE", when.toString());
    return env;
  }

  private static String name(String person) {
    return person.substring(0, person.indexOf('<')).strip();
  }

  private static String email(String person) {
    return person.substring(person.indexOf('<') + 1, person.indexOf('>'));
  }

  private String run(Map<String, String> env, String... command) {
    return run(dir, env, command);
  }

  /** Runs a command in a directory; fails the test with its output when it fails. */
  public static String run(Path in, Map<String, String> env, String... command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(in.toFile());
      builder.environment().putAll(env);
      builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
      builder.environment().put("HOME", in.toAbsolutePath().toString());
      builder.redirectErrorStream(true);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
