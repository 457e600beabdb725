package io.podometer.connectors.commits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a commit message as git does: its trailers are the {@code Key: value} lines of the last
 * paragraph after the subject, continuation lines indented, kept verbatim and in order (a last
 * paragraph with any other line holds no trailers); the pull request it came from is named by
 * GitHub's merge subject ({@code Merge pull request #12 from …}) or a squash subject's trailing
 * {@code (#12)}.
 */
public final class CommitMessage {

  /** A trailer as written, key and value unchanged. */
  public record Trailer(String key, String value) {}

  private static final Pattern TRAILER = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*)\\s*:\\s?(.*)");
  private static final Pattern MERGE_SUBJECT = Pattern.compile("^Merge pull request #(\\d{1,9}) ");
  private static final Pattern SQUASH_SUBJECT = Pattern.compile("\\(#(\\d{1,9})\\)\\s*$");

  private CommitMessage() {}

  public static List<Trailer> trailers(String message) {
    if (message == null || message.isBlank()) {
      return List.of();
    }
    String[] lines = message.strip().split("\\R", -1);
    int start = lines.length;
    while (start > 0 && !lines[start - 1].isBlank()) {
      start--;
    }
    // the subject alone is no trailer block
    if (start == 0) {
      return List.of();
    }
    List<Trailer> trailers = new ArrayList<>();
    for (int i = start; i < lines.length; i++) {
      String line = lines[i];
      if ((line.startsWith(" ") || line.startsWith("\t")) && !trailers.isEmpty()) {
        Trailer last = trailers.remove(trailers.size() - 1);
        trailers.add(new Trailer(last.key(), last.value() + " " + line.strip()));
        continue;
      }
      Matcher m = TRAILER.matcher(line);
      if (!m.matches()) {
        return List.of();
      }
      trailers.add(new Trailer(m.group(1), m.group(2).strip()));
    }
    return trailers;
  }

  public static Optional<Integer> pullRequestNumber(String message) {
    if (message == null) {
      return Optional.empty();
    }
    String subject = message.lines().findFirst().orElse("");
    Matcher merge = MERGE_SUBJECT.matcher(subject);
    if (merge.find()) {
      return Optional.of(Integer.parseInt(merge.group(1)));
    }
    Matcher squash = SQUASH_SUBJECT.matcher(subject);
    return squash.find() ? Optional.of(Integer.parseInt(squash.group(1))) : Optional.empty();
  }
}
