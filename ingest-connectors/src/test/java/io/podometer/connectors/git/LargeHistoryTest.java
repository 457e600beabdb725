package io.podometer.connectors.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podometer.connectors.source.Checkpoints;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.connectors.source.MemoryCheckpoints;
import io.podometer.connectors.source.SourceProgress;
import io.podometer.connectors.source.SourceRun;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history longer than an import's chunk, written by {@code git fast-import} (2,500 commits, each
 * adding lines to a few of 50 files, a branch merged every 100 commits): every commit imported
 * once, across chunks and threads, with git's own line counts.
 */
class LargeHistoryTest {

  static final int COMMITS = 2_500;

  @TempDir Path dir;

  @Test
  void aLongHistoryImportsWholeAndCountsAsGitDoes() throws Exception {
    Path repo = dir.resolve("long.git");
    GitFixture.run(dir, Map.of(), "git", "init", "-q", "--bare", "-b", "main", repo.toString());
    Process fastImport =
        new ProcessBuilder("git", "fast-import", "--quiet")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream out = new BufferedOutputStream(fastImport.getOutputStream())) {
      writeHistory(out);
    }
    assertEquals(0, fastImport.waitFor(), "git fast-import");

    List<CanonicalEvent> events = new ArrayList<>();
    List<Integer> batches = new ArrayList<>();
    SourceProgress progress = new SourceProgress();
    Checkpoints none = new MemoryCheckpoints();
    new GitImport(new GitSource("git-l", repo.toString(), "acme/long", null), new EventCodec(), 2)
        .sync(
            new SourceRun(
                "git-l",
                batch -> {
                  events.addAll(batch);
                  batches.add(batch.size());
                  return CompletableFuture.completedFuture(new IngestReceipt(batch.size(), 0, 0));
                },
                payload -> true,
                none,
                progress,
                Clock.system(ZoneOffset.UTC),
                wait -> {}));

    // 2,500 on main and 25 merged branches of one commit each, and their 25 merges
    int expected = COMMITS + 25 + 25;
    assertEquals(SourceProgress.State.DONE, progress.snapshot(java.time.Instant.now()).state());
    assertEquals(expected, events.size());
    assertEquals(expected, events.stream().map(CanonicalEvent::id).distinct().count());
    assertEquals(List.of(1_000, 1_000, 550), batches, "published a chunk at a time");

    Map<String, Integer> added = new HashMap<>();
    for (CanonicalEvent event : events) {
      com.fasterxml.jackson.databind.JsonNode data = GitImportTest.tree(event);
      int lines = 0;
      for (com.fasterxml.jackson.databind.JsonNode file : data.path("files")) {
        lines += file.path("additions").asInt();
      }
      added.put(data.path("sha").asText(), lines);
    }
    String log =
        GitFixture.run(repo, Map.of(), "git", "log", "--numstat", "-M", "--format=@%H", "main");
    Map<String, Integer> git = new HashMap<>();
    String sha = null;
    for (String line : log.split("\n")) {
      if (line.startsWith("@")) {
        sha = line.substring(1);
        git.put(sha, 0);
      } else if (!line.isBlank()) {
        git.merge(sha, Integer.parseInt(line.split("\t")[0]), Integer::sum);
      }
    }
    assertEquals(git, added);
  }

  /** Commits an hour apart from 2026-01-05; every 100th commit merges a one-commit branch. */
  private static void writeHistory(OutputStream out) throws java.io.IOException {
    long start = 1_767_600_000L;
    int mark = 0;
    int mainMark = 0;
    for (int c = 1; c <= COMMITS; c++) {
      mark++;
      write(out, commit("refs/heads/main", mark, start + c * 3600L, "Change " + c, mainMark));
      for (int f = 0; f < 3; f++) {
        int file = (c * 7 + f * 13) % 50;
        write(out, "M 100644 inline src/f" + file + ".txt\n" + data(lines(c, file)));
      }
      mainMark = mark;
      if (c % 100 == 0) {
        mark++;
        int branch = mark;
        write(
            out,
            commit("refs/heads/topic", branch, start + c * 3600L + 60, "Topic " + c, mainMark));
        write(out, "M 100644 inline topic/t" + c + ".txt\n" + data(lines(c, 99)));
        mark++;
        write(
            out,
            commit(
                    "refs/heads/main",
                    mark,
                    start + c * 3600L + 120,
                    "Merge pull request #" + c + " from acme/topic",
                    mainMark)
                + "merge :"
                + branch
                + "\n");
        mainMark = mark;
      }
    }
  }

  private static String commit(String ref, int mark, long when, String message, int from) {
    String ident = "Dev <dev@acme.example> " + when + " +0000\n";
    return "commit "
        + ref
        + "\nmark :"
        + mark
        + "\nauthor "
        + ident
        + "committer "
        + ident
        + data(message)
        + (from > 0 ? "from :" + from + "\n" : "");
  }

  private static String lines(int commit, int file) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i <= commit % 7; i++) {
      text.append("line ").append(i).append(" of ").append(file).append('\n');
    }
    return text.toString();
  }

  private static String data(String text) {
    return "data " + text.getBytes(StandardCharsets.UTF_8).length + "\n" + text + "\n";
  }

  private static void write(OutputStream out, String text) throws java.io.IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
