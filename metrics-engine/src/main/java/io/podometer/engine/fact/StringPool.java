package io.podometer.engine.fact;

import it.unimi.dsi.fastutil.objects.ObjectOpenHashSet;

/**
 * One shared instance per distinct string among the facts read with it. Repositories, identities,
 * shas, paths, services and statuses repeat across millions of facts (a commit's sha is in its
 * commit, its pull request, its deployment's range and its attribution): sharing them saves memory,
 * and every later hash lookup finds the hash already computed. The same goes for the small
 * immutable values facts repeat ({@link #share(Object)}: people, days, moments). Lives as long as
 * the facts read with it; thread-safe. Kept in open-addressing sets (a reference per value, no
 * entry objects: a year's facts hold close to two million distinct strings), striped so that
 * parallel readers seldom wait for each other.
 */
public final class StringPool {

  static final String ATTRIBUTE = StringPool.class.getName();

  private static final int STRIPES = 16;

  @SuppressWarnings("unchecked")
  private final ObjectOpenHashSet<Object>[] stripes = new ObjectOpenHashSet[STRIPES];

  public StringPool() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ObjectOpenHashSet<>();
    }
  }

  /**
   * The instance held equal to {@code value} (which is then held if none was). Only for immutable
   * values whose equality is their content: strings, records of strings, dates, moments.
   */
  @SuppressWarnings("unchecked")
  public <T> T share(T value) {
    int hash = value.hashCode();
    ObjectOpenHashSet<Object> stripe = stripes[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
    synchronized (stripe) {
      return (T) stripe.addOrGet(value);
    }
  }

  public int size() {
    int size = 0;
    for (ObjectOpenHashSet<Object> stripe : stripes) {
      synchronized (stripe) {
        size += stripe.size();
      }
    }
    return size;
  }
}
