package io.podometer.engine.fact;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per distinct string among the facts read with it. Repositories, identities,
 * shas, paths, services and statuses repeat across millions of facts (a commit's sha is in its
 * commit, its pull request, its deployment's range and its attribution): sharing them saves memory,
 * and every later hash lookup finds the hash already computed. Lives as long as the facts read with
 * it; thread-safe.
 */
public final class StringPool {

  static final String ATTRIBUTE = StringPool.class.getName();

  private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

  public String share(String text) {
    // most strings are already in: a lock-free read first
    String shared = strings.get(text);
    if (shared != null) {
      return shared;
    }
    shared = strings.putIfAbsent(text, text);
    return shared == null ? text : shared;
  }

  public int size() {
    return strings.size();
  }
}
