package io.podometer.connectors.simulate;

import java.util.List;

/**
 * One commit as planned. Its parents are known only when it lands in the timeline (the branch head
 * or the default branch's head at that moment), so they are passed when the event is written.
 */
record Change(
    String sha,
    Author author,
    long at,
    String message,
    List<Trailer> trailers,
    List<FileChange> files,
    String branch,
    Integer prNumber) {

  record Trailer(String key, String value) {}

  record FileChange(String path, int additions, int deletions) {}

  int additions() {
    int sum = 0;
    for (FileChange f : files) {
      sum += f.additions();
    }
    return sum;
  }

  String subject() {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
