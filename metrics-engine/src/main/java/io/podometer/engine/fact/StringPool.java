package io.podometer.engine.fact;

import it.unimi.dsi.fastutil.objects.ObjectOpenHashSet;

/**
 * One shared instance per distinct string among the facts read with it. Repositories, identities,
 * shas, paths, services and statuses repeat across millions of facts (a commit's sha is in its
 * commit, its pull request, its deployment's range and its attribution): sharing them saves memory,
 * and every later hash lookup finds the hash already computed. Lives as long as the facts read with
 * it; thread-safe. Kept in open-addressing sets (a reference per string, no entry objects: a year's
 * facts hold close to two million distinct strings), striped so that parallel readers seldom wait
 * for each other.
 */
public final class StringPool {

  static final String ATTRIBUTE = StringPool.class.getName();

  private static final int STRIPES = 16;

  @SuppressWarnings("unchecked")
  private final ObjectOpenHashSet<String>[] stripes = new ObjectOpenHashSet[STRIPES];

  public StringPool() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ObjectOpenHashSet<>();
    }
  }

  public String share(String text) {
    int hash = text.hashCode();
    ObjectOpenHashSet<String> stripe = stripes[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
    synchronized (stripe) {
      return stripe.addOrGet(text);
    }
  }

  public int size() {
    int size = 0;
    for (ObjectOpenHashSet<String> stripe : stripes) {
      synchronized (stripe) {
        size += stripe.size();
      }
    }
    return size;
  }
}
