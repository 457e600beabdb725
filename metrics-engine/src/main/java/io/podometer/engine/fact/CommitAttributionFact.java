package io.podometer.engine.fact;

import io.podometer.engine.event.EventData.AttributedFile;
import java.util.List;

/** AI authorship of a commit's lines from one source ({@code line} or {@code telemetry}). */
public record CommitAttributionFact(
    String repo, String sha, String source, String tool, String model, List<AttributedFile> files) {

  public CommitAttributionFact {
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** AI-attributed lines over all files (lines). */
  public int aiLines() {
    return files.stream().mapToInt(AttributedFile::aiLines).sum();
  }
}
