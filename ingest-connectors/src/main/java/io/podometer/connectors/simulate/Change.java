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
}
