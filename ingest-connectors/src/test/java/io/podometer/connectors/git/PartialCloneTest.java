package io.podometer.connectors.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.podometer.connectors.source.Checkpoints;
import io.podometer.connectors.source.IngestReceipt;
import io.podometer.connectors.source.MemoryCheckpoints;
import io.podometer.connectors.source.SourceProgress;
import io.podometer.connectors.source.SourceRun;
import io.podometer.engine.event.CanonicalEvent;
import io.podometer.engine.event.EventCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clone made with {@code --filter=blob:limit=1k} has no content for larger files: they import as
 * 0 lines with a warning naming them, and the rest of the history imports as usual.
 */
class PartialCloneTest {

  @TempDir Path dir;

  @Test
  void filesWhoseContentIsMissingCountZeroAndAreNamedNeverAFailure() throws Exception {
    GitFixture origin = GitFixture.init(dir.resolve("origin"));
    String small = origin.lines("src/small.py", 4, "small").commit(GitImportTest.ANA, "Small");
    // 400 lines of 13+ bytes: well over the 1 KiB the clone keeps
    String big =
        origin
            .lines("data/big.csv", 400, "row")
            .lines("src/next.py", 2, "next")
            .commit(GitImportTest.ANA, "Big data");
    origin.git("config", "uploadpack.allowFilter", "true");
    Path partial = dir.resolve("partial.git");
    GitFixture.run(
        dir,
        Map.of(),
        "git",
        "clone",
        "-q",
        "--bare",
        "--filter=blob:limit=1k",
        "file://" + origin.dir().toAbsolutePath(),
        partial.toString());
    // the promisor is gone, as on a server that cannot reach it
    GitFixture.run(dir, Map.of(), "rm", "-rf", origin.dir().toString());

    List<CanonicalEvent> events = new ArrayList<>();
    SourceProgress progress = new SourceProgress();
    Checkpoints none = new MemoryCheckpoints();
    new GitImport(
            new GitSource("git-2", partial.toString(), "acme/data", null), new EventCodec(), 1)
        .sync(
            new SourceRun(
                "git-2",
                batch -> {
                  events.addAll(batch);
                  return CompletableFuture.completedFuture(new IngestReceipt(batch.size(), 0, 0));
                },
                payload -> true,
                none,
                progress,
                Clock.system(ZoneOffset.UTC),
                wait -> {}));

    SourceProgress.Snapshot done = progress.snapshot(java.time.Instant.now());
    assertEquals(SourceProgress.State.DONE, done.state(), String.valueOf(done.lastError()));
    assertEquals(2, events.size());
    Map<String, JsonNode> commits = GitImportTest.commits(events);
    assertEquals(4, commits.get(small).path("files").get(0).path("additions").asInt());
    JsonNode files = commits.get(big).path("files");
    assertEquals("data/big.csv", files.get(0).path("path").asText());
    assertEquals(0, files.get(0).path("additions").asInt(), "missing content counts 0 lines");
    assertEquals(2, files.get(1).path("additions").asInt(), "the small file is counted");
    assertEquals(1, done.warningsTotal());
    String warning = done.warnings().get(0);
    assertTrue(
        warning.startsWith("commit " + big.substring(0, 10)) && warning.contains("data/big.csv"),
        warning);
  }
}
