package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Change.FileChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pull request as planned: who, what, on which branch, and its commits in order. */
final class PullRequest {
  final Repo repo;
  final int number;
  final Author author;
  final String title;
  final String headBranch;
  final String body;
  final List<String> labels;
  final List<Change> commits;
  final String mergeSha;

  PullRequest(
      Repo repo,
      int number,
      Author author,
      String title,
      String headBranch,
      String body,
      List<String> labels,
      List<Change> commits,
      String mergeSha) {
    this.repo = repo;
    this.number = number;
    this.author = author;
    this.title = title;
    this.headBranch = headBranch;
    this.body = body;
    this.labels = List.copyOf(labels);
    this.commits = List.copyOf(commits);
    this.mergeSha = mergeSha;
  }

  /** The pull request's files as GitHub lists them: lines summed per path, in first-touch order. */
  List<FileChange> files() {
    Map<String, int[]> byPath = new LinkedHashMap<>();
    for (Change c : commits) {
      for (FileChange f : c.files()) {
        int[] lines = byPath.computeIfAbsent(f.path(), p -> new int[2]);
        lines[0] += f.additions();
        lines[1] += f.deletions();
      }
    }
    List<FileChange> files = new ArrayList<>(byPath.size());
    byPath.forEach((path, lines) -> files.add(new FileChange(path, lines[0], lines[1])));
    return files;
  }
}
