package io.podometer.connectors.simulate;

import io.podometer.connectors.simulate.Change.FileChange;
import io.podometer.connectors.simulate.Org.Service;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The moving state of one repository (one service): PR numbers, default-branch head, deploys. */
final class Repo {
  static final String DEFAULT_BRANCH = "main";
  private static final int RECENT = 12;

  record Merged(int number, String title, String mergeSha, List<FileChange> files, long mergedAt) {}

  final Service service;
  final String name;
  private int nextNumber = 1;
  private String head;
  private final ArrayDeque<Merged> recent = new ArrayDeque<>();

  /** The sha of the last successful production deployment, what a rollback returns to. */
  String lastGoodSha;

  Repo(Service service, String rootSha) {
    this.service = service;
    this.name = service.repo();
    this.head = rootSha;
  }

  int nextNumber() {
    return nextNumber++;
  }

  String head() {
    return head;
  }

  void advance(String sha) {
    head = sha;
  }

  void merged(Merged merged) {
    if (recent.size() == RECENT) {
      recent.removeFirst();
    }
    recent.addLast(merged);
  }

  List<Merged> recentMerges() {
    return new ArrayList<>(recent);
  }
}
