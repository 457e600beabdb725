package io.podometer.engine.metric.dora;

/** A pull request's natural key. */
record PrKey(String repo, int number) implements Comparable<PrKey> {

  /** Spreads the repository's hash so that consecutive numbers of similar repos do not collide. */
  @Override
  public int hashCode() {
    return repo.hashCode() * 0x9E3779B1 + number;
  }

  @Override
  public int compareTo(PrKey other) {
    int byRepo = repo.compareTo(other.repo);
    return byRepo != 0 ? byRepo : Integer.compare(number, other.number);
  }
}
